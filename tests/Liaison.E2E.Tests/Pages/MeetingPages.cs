using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The account's Meetings tab, the meeting dialog and the meeting page (Prepare, Run).</summary>
public sealed class MeetingPages(IPage page)
{
    public async Task OpenAccountAsync(string accountName)
    {
        await page.GoToInteractiveAsync("accounts");
        await page.Locator("#accounts-table").GetByText(accountName).ClickAsync();
        await page.Locator("#account-title").Filter(new() { HasText = accountName }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public Task OpenTabAsync(string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Creates a meeting with the dialog's defaults (next working day, 10:00) and waits for its page.</summary>
    public async Task CreateAsync(string title, string type)
    {
        await OpenTabAsync("Meetings");
        await page.ClickAsync("#new-meeting");
        var dialog = page.Locator("#meeting-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#meeting-title", title);
        await page.ChooseAsync("meeting-type", type);
        await page.FillAsync("#meeting-location", "https://meet.example.test/quarterly");
        await page.ClickAsync("#save-meeting");
        var refused = page.Locator("#meeting-dialog .mud-input-error, #meeting-error");
        await page.Locator("#meeting-title").Filter(new() { HasText = title }).Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"The meeting was not created: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }

        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Prepare(string section) => page.Locator($"#prepare-{section}");

    /// <summary>Types the notes on the Run tab and saves them.</summary>
    public async Task RecordNotesAsync(string notes)
    {
        await OpenTabAsync("Run the meeting");
        var editor = page.Locator("#run-notes");
        await editor.FillAsync(notes);
        // Leaving the editor hands its text to the form before the save button is pressed.
        await editor.PressAsync("Tab");
        await page.ClickAsync("#save-run");
        var refused = page.Locator("#run-error, #meeting-tabs .mud-input-error");
        await page.GetByText("Meeting saved.").Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"The notes were not saved: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }
    }

    public ILocator Notes => page.Locator("#run-notes");

    public Task OpenRunTabAsync() => OpenTabAsync("Run the meeting");

    public Task RecordCommitmentAsync(string side, string title, string? owner, DateOnly due, bool clientVisible) =>
        new CommitmentPages(page).RecordAsync("#record-commitment", side, title, owner, due, clientVisible);
}
