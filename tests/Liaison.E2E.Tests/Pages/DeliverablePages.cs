using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The account's Requests tab, the request page with its triage, and the request's dialogs.</summary>
public sealed class RequestPages(IPage page)
{
    public async Task OpenTabAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Requests", Exact = true }).ClickAsync();
        await page.Locator("#requests-table").WaitForAsync();
    }

    /// <summary>Logs a request from the stakeholder whose option contains <paramref name="stakeholder"/>; returns nothing until it is in the list.</summary>
    public async Task LogAsync(string title, string stakeholder, string objective, DateOnly due, params string[] references)
    {
        await page.ClickAsync("#log-request");
        await page.Locator("#request-dialog").WaitForAsync();
        await page.ChooseAsync("request-stakeholder", stakeholder);
        await page.FillAsync("#request-title", title);
        await page.FillAsync("#request-objective", objective);
        await page.FillAsync("#request-audience", "Shoppers who compare labels in the chilled aisle.");
        await page.FillAsync("#request-key-message", "Nothing added, nothing hidden.");
        await page.FillAsync("#request-mandatories", "Recycling mark; the new logo lock-up.");
        await page.FillDateAsync("request-due", due);
        await page.FillAsync("#request-references", string.Join("\n", references));
        await Assertions.Expect(page.Locator("#request-stakeholder")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(stakeholder));
        await Assertions.Expect(page.Locator("#request-objective")).ToHaveValueAsync(objective);
        // Leaving the references commits them before the click saves.
        await page.Locator("#request-references").PressAsync("Tab");
        await page.ClickAsync("#save-request");
        await Saved(page, Link(title), "#request-error, #request-dialog .mud-input-error");
    }

    public ILocator Link(string title) => page.Locator($"#requests-table [data-request-link=\"{title}\"]");

    public async Task OpenAsync(string title)
    {
        await Link(title).ClickAsync();
        await page.Locator("#request-heading").Filter(new() { HasText = title }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Triages the open request into the one deliverable the dialog proposes, on the engagement.</summary>
    public async Task TriageIntoOneDeliverableAsync(string engagement, string type)
    {
        await page.ClickAsync("#triage-request");
        await page.Locator("#triage-dialog").WaitForAsync();
        await page.Locator("#triage-outcome-deliverables").ClickAsync();
        await page.Locator("#triage-title-0").WaitForAsync();
        await page.ChooseAsync("triage-engagement", engagement);
        await page.ChooseAsync("triage-type-0", type);
        await Assertions.Expect(page.Locator("#triage-engagement")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(engagement));
        await Assertions.Expect(page.Locator("#triage-type-0")).ToHaveValueAsync(type);
        await page.ClickAsync("#save-triage");
        await Saved(page, page.Locator("#request-deliverables"), "#triage-error, #triage-dialog .mud-input-error");
    }

    internal static async Task Saved(IPage page, ILocator success, string errors)
    {
        var refused = page.Locator(errors);
        await success.Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"Refused: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }
    }
}

/// <summary>The engagement's Deliverables board and the review screen of one deliverable.</summary>
public sealed class DeliverablePages(IPage page)
{
    public ILocator Card(string title) => page.Locator($"#deliverable-board [data-deliverable=\"{title}\"]");

    public ILocator Column(string stateId) => page.Locator($"#board-{stateId}");

    public ILocator State => page.Locator("#deliverable-state");

    public async Task OpenFromBoardAsync(string title)
    {
        await Card(title).ClickAsync();
        await page.Locator("#deliverable-heading").Filter(new() { HasText = title }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>A move that needs nothing more than its button; waits for the new state.</summary>
    public async Task MoveAsync(string moveId, string expectedState)
    {
        await page.ClickAsync($"#move-{moveId}");
        await ArrivedAsync(expectedState);
    }

    /// <summary>A move that opens the dialog: a comment, and for the client's decision whose it is.</summary>
    public async Task MoveWithDialogAsync(string moveId, string expectedState, string? comment, string? stakeholder = null)
    {
        await page.ClickAsync($"#move-{moveId}");
        await page.Locator("#move-dialog").WaitForAsync();
        if (stakeholder is not null)
        {
            await page.ChooseAsync("move-stakeholder", stakeholder);
            await Assertions.Expect(page.Locator("#move-stakeholder")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(stakeholder));
        }

        if (comment is not null)
        {
            await page.FillAsync("#move-comment", comment);
            await Assertions.Expect(page.Locator("#move-comment")).ToHaveValueAsync(comment);
        }

        await page.ClickAsync("#confirm-move");
        await RequestPages.Saved(page, page.Locator($"#deliverable-state[data-state=\"{expectedState}\"]"), "#move-error, #move-dialog .mud-input-error, #deliverable-page-error");
    }

    public async Task AddVersionAsync(int number, string link, string notes)
    {
        await page.ClickAsync("#add-version");
        await page.Locator("#version-dialog").WaitForAsync();
        await page.FillAsync("#version-link", link);
        await page.FillAsync("#version-notes", notes);
        await Assertions.Expect(page.Locator("#version-link")).ToHaveValueAsync(link);
        await page.ClickAsync("#save-version");
        await RequestPages.Saved(page, page.Locator($"#version-right[data-version=\"{number}\"]"), "#version-error, #version-dialog .mud-input-error");
    }

    /// <summary>Adds a version as a file; a refused file shows its reason by the file field, and another can be chosen.</summary>
    public async Task AddFileVersionAsync(int number, FilePayload file, string notes, FilePayload? refusedFirst = null, string? refusal = null)
    {
        await page.ClickAsync("#add-version");
        await page.Locator("#version-dialog").WaitForAsync();
        await page.FillAsync("#version-notes", notes);
        if (refusedFirst is not null)
        {
            await page.Locator("#version-file").SetInputFilesAsync(refusedFirst);
            await page.ClickAsync("#save-version");
            await Assertions.Expect(page.Locator("#version-file-error")).ToContainTextAsync(refusal ?? "");
        }

        await page.Locator("#version-file").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator("#version-file-chosen")).ToContainTextAsync(file.Name);
        await page.ClickAsync("#save-version");
        await RequestPages.Saved(page, page.Locator($"#version-right[data-version=\"{number}\"]"), "#version-error, #version-file-error, #version-dialog .mud-input-error");
    }

    public ILocator Round(string kind, int number) => page.Locator($"#rounds [data-round=\"{kind}-{number}\"]");

    private async Task ArrivedAsync(string expectedState) =>
        await RequestPages.Saved(page, page.Locator($"#deliverable-state[data-state=\"{expectedState}\"]"), "#deliverable-page-error");
}
