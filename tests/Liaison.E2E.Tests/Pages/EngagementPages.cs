using System.Globalization;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The initiation wizard and the engagement page.</summary>
public sealed class EngagementPages(IPage page)
{
    public async Task StartFromAccountAsync(string accountName)
    {
        await page.GoToInteractiveAsync("accounts");
        await page.Locator("#accounts-table").GetByText(accountName).ClickAsync();
        await page.Locator("#account-title").Filter(new() { HasText = accountName }).WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Engagements" }).ClickAsync();
        await page.ClickAsync("#new-account-engagement");
        await page.Locator("#wizard-step-0").WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public async Task NextAsync(int expectedStep)
    {
        await page.ClickAsync("#wizard-next");
        await page.Locator($"#wizard-step-{expectedStep}").WaitForAsync();
    }

    public async Task FillNeedsAsync(string name, DateOnly start, DateOnly end, string needs)
    {
        await page.FillAsync("#engagement-name", name);
        await page.FillDateAsync("engagement-start", start);
        await page.FillDateAsync("engagement-end", end);
        await page.FillAsync("#client-needs", needs);
    }

    public async Task AddGoalAsync(string goal)
    {
        var index = await page.Locator("[id^='goal-']").CountAsync();
        await page.ClickAsync("#add-goal");
        await page.FillAsync($"#goal-{index}", goal);
    }

    public async Task AddDeliverableAsync(string title, DateOnly due)
    {
        var index = await page.Locator("[id^='deliverable-title-']").CountAsync();
        await page.ClickAsync("#add-deliverable");
        await page.FillAsync($"#deliverable-title-{index}", title);
        await page.FillDateAsync($"deliverable-due-{index}", due);
    }

    public async Task ChooseRolesAsync(string projectManager, string member, string role)
    {
        await page.ChooseAsync("engagement-pm", projectManager);
        await page.ClickAsync("#add-member");
        await page.ChooseAsync("member-staff-0", member);
        await page.FillAsync("#member-role-0", role);
    }

    public async Task SetHoursCapAsync(string hours)
    {
        await page.FillAsync("#budget-hours-cap", hours);
    }

    /// <summary>Sends the hand-off from the review step and waits for the engagement page.</summary>
    public async Task SendHandOffAsync()
    {
        await page.Locator("#brief-preview").WaitForAsync();
        await page.ClickAsync("#send-hand-off");
        await page.Locator("#engagement-title").WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Status => page.Locator("#engagement-status");

    public async Task OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#engagement-title").WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public Task OpenTabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    public async Task AcknowledgeWithQuestionAsync(string question)
    {
        await OpenTabAsync("Hand-off");
        await page.ClickAsync("#add-question");
        await page.FillAsync("#question-0", question);
        await page.ClickAsync("#acknowledge-hand-off");
        await page.Locator("#hand-off-acknowledged").WaitForAsync();
    }

    public async Task AnswerFirstQuestionAsync(string answer)
    {
        await OpenTabAsync("Hand-off");
        await page.FillAsync("#answer-0", answer);
        await page.ClickAsync("#send-answer-0");
        await page.Locator("#answer-text-0").WaitForAsync();
    }

    public async Task StartDeliveryAsync()
    {
        await page.ClickAsync("#start-delivery");
        await Assertions.Expect(Status).ToHaveTextAsync("In delivery");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
