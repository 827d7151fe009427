using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The account's Plan, Recommendations and Insights tabs and their dialogs.</summary>
public sealed class RelationshipPages(IPage page)
{
    public Task OpenTabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    public async Task WritePlanAsync(string clientObjective, string agencyObjective, string initiative, string owner)
    {
        await OpenTabAsync("Plan");
        await page.ClickAsync("#edit-plan");
        await page.ClickAsync("#add-client-objective");
        await page.FillAsync("#client-objective-0", clientObjective);
        await page.ClickAsync("#add-agency-objective");
        await page.FillAsync("#agency-objective-0", agencyObjective);
        await page.ClickAsync("#add-initiative");
        await page.FillAsync("#initiative-title-0", initiative);
        await page.ChooseAsync("initiative-owner-0", owner);
        await page.ChooseAsync("initiative-status-0", "In progress");
        await Assertions.Expect(page.Locator("#initiative-title-0")).ToHaveValueAsync(initiative);
        await page.ClickAsync("#save-plan");
        await SucceededAsync(page.Locator("#plan-initiatives"), "#plan-error, #plan-form .mud-input-error");
    }

    /// <summary>Writes a draft recommendation with the given options and no one consulted.</summary>
    public async Task NewRecommendationAsync(string title, params string[] options)
    {
        await OpenTabAsync("Recommendations");
        await page.ClickAsync("#new-recommendation");
        await page.Locator("#recommendation-dialog").WaitForAsync();
        await page.FillAsync("#recommendation-title", title);
        for (var i = 0; i < options.Length; i++)
        {
            await page.ClickAsync("#add-option");
            await page.FillAsync($"#option-title-{i}", options[i]);
        }

        await Assertions.Expect(page.Locator("#recommendation-title")).ToHaveValueAsync(title);
        await page.ClickAsync("#save-recommendation");
        await SucceededAsync(Row(title), "#recommendation-error, #recommendation-dialog .mud-input-error");
    }

    public ILocator Row(string recommendation) => page.Locator("#recommendations-table tbody tr").Filter(new() { HasText = recommendation });

    /// <summary>Tries to present; returns the dialog's list of what is missing, or an empty list once presented.</summary>
    public async Task<IReadOnlyList<string>> PresentAsync(string recommendation)
    {
        await Row(recommendation).Locator(".present-recommendation").ClickAsync();
        await page.Locator("#present-dialog").WaitForAsync();
        await page.ClickAsync("#confirm-present");
        var missing = page.Locator("#present-errors li");
        await missing.First.Or(page.GetByText($"“{recommendation}” presented.")).First.WaitForAsync();
        return await missing.AllTextContentsAsync();
    }

    /// <summary>From the present dialog's errors: opens the editor, adds an option, someone consulted and the recommended option.</summary>
    public async Task CompleteFromPresentDialogAsync(string option, string consulted)
    {
        await page.ClickAsync("#present-edit");
        await page.Locator("#recommendation-dialog").WaitForAsync();
        var index = await page.Locator("[id^='option-title-']").CountAsync();
        await page.ClickAsync("#add-option");
        await page.FillAsync($"#option-title-{index}", option);
        await page.ChooseAsync("recommendation-recommended", "Option 1");
        await page.TickAsync("recommendation-consulted", consulted);
        await Assertions.Expect(page.Locator($"#option-title-{index}")).ToHaveValueAsync(option);
        await page.ClickAsync("#save-recommendation");
        await SucceededAsync(page.GetByText("Recommendation saved."), "#recommendation-error, #recommendation-dialog .mud-input-error");
    }

    public async Task RecordDecisionAsync(string recommendation, string decision, string reason)
    {
        await Row(recommendation).Locator(".decide-recommendation").ClickAsync();
        await page.Locator("#decision-dialog").WaitForAsync();
        await page.Locator($"#decision-{decision.ToLowerInvariant()}").ClickAsync();
        await page.ChooseAsync("decision-reason", reason);
        await page.FillAsync("#decision-note", "Their budget is frozen until spring.");
        await page.ClickAsync("#save-decision");
        await SucceededAsync(page.GetByText("Decision recorded"), "#decision-error, #decision-dialog .mud-input-error");
    }

    /// <summary>Saves an insight; returns the field errors the dialog shows, empty when it was saved.</summary>
    public async Task<IReadOnlyList<string>> NewInsightAsync(string title, string source)
    {
        if (await page.Locator("#insight-dialog").CountAsync() == 0)
        {
            await page.ClickAsync("#new-insight");
            await page.Locator("#insight-dialog").WaitForAsync();
        }

        await page.FillAsync("#insight-title", title);
        await page.FillAsync("#insight-source", source);
        await page.FillAsync("#insight-tags", "competitor, pricing");
        await Assertions.Expect(page.Locator("#insight-source")).ToHaveValueAsync(source);
        await page.ClickAsync("#save-insight");
        var errors = page.Locator("#insight-dialog .mud-input-error, #insight-error");
        await errors.First.Or(page.GetByText($"Insight “{title}” saved.")).First.WaitForAsync();
        return await errors.AllTextContentsAsync();
    }

    /// <summary>Shares with the stakeholder; returns the throttle's message if the limit refused it.</summary>
    public async Task<string?> ShareInsightAsync(string title, string stakeholder)
    {
        await page.Locator("#insights-table tbody tr").Filter(new() { HasText = title }).Locator(".share-insight").ClickAsync();
        await page.Locator("#share-dialog").WaitForAsync();
        await page.TickAsync("share-stakeholders", stakeholder);
        await page.ClickAsync("#confirm-share");
        var throttled = page.Locator("#share-throttled");
        await throttled.Or(page.GetByText($"“{title}” shared.")).First.WaitForAsync();
        return await throttled.CountAsync() > 0 ? await throttled.TextContentAsync() : null;
    }

    public async Task ShareAnywayAsync(string title, string reason)
    {
        await page.FillAsync("#share-override-reason", reason);
        await page.ClickAsync("#share-anyway");
        await SucceededAsync(page.GetByText($"“{title}” shared beyond the limit"), "#share-error, #share-dialog .mud-input-error");
    }

    private async Task SucceededAsync(ILocator success, string errors)
    {
        var refused = page.Locator(errors);
        await success.Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"The save was refused: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }
    }
}
