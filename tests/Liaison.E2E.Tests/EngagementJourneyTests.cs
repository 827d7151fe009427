using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class EngagementJourneyTests(E2EFixture fixture)
{
    private const string Engagement = "Winter timetable campaign";

    [Fact]
    public async Task An_engagement_goes_from_initiation_through_hand_off_to_logged_time_and_a_margin()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        // The admin gives Tom rates from before the week he logs, so his time costs and bills.
        var admin = await SignInAsync("amira@northwind-pike.test");
        await new StaffAdminPage(admin).AddRateAsync("Tom Whitaker", monday.AddDays(-3), cost: 50m, bill: 120m);

        // Jonas, account manager of Harbourline Ferries, initiates the engagement step by step.
        var jonas = await SignInAsync("jonas@northwind-pike.test");
        var wizard = new EngagementPages(jonas);
        await wizard.StartFromAccountAsync("Harbourline Ferries");
        await jonas.ClickAsync("#wizard-next");
        await jonas.GetByText("Give the engagement a name.").WaitForAsync();
        await wizard.FillNeedsAsync(Engagement, start, start.AddMonths(4).AddDays(-1), "Passengers miss the winter timetable change.");
        await wizard.NextAsync(1);
        await wizard.AddGoalAsync("Every regular passenger knows the new timetable before it starts");
        await wizard.NextAsync(2);
        await wizard.AddDeliverableAsync("Campaign toolkit", start.AddMonths(2));
        await wizard.NextAsync(3);
        await wizard.ChooseRolesAsync("Mateo Alvarez", "Tom Whitaker", "Strategist");
        await wizard.NextAsync(4);
        await wizard.SetHoursCapAsync("100");
        await wizard.NextAsync(5);
        (await jonas.Locator("#brief-preview").TextContentAsync() ?? "").ShouldContain("capped at 100 hours");
        await wizard.SendHandOffAsync();
        await Assertions.Expect(wizard.Status).ToHaveTextAsync("Hand-off");
        var engagementUrl = jonas.Url;

        // Mateo, the project manager, acknowledges the brief with a question.
        var mateo = await SignInAsync("mateo@northwind-pike.test");
        var asPm = new EngagementPages(mateo);
        await asPm.OpenAsync(engagementUrl);
        await asPm.AcknowledgeWithQuestionAsync("Is the ferry app in scope?");
        (await mateo.Locator("#hand-off-brief").TextContentAsync() ?? "").ShouldContain("Every regular passenger knows the new timetable");

        // Jonas answers; with every question answered, delivery starts.
        await wizard.OpenAsync(engagementUrl);
        await wizard.AnswerFirstQuestionAsync("Yes: push notifications only.");
        await wizard.StartDeliveryAsync();

        // Tom logs his week from the keyboard: Tab between days, Enter saves.
        var tom = await SignInAsync("tom@northwind-pike.test");
        var grid = new WeekGridPage(tom);
        await grid.OpenAsync();
        var row = await grid.AddRowAsync(Engagement);
        await Assertions.Expect(grid.Cell(row, 0)).ToBeFocusedAsync();
        string[] days = ["7.5", "7:30", "450m", "6"];
        for (var day = 0; day < days.Length; day++)
        {
            await tom.Keyboard.TypeAsync(days[day]);
            await Assertions.Expect(grid.Cell(row, day)).ToHaveValueAsync(days[day]);
            await tom.Keyboard.PressAsync("Tab");
            // Typing on before the focus has moved would run two days into one cell ("6" + "1.5").
            await Assertions.Expect(grid.Cell(row, day + 1)).ToBeFocusedAsync();
        }

        await tom.Keyboard.TypeAsync("1.5");
        await Assertions.Expect(grid.Cell(row, days.Length)).ToHaveValueAsync("1.5");
        await tom.Keyboard.PressAsync("Enter");
        await grid.WaitForSaveAsync();
        await Assertions.Expect(grid.RowTotal(await grid.RowOfAsync(Engagement))).ToHaveTextAsync("30:00");
        var thisWeek = await grid.WeekLabel.TextContentAsync();
        await tom.Keyboard.PressAsync("Alt+ArrowLeft");
        await Assertions.Expect(grid.WeekLabel).Not.ToHaveTextAsync(thisWeek!);
        await tom.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(grid.WeekLabel).ToHaveTextAsync(thisWeek!);

        // Jonas sees the time burn the hours cap and earn a margin.
        await wizard.OpenAsync(engagementUrl);
        await wizard.OpenTabAsync("Budget & profitability");
        await Assertions.Expect(jonas.Locator("#burn-percent")).ToHaveTextAsync("30%");
        var margin = await jonas.Locator("#margin").TextContentAsync();
        margin.ShouldNotBeNullOrWhiteSpace();
        margin.ShouldNotBe("0.00");
        (await jonas.Locator("#revenue").TextContentAsync()).ShouldNotBe("0.00");
        await wizard.OpenTabAsync("Time");
        await jonas.Locator("#engagement-time-table").GetByText("Tom Whitaker").First.WaitForAsync();

        // The account's profitability lists the engagement with what it earned.
        await jonas.Locator("#engagement-account").ClickAsync();
        await jonas.WaitForURLAsync("**/accounts/*");
        await jonas.WaitUntilInteractiveAsync();
        await jonas.GetByRole(AriaRole.Tab, new() { Name = "Profitability" }).ClickAsync();
        var line = jonas.Locator("#profit-engagements tr").Filter(new() { HasText = Engagement });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        (await jonas.Locator("#account-revenue").TextContentAsync()).ShouldNotBe("0.00");

        // The client sees the engagement of their own account without money, hand-off or notes.
        var client = await SignInAsync("olivia@harbourline.example");
        await new EngagementPages(client).OpenAsync(engagementUrl);
        await Assertions.Expect(client.Locator("#engagement-status")).ToHaveTextAsync("In delivery");
        (await client.GetByRole(AriaRole.Tab, new() { Name = "Hand-off" }).CountAsync()).ShouldBe(0);
        (await client.GetByRole(AriaRole.Tab, new() { Name = "Budget & profitability" }).CountAsync()).ShouldBe(0);
        (await client.GetByText("Is the ferry app in scope?").CountAsync()).ShouldBe(0);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        return page;
    }
}
