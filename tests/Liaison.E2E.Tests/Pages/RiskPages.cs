using System.Globalization;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests.Pages;

/// <summary>The Risks tab of an engagement or an account: the heat map, overdue reviews, the register and its dialogs.</summary>
public sealed class RiskPages(IPage page)
{
    public async Task OpenTabAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Risks", Exact = true }).ClickAsync();
        await page.Locator("#risks-table").WaitForAsync();
        await page.Locator("#risk-heat-map").WaitForAsync();
    }

    /// <summary>Records a risk from the "Record risk" button.</summary>
    /// <param name="probability">The option's text, e.g. "4 · Likely".</param>
    public async Task RecordRiskAsync(string title, string probability, string impact, DateOnly nextReview)
    {
        await page.ClickAsync("#new-risk");
        await FillAndSaveAsync(title, probability, impact, nextReview, realises: null);
        await WaitForAsync(page.GetByText($"Risk “{title}” recorded"), "recorded");
    }

    /// <summary>Records the issue a risk became, from that risk's row; the dialog names the risk already.</summary>
    public async Task RecordIssueFromRiskAsync(string riskTitle, string title, string impact)
    {
        await Row(riskTitle).Locator(".realise-risk").ClickAsync();
        await FillAndSaveAsync(title, probability: null, impact, nextReview: null, realises: riskTitle);
        await WaitForAsync(page.GetByText($"Issue “{title}” recorded"), "recorded");
    }

    public ILocator Cell(int probability, int impact) => page.Locator($"#heat-cell-{probability}-{impact}");

    public ILocator Row(string title) => page.Locator("#risks-table tbody tr").Filter(new() { HasText = title });

    public ILocator OverdueReview(string title) => page.Locator($"#overdue-reviews tr[data-overdue=\"{title}\"]");

    public ILocator Status(string title) => page.Locator($"#risks-table [data-status=\"{title}\"]");

    public Task ShowStatusAsync(string option) => page.ChooseAsync("risks-filter-status", option);

    private async Task FillAndSaveAsync(string title, string? probability, string impact, DateOnly? nextReview, string? realises)
    {
        var dialog = page.Locator("#risk-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#risk-title", title);
        if (probability is not null)
        {
            await page.ChooseAsync("risk-probability", probability);
            await Assertions.Expect(page.Locator("#risk-probability")).ToHaveValueAsync(probability);
        }

        await page.ChooseAsync("risk-impact", impact);
        await Assertions.Expect(page.Locator("#risk-impact")).ToHaveValueAsync(impact);
        if (nextReview is { } date)
        {
            await page.FillDateAsync("risk-next-review", date);
            await Assertions.Expect(page.Locator("input#risk-next-review, .mud-picker:has(#risk-next-review) input").First)
                .ToHaveValueAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (realises is not null)
        {
            await Assertions.Expect(page.Locator("#risk-realised-risk")).ToHaveValueAsync(realises);
        }

        await Assertions.Expect(page.Locator("#risk-title")).ToHaveValueAsync(title);
        await page.ClickAsync("#save-risk");
    }

    /// <summary>Waits for the sign of success; a refused save fails at once with the dialog's reasons.</summary>
    private async Task WaitForAsync(ILocator success, string what)
    {
        var refused = page.Locator("#risk-error, #risk-dialog .mud-input-error");
        await success.Or(refused).First.WaitForAsync();
        if (await refused.CountAsync() > 0)
        {
            throw new InvalidOperationException($"The entry was not {what}: {string.Join(" ", await refused.AllTextContentsAsync())}");
        }

        await page.Locator("#risk-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
