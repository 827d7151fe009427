using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The engagement's Change requests tab: the scope log, the change-request log and its dialogs.</summary>
public sealed class ChangeRequestPages(IPage page)
{
    public async Task OpenTabAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Change requests", Exact = true }).ClickAsync();
        await page.Locator("#change-requests-table").WaitForAsync();
        await page.Locator("#scope-log").WaitForAsync();
    }

    public ILocator Dialog => page.Locator("#change-request-dialog");

    /// <summary>Opens the new-change-request dialog and types the change; the requester is left to pick.</summary>
    public async Task StartDraftAsync(string title, string description, string hours, string fee, int days, string? internalNotes = null)
    {
        await page.ClickAsync("#new-change-request");
        await Dialog.WaitForAsync();
        await page.FillAsync("#change-title", title);
        await page.FillAsync("#change-description", description);
        await page.FillAsync("#change-reason", "Retail asked for them at the range review.");
        await page.FillAsync("#change-hours", hours);
        await page.FillAsync("#change-fee", fee);
        await page.FillAsync("#change-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (internalNotes is not null)
        {
            await page.FillAsync("#change-notes", internalNotes);
        }
    }

    public Task SaveAsync() => page.ClickAsync("#save-change-request");

    public ILocator Row(string title) => page.Locator("#change-requests-table tbody tr").Filter(new() { HasText = title });

    public ILocator State(string title) => page.Locator($"[data-change-state=\"{title}\"]");

    /// <summary>Clicks a step of the row (Propose, Approve, Reject, Apply).</summary>
    public Task StepAsync(string step, string title) =>
        Row(title).GetByRole(AriaRole.Button, new() { Name = $"{step} {title}", Exact = true }).ClickAsync();

    /// <summary>Answers the confirmation the step asks for with its button.</summary>
    public async Task ConfirmAsync(string button)
    {
        var box = page.GetByRole(AriaRole.Dialog);
        await box.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await box.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>A client user's own approval: no one to name and nothing to apply.</summary>
    public async Task ApproveAsClientAsync(string title, string note)
    {
        await StepAsync("Approve", title);
        var dialog = page.Locator("#decision-dialog");
        await dialog.WaitForAsync();
        await Assertions.Expect(page.Locator("#decision-stakeholder")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#decision-apply")).ToHaveCountAsync(0);
        await page.FillAsync("#decision-note", note);
        await page.ClickAsync("#save-decision");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Records the client's approval on their behalf, naming who decided, without applying it yet.</summary>
    public async Task RecordApprovalAsync(string title, string stakeholder, string note)
    {
        await StepAsync("Approve", title);
        var dialog = page.Locator("#decision-dialog");
        await dialog.WaitForAsync();
        await page.ChooseAsync("decision-stakeholder", stakeholder);
        await page.FillAsync("#decision-note", note);
        await page.ClickAsync("#save-decision");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
