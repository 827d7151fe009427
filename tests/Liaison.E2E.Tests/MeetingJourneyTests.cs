using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class MeetingJourneyTests(E2EFixture fixture)
{
    private const string Account = "Harbourline Ferries";
    private const string ClientPromise = "Send the brand guidelines";
    private const string AgencyPromise = "Send the reporting proposal";
    private const string InternalClientPromise = "Name the budget owner";

    [Fact]
    public async Task An_account_manager_prepares_and_runs_a_meeting_and_sees_each_sides_reliability_while_the_client_sees_only_what_is_theirs()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

        // Jonas, account manager of Harbourline Ferries, arranges the quarterly review.
        var jonas = await SignInAsync("jonas@northwind-pike.test");
        var meetings = new MeetingPages(jonas);
        await meetings.OpenAccountAsync(Account);
        await meetings.CreateAsync("Quarterly account review", "Account review");
        var meetingUrl = jonas.Url;

        // Preparing it: nobody has promised anything yet and no meeting was held before.
        await Assertions.Expect(meetings.Prepare("last-held")).ToContainTextAsync("No meeting with this account was held before");
        await Assertions.Expect(meetings.Prepare("client-commitments")).ToHaveTextAsync("The client has no open commitments.");
        await Assertions.Expect(meetings.Prepare("agency-commitments")).ToHaveTextAsync("The agency has no open commitments.");
        // Before a first meeting, the last 30 days of the interaction log: the demo account has some.
        await Assertions.Expect(meetings.Prepare("interactions").Locator("tbody tr").First).ToBeVisibleAsync();

        // Running it: the notes are kept.
        await meetings.RecordNotesAsync("Client wants weekly reporting on bookings.");
        await jonas.GotoAsync(meetingUrl);
        await jonas.WaitUntilInteractiveAsync();
        await meetings.OpenRunTabAsync();
        await Assertions.Expect(meetings.Notes).ToContainTextAsync("Client wants weekly reporting on bookings.");

        // Each side promises something at the meeting: the client's is due today, the agency's was due yesterday.
        await meetings.RecordCommitmentAsync("client", ClientPromise, owner: "Olivia", due: today, clientVisible: true);
        await meetings.RecordCommitmentAsync("agency", AgencyPromise, owner: null, due: today.AddDays(-1), clientVisible: false);
        await meetings.RecordCommitmentAsync("client", InternalClientPromise, owner: "Olivia", due: today.AddDays(10), clientVisible: false);
        await meetings.OpenTabAsync("Prepare");
        await Assertions.Expect(meetings.Prepare("client-commitments")).ToContainTextAsync(ClientPromise);
        await Assertions.Expect(meetings.Prepare("agency-commitments")).ToContainTextAsync(AgencyPromise);

        // On the account's Commitments tab the client's promise is ticked off on time; the agency's is overdue.
        await jonas.Locator("#meeting-account").ClickAsync();
        await jonas.WaitForURLAsync("**/accounts/*");
        await jonas.WaitUntilInteractiveAsync();
        var commitments = new CommitmentPages(jonas);
        await commitments.OpenTabAsync();
        await Assertions.Expect(commitments.Row(AgencyPromise)).ToContainTextAsync("Overdue");
        await commitments.MarkDoneAsync(ClientPromise, "Received by e-mail.");
        await Assertions.Expect(commitments.Reliability("client")).ToHaveTextAsync("100 %");
        await Assertions.Expect(commitments.Reliability("client-explained")).ToContainTextAsync("1 of 1 due commitment was done on time");
        await Assertions.Expect(commitments.Reliability("agency")).ToHaveTextAsync("0 %");
        await Assertions.Expect(commitments.Reliability("agency-explained")).ToContainTextAsync("0 of 1 due commitment was done on time");

        // The overdue promise is on Jonas's own list too.
        await jonas.Locator("#nav-my-commitments").ClickAsync();
        await Assertions.Expect(jonas.Locator("#my-overdue")).ToContainTextAsync(AgencyPromise);

        // Olivia, at the client, sees her side's visible promise, not the internal ones, and no reliability figures.
        var olivia = await SignInAsync("olivia@harbourline.example");
        await olivia.Locator("#account-title").Filter(new() { HasText = Account }).WaitForAsync();
        (await olivia.GetByRole(AriaRole.Tab, new() { Name = "Plan", Exact = true }).CountAsync()).ShouldBe(0);
        var asClient = new CommitmentPages(olivia);
        await asClient.OpenTabAsync();
        await asClient.ShowAsync("All");
        await Assertions.Expect(asClient.Row(ClientPromise)).ToContainTextAsync("Done");
        await Assertions.Expect(olivia.Locator("#commitments-table tbody tr")).ToHaveCountAsync(1);
        (await olivia.ContentAsync()).ShouldNotContain(InternalClientPromise);
        (await olivia.ContentAsync()).ShouldNotContain(AgencyPromise);
        (await olivia.Locator("#reliability").CountAsync()).ShouldBe(0);

        // She can open the meeting, without its internal notes.
        await olivia.GotoAsync(meetingUrl);
        await olivia.Locator("#meeting-title").Filter(new() { HasText = "Quarterly account review" }).WaitForAsync();
        (await olivia.ContentAsync()).ShouldNotContain("weekly reporting on bookings");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        return page;
    }
}
