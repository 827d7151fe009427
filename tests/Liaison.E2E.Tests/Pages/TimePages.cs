using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The week grid of /time.</summary>
public sealed class WeekGridPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GoToInteractiveAsync("time");
        await page.Locator("#week-grid").WaitForAsync();
    }

    /// <summary>Adds a row for the engagement; the first open day of the new row gets the focus.</summary>
    public async Task<int> AddRowAsync(string engagement)
    {
        await page.ChooseAsync("add-row-engagement", engagement);
        await page.ClickAsync("#add-row");
        return await RowOfAsync(engagement);
    }

    public async Task<int> RowOfAsync(string engagement)
    {
        var row = page.Locator("#week-grid tbody tr").Filter(new() { HasText = engagement }).First;
        await row.WaitForAsync();
        var id = await row.GetAttributeAsync("id") ?? "";
        return int.Parse(id["row-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public ILocator WeekLabel => page.Locator("#week-label");

    /// <summary>Waits for the save to be confirmed; a refused save fails at once with the page's reason and the cells as typed.</summary>
    public async Task WaitForSaveAsync()
    {
        var saved = page.GetByText("Week saved.");
        var refused = page.Locator("#week-error");
        await saved.Or(refused).First.WaitForAsync();
        if (await refused.IsVisibleAsync())
        {
            var cells = await page.Locator("input[id^=cell-]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.id + '=' + c.value)");
            throw new InvalidOperationException($"The week was not saved: {await refused.TextContentAsync()} Cells: {string.Join(", ", cells)}");
        }
    }

    public ILocator Cell(int row, int day) => page.Locator($"#cell-{row}-{day}");

    public ILocator RowTotal(int row) => page.Locator($"#row-total-{row}");
}
