using System.Globalization;
using System.Text;
using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

/// <summary>
/// Mateo, project manager of the demo's "Summer timetable campaign" (Harbourline Ferries, with Tom
/// Whitaker, Kofi Mensah and Daniel Okafor on it), brings in his team's time from Harvest, downloads
/// it again, and keeps the engagement's expenses.
/// </summary>
public sealed class TimeImportTests(E2EFixture fixture)
{
    private const string Account = "Harbourline Ferries";
    private const string Engagement = "Summer timetable campaign";
    private const string TimeHeader = "Date,Account,Engagement,Person,Hours,Minutes,Billable,Note";

    private const string HarvestHeader =
        "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL";

    [Fact]
    public async Task A_Harvest_file_is_checked_fixed_imported_and_exported_again()
    {
        // No month is locked in the demo, and two days back is always in the engagement's run.
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var good = new[]
        {
            Row(day, Engagement, "1.5", "Yes", "Tom", "Whitaker", "Harvest import: storyboard review"),
            Row(day, Engagement, "2", "No", "Kofi", "Mensah", "Harvest import: poster layouts"),
        };

        var mateo = await SignInAsync("mateo@northwind-pike.test");
        var import = new TimeImportPage(mateo);
        await import.OpenFromMenuAsync();

        // Two bad rows: a project the account does not have, and someone who is not on the engagement.
        await import.ChooseAsync("harvest-april.csv", Harvest(good[0], Row(day, "Winter ferry app", "1", "Yes", "Tom", "Whitaker", ""), good[1],
            Row(day, Engagement, "3", "Yes", "Lena", "Novak", "")));
        await import.CheckAsync();
        await Assertions.Expect(import.Problems.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(import.ProblemOnLine(3)).ToContainTextAsync("has no engagement called 'Winter ferry app'");
        await Assertions.Expect(import.ProblemOnLine(5)).ToContainTextAsync($"Lena Novak is not a member of {Engagement}.");
        await Assertions.Expect(import.ImportButton).ToBeDisabledAsync();

        await import.ChooseAsync("harvest-april-fixed.csv", Harvest(good));
        await import.CheckAsync();
        await Assertions.Expect(mateo.Locator("#import-ready")).ToContainTextAsync("2 rows");
        await import.ImportAsync();
        await Assertions.Expect(import.Done).ToContainTextAsync("Imported 2 entries");

        // The account's engagements offer its profitability to someone who sees money.
        await OpenEngagementAsync(mateo);
        await new EngagementPages(mateo).OpenTabAsync("Time");
        await mateo.Locator("#engagement-time-table").GetByText("Harvest import: storyboard review").WaitForAsync();

        var download = await mateo.RunAndWaitForDownloadAsync(() => mateo.ClickAsync("#export-time-csv"));
        download.SuggestedFilename.ShouldBe("time-entries.csv");
        await using var file = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        (await reader.ReadLineAsync(TestContext.Current.CancellationToken)).ShouldBe(TimeHeader);
        var rest = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        rest.ShouldContain($"{day},{Account},{Engagement},Kofi Mensah,2.00,120,No,Harvest import: poster layouts");
    }

    [Fact]
    public async Task An_expense_is_added_corrected_and_deleted_on_the_engagement()
    {
        const string note = "Ferry tickets for the photo shoot";
        var mateo = await SignInAsync("mateo@northwind-pike.test");
        await OpenEngagementAsync(mateo);
        var engagement = new EngagementPages(mateo);
        await engagement.OpenTabAsync("Expenses");
        var table = mateo.Locator("#engagement-expenses-table");
        await table.GetByText("Licensed photography").First.WaitForAsync();

        // Without an amount Core refuses it; the message sits on the field and nothing typed is lost.
        await mateo.ClickAsync("#add-expense");
        var dialog = mateo.Locator("#expense-dialog");
        await dialog.WaitForAsync();
        await mateo.ChooseAsync("expense-category", "Travel");
        await mateo.FillAsync("#expense-note", note);
        await mateo.ClickAsync("#save-expense");
        await dialog.GetByText("An expense is between 0.01 and 1,000,000.00.").WaitForAsync();
        await Assertions.Expect(mateo.Locator("#expense-note")).ToHaveValueAsync(note);
        await Assertions.Expect(mateo.Locator("#expense-category")).ToHaveValueAsync("Travel");

        await mateo.FillAsync("#expense-amount", "45.50");
        await mateo.ClickAsync("#save-expense");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var row = table.Locator("tbody tr").Filter(new() { HasText = note });
        await Assertions.Expect(row).ToContainTextAsync("45.50");
        await Assertions.Expect(row).ToContainTextAsync("Travel");

        await row.Locator("[id^='edit-expense-']").ClickAsync();
        await Assertions.Expect(mateo.Locator("#expense-amount")).ToHaveValueAsync("45.50");
        await mateo.FillAsync("#expense-amount", "1250");
        await mateo.ClickAsync("#save-expense");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(row).ToContainTextAsync("1,250.00");

        // Deleting asks first; keeping it changes nothing.
        await row.Locator("[id^='delete-expense-']").ClickAsync();
        await mateo.GetByRole(AriaRole.Button, new() { Name = "Keep it", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("[id^='delete-expense-']").ClickAsync();
        await mateo.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    /// <summary>From the account's Engagements tab, where a money-seeing user is also offered its profitability.</summary>
    private static async Task OpenEngagementAsync(IPage page)
    {
        await page.GoToInteractiveAsync("accounts");
        await page.Locator("#accounts-table").GetByText(Account).ClickAsync();
        await page.Locator("#account-title").Filter(new() { HasText = Account }).WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Engagements" }).ClickAsync();
        await Assertions.Expect(page.Locator("#export-profitability-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("downloads/accounts/.+/profitability\\?format=csv$"));
        await page.Locator("#account-engagements-table").GetByRole(AriaRole.Link, new() { Name = Engagement }).ClickAsync();
        await page.Locator("#engagement-title").Filter(new() { HasText = Engagement }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
    }

    private static string Row(string date, string project, string hours, string billable, string first, string last, string notes) =>
        $"{date},{Account},{project},,Design,{notes},{hours},,{billable},No,No,{first},{last},Designer,Yes,,,,,EUR,";

    private static string Harvest(params string[] rows) => string.Join("\r\n", [HarvestHeader, .. rows]) + "\r\n";

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        return page;
    }
}
