using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

/// <summary>
/// Priya, project manager of the demo's "Packaging refresh" (Verdant Foods), keeps its risk register: no
/// other test records risks there, so the heat map starts empty.
/// </summary>
public sealed class RiskJourneyTests(E2EFixture fixture)
{
    private const string Risk = "Printer capacity in peak season";
    private const string Issue = "Printer missed the print slot";

    [Fact]
    public async Task A_project_manager_records_a_risk_sees_it_on_the_heat_map_and_overdue_then_records_the_issue_that_realised_it()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("priya@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        await page.GoToInteractiveAsync("accounts");
        await page.Locator("#accounts-table").GetByText("Verdant Foods").ClickAsync();
        await page.Locator("#account-title").Filter(new() { HasText = "Verdant Foods" }).WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Engagements", Exact = true }).ClickAsync();
        await page.Locator("#account-engagements-table").GetByRole(AriaRole.Link, new() { Name = "Packaging refresh" }).ClickAsync();
        await page.Locator("#engagement-title").Filter(new() { HasText = "Packaging refresh" }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();

        var risks = new RiskPages(page);
        await risks.OpenTabAsync();
        await page.Locator("#no-overdue-reviews").WaitForAsync();
        await Assertions.Expect(risks.Cell(4, 5)).ToHaveAttributeAsync("data-count", "0");

        // A review date three days ago: the risk is overdue for review as soon as it is recorded.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await risks.RecordRiskAsync(Risk, "4 · Likely", "5 · Severe", today.AddDays(-3));

        await Assertions.Expect(risks.Cell(4, 5)).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(risks.Cell(4, 5)).ToHaveTextAsync("1");
        await Assertions.Expect(risks.Cell(5, 4)).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(risks.OverdueReview(Risk)).ToContainTextAsync("Priya Raman");
        await Assertions.Expect(risks.Row(Risk)).ToContainTextAsync("overdue");
        await Assertions.Expect(page.Locator($"#risks-table [data-score=\"{Risk}\"]")).ToHaveTextAsync("20");

        // The cell filters the register to the open risks in it.
        await risks.Cell(4, 5).ClickAsync();
        await page.Locator("#risks-filter-cell").WaitForAsync();
        await Assertions.Expect(page.Locator("#risks-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(risks.Row(Risk)).ToBeVisibleAsync();

        await risks.RecordIssueFromRiskAsync(Risk, Issue, "4 · Major");

        // Realised, the risk leaves the heat map and the reviews; the issue is counted beside the map.
        await Assertions.Expect(risks.Cell(4, 5)).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("#risk-totals")).ToContainTextAsync("0 open risks · 1 open issue");
        await page.Locator("#no-overdue-reviews").WaitForAsync();
        // Clicking the chosen cell again shows the whole register.
        await risks.Cell(4, 5).ClickAsync();
        await page.Locator("#risks-filter-cell").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await risks.ShowStatusAsync("All");
        await Assertions.Expect(risks.Status(Risk)).ToHaveTextAsync("Realised");
        await Assertions.Expect(risks.Status(Issue)).ToHaveTextAsync("Open");
        await Assertions.Expect(page.Locator($"#risks-table [data-realises=\"{Issue}\"]")).ToHaveTextAsync($"Realises: {Risk}");
    }
}
