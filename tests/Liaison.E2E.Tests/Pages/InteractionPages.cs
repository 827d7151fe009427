using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The account's Interactions tab and the "Awaiting reply" page.</summary>
public sealed class InteractionPages(IPage page)
{
    public async Task OpenTabAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Interactions", Exact = true }).ClickAsync();
        await page.Locator("#interactions-table").WaitForAsync();
    }

    /// <summary>Logs an inbound e-mail that needs a reply, from one stakeholder.</summary>
    public async Task LogQueryAsync(string subject, string priority, string stakeholder)
    {
        await page.ClickAsync("#log-query");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#interaction-subject", subject);
        await page.ChooseAsync("interaction-priority", priority);
        // A multi-select stays open after a pick; Escape closes it.
        await page.Locator(".mud-select:has(#interaction-stakeholders) .mud-input-control-input-container").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = stakeholder }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(page.Locator("#interaction-stakeholders")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(stakeholder));
        await Assertions.Expect(page.Locator("#interaction-priority")).ToHaveValueAsync(priority);
        await page.ClickAsync("#save-interaction");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Logs an outbound reply that answers the query with the given subject.</summary>
    public async Task ReplyAsync(string querySubject, string subject)
    {
        await page.ClickAsync("#log-interaction");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#interaction-subject", subject);
        await page.ChooseAsync("interaction-direction", "Outbound");
        await page.ChooseAsync("interaction-reply-to", querySubject);
        await page.ClickAsync("#save-interaction");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public ILocator Countdown(string subject) => page.Locator($"[data-countdown=\"{subject}\"]");
}
