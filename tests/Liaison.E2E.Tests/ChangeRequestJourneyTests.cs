using System.Globalization;
using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class ChangeRequestJourneyTests(E2EFixture fixture)
{
    private const string Account = "Verdant Foods";
    private const string Engagement = "Packaging refresh";
    private const string Change = "Two extra pack sizes";

    [Fact]
    public async Task A_change_request_is_approved_and_the_engagements_budget_and_end_date_change()
    {
        // Jonas runs Verdant Foods; its packaging refresh is a fixed fee of 24,000.00 in delivery.
        var jonas = await SignInAsync("jonas@northwind-pike.test");
        await jonas.GoToInteractiveAsync("accounts");
        await jonas.Locator("#accounts-table").GetByText(Account).ClickAsync();
        await jonas.Locator("#account-title").Filter(new() { HasText = Account }).WaitForAsync();
        await jonas.GetByRole(AriaRole.Tab, new() { Name = "Engagements" }).ClickAsync();
        await jonas.Locator("#account-engagements-table").GetByRole(AriaRole.Link, new() { Name = Engagement }).ClickAsync();
        await jonas.Locator("#engagement-title").Filter(new() { HasText = Engagement }).WaitForAsync();
        await jonas.WaitUntilInteractiveAsync();
        var end = EndDate(await jonas.Locator("#engagement-dates").TextContentAsync());

        var changes = new ChangeRequestPages(jonas);
        await changes.OpenTabAsync();
        await Assertions.Expect(jonas.Locator("#scope-original")).ToContainTextAsync("24,000.00");

        // A draft must say who asked for it: Core's message sits on the field, and nothing typed is lost.
        await changes.StartDraftAsync(Change, "A 250 g and a 1 kg pack, with dielines and mock-ups.", hours: "20", fee: "3000", days: 14);
        await changes.SaveAsync();
        await changes.Dialog.GetByText("Say who asked for the change").WaitForAsync();
        await Assertions.Expect(jonas.Locator("#change-title")).ToHaveValueAsync(Change);
        await jonas.ChooseAsync("change-requester", "(client)");
        await changes.SaveAsync();
        await changes.Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(changes.State(Change)).ToHaveTextAsync("Draft");
        await Assertions.Expect(changes.Row(Change)).ToContainTextAsync("+3,000.00");

        // Proposed, it is frozen and waits for the client.
        await changes.StepAsync("Propose", Change);
        await changes.ConfirmAsync("Propose");
        await Assertions.Expect(changes.State(Change)).ToHaveTextAsync("Proposed");
        await Assertions.Expect(changes.Row(Change).GetByRole(AriaRole.Button, new() { Name = $"Edit {Change}" })).ToHaveCountAsync(0);
        await Assertions.Expect(jonas.Locator("#scope-awaiting")).ToContainTextAsync("1 change request");

        // The client's marketing director said yes on a call: Jonas records it for them.
        await changes.RecordApprovalAsync(Change, "Marketing Director", "Agreed on the call.");
        await Assertions.Expect(changes.State(Change)).ToHaveTextAsync("Approved");
        await Assertions.Expect(jonas.Locator($"[data-scope-change=\"{Change}\"]")).ToContainTextAsync("not applied yet");
        await Assertions.Expect(jonas.Locator("#engagement-dates")).ToContainTextAsync(Label(end));

        // Applying moves the fee and the end date together, and says so before it does.
        await changes.StepAsync("Apply", Change);
        await Assertions.Expect(jonas.GetByRole(AriaRole.Dialog)).ToContainTextAsync("from 24,000.00 to 27,000.00");
        await changes.ConfirmAsync("Apply");
        await Assertions.Expect(changes.State(Change)).ToHaveTextAsync("Applied");
        await Assertions.Expect(jonas.Locator("#engagement-dates")).ToContainTextAsync(Label(end.AddDays(14)));
        await Assertions.Expect(jonas.Locator("#scope-current")).ToContainTextAsync("27,000.00");
        await Assertions.Expect(jonas.Locator("#scope-current")).ToContainTextAsync(Label(end.AddDays(14)));
        await Assertions.Expect(jonas.Locator("#scope-growth-fee")).ToHaveTextAsync("+3,000.00 (+12.5 %)");
        await Assertions.Expect(jonas.Locator("#scope-growth-hours")).ToHaveTextAsync("+20:00 h");
        await Assertions.Expect(jonas.Locator("#scope-growth-days")).ToHaveTextAsync("+14 days");

        await jonas.GetByRole(AriaRole.Tab, new() { Name = "Budget & profitability" }).ClickAsync();
        await Assertions.Expect(jonas.Locator("#budget-summary")).ToContainTextAsync("Fixed fee of 27,000.00");
    }

    [Fact]
    public async Task A_client_approves_a_change_proposed_to_them_on_their_engagement_page()
    {
        const string change = "Station posters in French";
        var jonas = await SignInAsync("jonas@northwind-pike.test");
        await jonas.GoToInteractiveAsync("engagements");
        await jonas.Locator("#engagements-table").GetByText("Summer timetable campaign").ClickAsync();
        await jonas.Locator("#engagement-title").Filter(new() { HasText = "Summer timetable campaign" }).WaitForAsync();
        await jonas.WaitUntilInteractiveAsync();
        var engagementUrl = jonas.Url;
        var changes = new ChangeRequestPages(jonas);
        await changes.OpenTabAsync();
        await changes.StartDraftAsync(change, "French versions of the station posters.", hours: "12", fee: "1500", days: 0,
            internalNotes: "Internal: translation is subcontracted.");
        await jonas.ChooseAsync("change-requester", "Jonas Becker (agency)");
        await changes.SaveAsync();
        await changes.Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await changes.StepAsync("Propose", change);
        await changes.ConfirmAsync("Propose");
        await Assertions.Expect(changes.State(change)).ToHaveTextAsync("Proposed");

        // Olivia, the client, sees what she is asked to approve, and nothing internal.
        var olivia = await SignInAsync("olivia@harbourline.example");
        await olivia.GotoAsync(engagementUrl);
        await olivia.Locator("#engagement-title").WaitForAsync();
        await olivia.WaitUntilInteractiveAsync();
        var asClient = new ChangeRequestPages(olivia);
        await Assertions.Expect(asClient.Row(change)).ToContainTextAsync("+1,500.00");
        await Assertions.Expect(asClient.Row(change)).ToContainTextAsync("+12:00 h");
        await Assertions.Expect(olivia.Locator("#client-change-requests")).Not.ToContainTextAsync("Internal:");
        await Assertions.Expect(olivia.Locator("#new-change-request")).ToHaveCountAsync(0);
        await asClient.ApproveAsClientAsync(change, "Yes, please.");
        await Assertions.Expect(asClient.State(change)).ToHaveTextAsync("Approved");
        await Assertions.Expect(asClient.Row(change)).ToContainTextAsync("by Olivia Whitfield: “Yes, please.”");

        // Back with Jonas, it waits to be applied.
        await jonas.ReloadAsync();
        await jonas.WaitUntilInteractiveAsync();
        await changes.OpenTabAsync();
        await Assertions.Expect(changes.State(change)).ToHaveTextAsync("Approved");
        await Assertions.Expect(changes.Row(change).GetByRole(AriaRole.Button, new() { Name = $"Apply {change}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_change_request_raised_from_a_clients_request_triages_it_and_links_back()
    {
        // The demo's Tidewater Bank asked for an explainer video; Clara, its account manager, prices it as a change.
        const string ask = "An explainer video for the app store page";
        var clara = await SignInAsync("clara@northwind-pike.test");
        await clara.GoToInteractiveAsync("accounts");
        await clara.Locator("#accounts-table").GetByText("Tidewater Bank").ClickAsync();
        await clara.Locator("#account-title").Filter(new() { HasText = "Tidewater Bank" }).WaitForAsync();
        await clara.WaitUntilInteractiveAsync();
        var requests = new RequestPages(clara);
        await requests.OpenTabAsync();
        await requests.OpenAsync(ask);
        await Assertions.Expect(clara.Locator("#request-outcome")).ToHaveTextAsync("Waiting for triage");
        await clara.ChooseAsync("raise-change-request-engagement", "Mobile app onboarding");
        await clara.ClickAsync("#raise-change-request");

        // The draft opens on the engagement, filled from the request; Clara adds the impact.
        var changes = new ChangeRequestPages(clara);
        await changes.Dialog.WaitForAsync();
        await Assertions.Expect(clara.Locator("#change-title")).ToHaveValueAsync(ask);
        await Assertions.Expect(clara.Locator("#change-description")).ToHaveValueAsync("Show the onboarding in thirty seconds.");
        await clara.FillAsync("#change-hours", "30");
        await clara.FillAsync("#change-days", "14");
        await changes.SaveAsync();
        await changes.Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(changes.State(ask)).ToHaveTextAsync("Draft");
        // Reloading the engagement does not ask for the draft again.
        await clara.WaitForURLAsync(url => !url.Contains("fromRequest", StringComparison.Ordinal));

        // The request is triaged by it, and links to it.
        await clara.GoBackAsync();
        await clara.Locator("#request-heading").Filter(new() { HasText = ask }).WaitForAsync();
        await clara.ReloadAsync();
        await clara.WaitUntilInteractiveAsync();
        await Assertions.Expect(clara.Locator("#request-outcome")).ToHaveTextAsync("Change request");
        await Assertions.Expect(clara.Locator("#request-change-request-link")).ToHaveTextAsync(ask);
        await Assertions.Expect(clara.Locator("#request-change-request")).ToContainTextAsync("(draft)");
        await Assertions.Expect(clara.Locator("#raise-change-request")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, LiveApp.Password);
        await page.WaitUntilInteractiveAsync();
        return page;
    }

    /// <summary>The end of "1 Sep 2026 – 28 Feb 2027", as the engagement page shows its dates.</summary>
    private static DateOnly EndDate(string? dates) =>
        DateOnly.ParseExact((dates ?? "").Split('–')[1].Trim(), "d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Label(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
