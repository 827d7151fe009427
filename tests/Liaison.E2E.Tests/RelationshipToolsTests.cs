using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class RelationshipToolsTests(E2EFixture fixture)
{
    [Fact]
    public async Task An_account_manager_writes_the_plan_presents_a_recommendation_only_once_the_homework_is_done_and_shares_insights_within_the_limit()
    {
        var jonas = await SignInAsync("jonas@northwind-pike.test");
        await new MeetingPages(jonas).OpenAccountAsync("Verdant Foods");
        var tabs = new RelationshipPages(jonas);

        await tabs.WritePlanAsync("Grow online orders by a fifth", "Win the packaging redesign", "Loyalty app pilot", "Jonas");
        await Assertions.Expect(jonas.Locator("#plan-client-objectives")).ToContainTextAsync("Grow online orders by a fifth");
        await Assertions.Expect(jonas.Locator("#plan-initiatives")).ToContainTextAsync("Jonas Becker");
        await Assertions.Expect(jonas.Locator("#plan-initiatives")).ToContainTextAsync("In progress");
        await Assertions.Expect(jonas.Locator("#plan-last-reviewed")).ToHaveTextAsync("Not reviewed at a meeting yet");

        // Don't guess: one option and nobody asked is not ready to present.
        const string Advice = "Move the newsletter to weekly";
        await tabs.NewRecommendationAsync(Advice, "Weekly newsletter");
        var missing = await tabs.PresentAsync(Advice);
        missing.ShouldContain(m => m.Contains("at least two options", StringComparison.Ordinal));
        missing.ShouldContain(m => m.Contains("Consult at least one person", StringComparison.Ordinal));
        await tabs.CompleteFromPresentDialogAsync("Keep it monthly", "Tom Whitaker");
        (await tabs.PresentAsync(Advice)).ShouldBeEmpty();
        await tabs.RecordDecisionAsync(Advice, "Declined", "Budget");
        await Assertions.Expect(tabs.Row(Advice)).ToContainTextAsync("Declined");
        await Assertions.Expect(jonas.Locator("#acceptance-by-reason tr[data-key='Budget']")).ToContainTextAsync("0 %");

        // Insights: the source must be a web address; the third share in 30 days needs a reason.
        await tabs.OpenTabAsync("Insights");
        await Assertions.Expect(jonas.Locator("#insight-limit-value")).ToHaveTextAsync("2");
        (await tabs.NewInsightAsync("Rival launches a meal-kit line", "not a web address"))
            .ShouldContain(e => e.Contains("full http:// or https:// address", StringComparison.Ordinal));
        (await tabs.NewInsightAsync("Rival launches a meal-kit line", "https://news.example.test/meal-kits")).ShouldBeEmpty();
        (await tabs.NewInsightAsync("Packaging tax from next year", "https://news.example.test/packaging-tax")).ShouldBeEmpty();
        (await tabs.NewInsightAsync("Shoppers switch to own brands", "https://news.example.test/own-brands")).ShouldBeEmpty();
        (await tabs.ShareInsightAsync("Rival launches a meal-kit line", "Marketing")).ShouldBeNull();
        (await tabs.ShareInsightAsync("Packaging tax from next year", "Marketing")).ShouldBeNull();
        var refusal = await tabs.ShareInsightAsync("Shoppers switch to own brands", "Marketing");
        refusal.ShouldNotBeNull();
        refusal.ShouldContain("the limit is 2");
        await tabs.ShareAnywayAsync("Shoppers switch to own brands", "They asked for anything on own brands before the board meeting.");
        await Assertions.Expect(jonas.Locator("#insight-limit-used")).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task A_user_creates_copies_and_revokes_their_secret_calendar_address()
    {
        var page = await SignInAsync("clara@northwind-pike.test");
        await page.Locator("#nav-calendar-feed").ClickAsync();
        await page.Locator("#calendar-feed-none").WaitForAsync();

        await page.ClickAsync("#create-calendar-feed");
        var url = page.Locator("#calendar-feed-url");
        await Assertions.Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/cal_[^/]+\\.ics$"));
        await page.Locator("#calendar-feed-active").WaitForAsync();
        var address = await url.InputValueAsync();

        // The address works without signing in: a calendar app cannot sign in.
        using var anonymous = await Microsoft.Playwright.Playwright.CreateAsync();
        var request = await anonymous.APIRequest.NewContextAsync();
        var feed = await request.GetAsync(address);
        feed.Status.ShouldBe(200);
        (await feed.TextAsync()).ShouldStartWith("BEGIN:VCALENDAR");

        await page.ClickAsync("#revoke-calendar-feed");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.Locator("#calendar-feed-none").WaitForAsync();
        (await request.GetAsync(address)).Status.ShouldBe(404);
        await request.DisposeAsync();
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        return page;
    }
}
