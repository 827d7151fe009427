using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class InteractionJourneyTests(E2EFixture fixture)
{
    [Fact]
    public async Task An_account_manager_logs_a_query_sees_its_SLA_countdown_and_closes_it_with_a_reply()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("clara@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        var accounts = new AccountPages(page);
        await accounts.CreateAccountAsync("Quayside Ferries", "Transport");
        await accounts.AddStakeholderAsync("Ines Harbour", "Head of Marketing", influence: 5, support: "Supporter");
        var interactions = new InteractionPages(page);
        await interactions.OpenTabAsync();
        await page.Locator("#no-awaiting").WaitForAsync();

        await interactions.LogQueryAsync("Can we move the launch?", "Urgent", "Ines Harbour");

        // Urgent is 2 business hours by default: whatever the hour, a query just logged has time left.
        var countdown = interactions.Countdown("Can we move the launch?");
        await Assertions.Expect(countdown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(1 h \d\d min|2 h 00 min|\d+ min) left$"));
        await Assertions.Expect(page.Locator("#interactions-table")).ToContainTextAsync("Awaiting");
        await Assertions.Expect(page.Locator("#coverage-figure")).ToHaveTextAsync("1 of 1");

        // The account manager answers queries by default, so it is on her own queue.
        await page.ClickAsync("#nav-awaiting-reply");
        await Assertions.Expect(page.Locator("#awaiting-table")).ToContainTextAsync("Quayside Ferries");
        await Assertions.Expect(interactions.Countdown("Can we move the launch?")).ToContainTextAsync("left");
        await Assertions.Expect(page.Locator("#reply-times-by-manager")).ToContainTextAsync("Clara Dufresne");

        await page.GoBackAsync();
        await page.Locator("#account-title").Filter(new() { HasText = "Quayside Ferries" }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        await interactions.OpenTabAsync();
        await interactions.ReplyAsync("Can we move the launch?", "Re: Can we move the launch?");

        await page.Locator("#no-awaiting").WaitForAsync();
        await Assertions.Expect(page.Locator("#interactions-table")).ToContainTextAsync("Replied");
        await Assertions.Expect(page.Locator("#reply-median")).Not.ToHaveTextAsync("—");
    }
}
