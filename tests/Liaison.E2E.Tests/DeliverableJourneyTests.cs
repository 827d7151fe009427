using Liaison.E2E.Tests.Infrastructure;
using Liaison.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace Liaison.E2E.Tests;

public sealed class DeliverableJourneyTests(E2EFixture fixture)
{
    private const string Account = "Verdant Foods";
    private const string Engagement = "Packaging refresh";
    private const string Title = "Oat drink carton refresh";
    private const string Objective = "Make the oat range stand out on a crowded shelf.";

    [Fact]
    public async Task An_account_manager_turns_a_request_into_a_deliverable_that_passes_the_filter_twice_and_is_approved_in_the_second_client_round()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("jonas@northwind-pike.test", LiveApp.Password);
        await page.WaitUntilInteractiveAsync();

        // Jonas, account manager of Verdant Foods, logs what their marketing director asked for, with the brief.
        await page.GoToInteractiveAsync("accounts");
        await page.Locator("#accounts-table").GetByText(Account).ClickAsync();
        await page.Locator("#account-title").Filter(new() { HasText = Account }).WaitForAsync();
        await page.WaitUntilInteractiveAsync();
        var requests = new RequestPages(page);
        await requests.OpenTabAsync();
        await requests.LogAsync(Title, "Marketing Director", Objective, today.AddDays(21),
            "https://example.com/verdant/moodboard", "https://example.com/verdant/current-carton");
        await Assertions.Expect(page.Locator("#requests-table tbody tr").Filter(new() { HasText = Title })).ToContainTextAsync("Waiting for triage");

        await requests.OpenAsync(Title);
        var stakeholder = (await page.Locator("#request-stakeholder-name").TextContentAsync() ?? "").Trim();
        stakeholder.ShouldNotBeEmpty();
        await Assertions.Expect(page.Locator("#brief-objective")).ToHaveTextAsync(Objective);
        await Assertions.Expect(page.Locator("#brief-references a")).ToHaveCountAsync(2);

        // Triage, once: one deliverable on the engagement, named like the request and briefed from it.
        await requests.TriageIntoOneDeliverableAsync(Engagement, "Design");
        await Assertions.Expect(page.Locator("#request-outcome")).ToHaveTextAsync("Deliverables");
        await Assertions.Expect(page.Locator("#request-deliverables")).ToContainTextAsync(Title);
        await Assertions.Expect(page.Locator("#triage-request")).ToHaveCountAsync(0);

        // The engagement's board has it in the first column; the card opens the review screen.
        await page.Locator("#request-engagement-link").ClickAsync();
        await page.WaitForURLAsync("**/engagements/*");
        await page.WaitUntilInteractiveAsync();
        var deliverables = new DeliverablePages(page);
        await Assertions.Expect(deliverables.Column("briefed").Locator($"[data-deliverable=\"{Title}\"]")).ToBeVisibleAsync();
        await Assertions.Expect(deliverables.Card(Title)).ToContainTextAsync("Internal rounds 0 · client rounds 0");
        await deliverables.OpenFromBoardAsync(Title);
        await Assertions.Expect(page.Locator("#deliverable-brief")).ToContainTextAsync(Objective);
        await Assertions.Expect(page.Locator("#deliverable-request")).ToBeVisibleAsync();

        // The first version fails the filter: sent back with a comment.
        await deliverables.MoveAsync("in-progress", "InProgress");
        await deliverables.AddVersionAsync(1, "https://example.com/verdant/carton-v1", "First route: a green band.");
        await deliverables.MoveAsync("internal-review", "InternalReview");
        await deliverables.MoveWithDialogAsync("in-progress", "InProgress", "The logo is too small on the front face.");
        await Assertions.Expect(deliverables.Round("internal", 1)).ToContainTextAsync("Changes requested");
        await Assertions.Expect(deliverables.Round("internal", 1)).ToContainTextAsync("The logo is too small on the front face.");

        // The second passes it and goes to the client, who asks for changes.
        await deliverables.AddVersionAsync(2, "https://example.com/verdant/carton-v2", "Logo a third larger.");
        await Assertions.Expect(page.Locator("#version-left")).ToHaveAttributeAsync("data-version", "1");
        await Assertions.Expect(page.Locator("#version-right")).ToContainTextAsync("Logo a third larger.");
        await deliverables.MoveAsync("internal-review", "InternalReview");
        await deliverables.MoveAsync("ready-for-client", "ReadyForClient");
        await Assertions.Expect(page.Locator("#internal-approval")).ToContainTextAsync("Jonas Becker");
        await Assertions.Expect(page.Locator("#internal-approval")).ToContainTextAsync("version 2");
        await deliverables.MoveAsync("client-review", "ClientReview");
        await deliverables.MoveWithDialogAsync("changes-requested", "ChangesRequested", "Make the oat illustration bigger.", stakeholder);
        await Assertions.Expect(deliverables.Round("client", 1)).ToContainTextAsync(stakeholder);
        await Assertions.Expect(deliverables.Round("client", 1)).ToContainTextAsync("Make the oat illustration bigger.");

        // The third passes the filter again and the client approves it in the second client round.
        await deliverables.MoveAsync("in-progress", "InProgress");
        await Assertions.Expect(page.Locator("#internal-approval")).ToContainTextAsync("Not passed");
        // This time the designer's PDF itself, after a renamed web page is turned away.
        var pdf = new FilePayload { Name = "carton-v3.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 oat carton, round 3"u8.ToArray() };
        var disguised = new FilePayload { Name = "carton.png", MimeType = "image/png", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() };
        await deliverables.AddFileVersionAsync(3, pdf, "Bigger oat illustration.", refusedFirst: disguised, refusal: "markup");
        var file = page.Locator("#version-right [data-version-file=\"3\"]");
        await Assertions.Expect(file).ToHaveTextAsync("carton-v3.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        download.SuggestedFilename.ShouldBe("carton-v3.pdf");
        File.ReadAllBytes(await download.PathAsync()).ShouldBe(pdf.Buffer);
        await deliverables.MoveAsync("internal-review", "InternalReview");
        await deliverables.MoveAsync("ready-for-client", "ReadyForClient");
        await deliverables.MoveAsync("client-review", "ClientReview");
        await deliverables.MoveWithDialogAsync("approved", "Approved", comment: null, stakeholder);

        await Assertions.Expect(deliverables.State).ToHaveTextAsync("Approved");
        await Assertions.Expect(page.Locator("#internal-rounds")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#client-rounds")).ToHaveTextAsync("2");
        var approval = page.Locator("#client-approval");
        await Assertions.Expect(approval).ToContainTextAsync(stakeholder);
        await Assertions.Expect(approval).ToContainTextAsync("version 3");
        await Assertions.Expect(approval).ToContainTextAsync("recorded by Jonas Becker");
        await Assertions.Expect(deliverables.Round("client", 2)).ToContainTextAsync("Approved");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(12);

        // Back on the board it sits in the Approved column with its rounds counted.
        await page.Locator("#deliverable-engagement").ClickAsync();
        await page.WaitForURLAsync("**/engagements/*");
        await page.WaitUntilInteractiveAsync();
        var card = deliverables.Column("approved").Locator($"[data-deliverable=\"{Title}\"]");
        await Assertions.Expect(card).ToContainTextAsync("Internal rounds 3 · client rounds 2");
    }
}
