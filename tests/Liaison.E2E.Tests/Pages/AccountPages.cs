using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

public sealed class AccountPages(IPage page)
{
    public async Task CreateAccountAsync(string name, string industry)
    {
        await page.GoToInteractiveAsync("accounts/new");
        await page.FillAsync("#account-name", name);
        await page.FillAsync("#account-industry", industry);
        await page.ClickAsync("#save-account");
        await page.Locator("#account-title").Filter(new() { HasText = name }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    public async Task AddStakeholderAsync(string name, string title, int influence, string support)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Stakeholders", Exact = true }).ClickAsync();
        await page.ClickAsync("#add-stakeholder");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#stakeholder-name", name);
        await page.FillAsync("#stakeholder-title", title);
        await page.FillAsync("#stakeholder-influence", influence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // MudSelect keeps its value in a hidden input; the visible control is its wrapper.
        await page.Locator(".mud-select:has(#stakeholder-support) .mud-input-control-input-container").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = support }).First.ClickAsync();
        // Both values must have reached the form before saving; a click that beats the binding would save defaults.
        await Assertions.Expect(page.Locator("#stakeholder-support")).ToHaveValueAsync(support);
        await Assertions.Expect(page.Locator("#stakeholder-influence")).ToHaveValueAsync(influence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#save-stakeholder");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async Task<ILocator> FindOnMapAsync(string name)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Stakeholder map" }).ClickAsync();
        return page.Locator($"#stakeholder-map [data-stakeholder=\"{name}\"]");
    }
}
