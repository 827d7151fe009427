using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The commitment dialogs and the account's Commitments tab.</summary>
public sealed class CommitmentPages(IPage page)
{
    /// <summary>Opens the dialog with the given button, fills it and waits for it to close.</summary>
    /// <param name="side">"client" or "agency".</param>
    /// <param name="owner">Part of the owner's name; null keeps the dialog's default owner.</param>
    public async Task RecordAsync(string openButton, string side, string title, string? owner, DateOnly due, bool clientVisible)
    {
        await page.ClickAsync(openButton);
        var dialog = page.Locator("#commitment-dialog");
        await dialog.WaitForAsync();
        await page.Locator($"#commitment-side-{side}").ClickAsync();
        var ownerSelect = side == "client" ? "commitment-owner-stakeholder" : "commitment-owner-staff";
        await page.Locator($"#{ownerSelect}").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#commitment-title", title);
        if (owner is not null)
        {
            await page.ChooseAsync(ownerSelect, owner);
        }

        await page.FillDateAsync("commitment-due", due);
        var visible = page.Locator("#commitment-client-visible");
        if (await visible.IsCheckedAsync() != clientVisible)
        {
            await visible.ClickAsync();
        }

        await Assertions.Expect(visible).ToBeCheckedAsync(new() { Checked = clientVisible });
        await Assertions.Expect(page.Locator("#commitment-title")).ToHaveValueAsync(title);
        await page.ClickAsync("#save-commitment");
        await WaitForAsync(page.GetByText($"Commitment “{title}” recorded."), "#commitment-error, #commitment-dialog .mud-input-error", "recorded");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async Task OpenTabAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Commitments", Exact = true }).ClickAsync();
        await page.Locator("#commitments-table").WaitForAsync();
    }

    public ILocator Row(string title) => page.Locator("#commitments-table tbody tr").Filter(new() { HasText = title });

    public Task ShowAsync(string filter) => page.ChooseAsync("commitments-filter", filter);

    /// <summary>Marks the commitment done today from its row, through the progress dialog.</summary>
    public async Task MarkDoneAsync(string title, string note)
    {
        await Row(title).Locator(".mark-done").ClickAsync();
        var dialog = page.Locator("#commitment-update-dialog");
        await dialog.WaitForAsync();
        await Assertions.Expect(page.Locator("#commitment-update-status")).ToHaveValueAsync("Done");
        await page.FillAsync("#commitment-update-text", note);
        await page.ClickAsync("#save-commitment-update");
        await WaitForAsync(page.GetByText($"“{title}” is now done."), "#commitment-update-error, #commitment-update-dialog .mud-input-error", "marked done");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public ILocator Reliability(string side) => page.Locator($"#reliability-{side}");

    /// <summary>Waits for the sign of success; a refused save fails at once with the dialog's reasons.</summary>
    private async Task WaitForAsync(ILocator success, string errors, string what)
    {
        var refused = page.Locator(errors);
        await success.Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"The commitment was not {what}: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }
    }
}
