using System.Net;
using System.Text.Json;
using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Tests.Deliverables;

/// <summary>Requests, deliverables and the filter through the API, on both databases.</summary>
public abstract class DeliverablesApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);
    private readonly ApiClient _client = app.ClientFor(Principal.ClientOfA);
    private readonly ApiClient _otherClient = app.ClientFor(Principal.ClientOfB);

    private World World => app.World;

    [Fact]
    public async Task WorkGoesThroughTheFilterToTheClientAndBackAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/deliverables", new
        {
            engagementId = World.EngagementA, title = "Launch banner", type = "Design", brief = "Internal: use the new palette.",
            assigneeStaffIds = new[] { World.Person(Principal.TeamMemberOnTeam).StaffId },
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.ETag().ShouldBe("\"1\"");
        var banner = await created.ReadJsonAsync<DeliverableDetails>();
        banner.State.ShouldBe(DeliverableState.Briefed);
        banner.Assignees.ShouldHaveSingleItem().Name.ShouldBe("Tara Teammember");
        var url = $"/api/v1/deliverables/{banner.Id}";

        await MoveAsync(_member, url, "InProgress");
        using var version = await _member.PostAsync($"{url}/versions", new { linkUrl = "https://files.example/banner-1", notes = "Internal: first go" });
        await version.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await version.ReadJsonAsync<VersionView>()).Number.ShouldBe(1);
        await MoveAsync(_member, url, "InternalReview");

        // The filter: a team member may not pass the work to the client; a move that does not exist lists the real ones.
        using var notTheFilter = await _member.PostAsync($"{url}/transitions", new { to = "ReadyForClient" });
        (await notTheFilter.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("filter");
        using var skipping = await _manager.PostAsync($"{url}/transitions", new { to = "ClientReview" });
        var conflict = await skipping.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Allowed(conflict).ShouldBe(["InProgress", "ReadyForClient"]);
        (await _manager.GetJsonAsync<TransitionsView>($"{url}/transitions")).Allowed.ShouldBe([DeliverableState.InProgress, DeliverableState.ReadyForClient]);

        await MoveAsync(_manager, url, "ReadyForClient");
        await MoveAsync(_manager, url, "ClientReview", "The banner for the launch.");

        var seen = await _client.GetJsonAsync<JsonElement>(url);
        seen.TryGetProperty("brief", out _).ShouldBeFalse();
        seen.GetProperty("allowedTransitions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["ChangesRequested", "Approved"]);
        seen.ToString().ShouldNotContain("Internal:");
        using var history = await _client.GetAsync($"{url}/transitions");
        await history.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var noComment = await _client.PostAsync($"{url}/transitions", new { to = "ChangesRequested" });
        (await noComment.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("comment").ShouldNotBeEmpty();
        await MoveAsync(_client, url, "ChangesRequested", "A warmer red, please.");
        await MoveAsync(_member, url, "InProgress");

        using var again = await _manager.PostAsync($"{url}/transitions", new { to = "ReadyForClient" });
        Allowed(await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe(["InternalReview"]);
        using var noNewVersion = await _member.PostAsync($"{url}/versions", new { linkUrl = "https://files.example/banner-2" });
        await noNewVersion.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await MoveAsync(_member, url, "InternalReview");
        await MoveAsync(_manager, url, "ReadyForClient");
        await MoveAsync(_manager, url, "ClientReview");
        await MoveAsync(_client, url, "Approved", "Perfect.");
        await MoveAsync(_member, url, "Delivered", "Live on the home page.");

        var done = await _manager.GetJsonAsync<DeliverableDetails>(url);
        done.State.ShouldBe(DeliverableState.Delivered);
        (done.InternalRounds, done.ClientRounds).ShouldBe((2, 2));
        done.ClientApproval!.ByName.ShouldBe("Cleo Client");
        done.ClientApproval.VersionNumber.ShouldBe(2);
        done.InternalApproval!.ByName.ShouldBe("Mona Manager");
        done.Rounds.Where(r => r.Kind == ReviewKind.Client).SelectMany(r => r.Comments).Select(c => c.Text)
            .ShouldBe(["The banner for the launch.", "A warmer red, please.", "Perfect."]);

        var client = await _client.GetJsonAsync<ClientDeliverableView>(url);
        client.Versions.Select(v => v.Number).ShouldBe([1, 2]);
        client.ClientApproval!.ByName.ShouldBe("Cleo Client");
        var versions = await _client.GetJsonAsync<Page<ClientVersionView>>($"{url}/versions");
        versions.Items.Count.ShouldBe(2);
        var list = await _client.GetJsonAsync<Page<ClientDeliverableSummary>>($"/api/v1/deliverables?engagementId={World.EngagementA}");
        list.Items.ShouldContain(i => i.Id == banner.Id && i.ClientRounds == 2);
        using var foreign = await _otherClient.GetAsync(url);
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EditsNeedIfMatchAndBadInputIsAFieldErrorAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/deliverables", new { engagementId = World.EngagementA, title = "Case study", type = "Copy" });
        var study = await created.ReadJsonAsync<DeliverableDetails>();
        var url = $"/api/v1/deliverables/{study.Id}";
        var edit = new { title = "Case study: Aurora", type = "Copy", dueDate = "2027-03-01" };

        using var noIfMatch = await _manager.PutAsync(url, edit);
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var edited = await _manager.PutAsync(url, edit, ifMatch: created.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        edited.ETag().ShouldBe("\"2\"");
        using var stale = await _manager.PutAsync(url, edit, ifMatch: created.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var staleMove = await _manager.SendAsync(HttpMethod.Post, $"{url}/transitions", new { to = "InProgress" }, ifMatch: created.ETag());
        await staleMove.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var moved = await _manager.SendAsync(HttpMethod.Post, $"{url}/transitions", new { to = "InProgress" }, ifMatch: edited.ETag());
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        moved.ETag().ShouldBe("\"3\"");

        using var badLink = await _member.PostAsync($"{url}/versions", new { linkUrl = "javascript:alert(1)" });
        (await badLink.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("linkUrl").ShouldNotBeEmpty();
        using var badState = await _manager.PostAsync($"{url}/transitions", new { to = "Finished" });
        await badState.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var noTitle = await _manager.PutAsync(url, new { title = "", type = "Copy" }, ifMatch: moved.ETag());
        (await noTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title").ShouldNotBeEmpty();
        using var outsider = await _manager.PostAsync("/api/v1/deliverables", new
        {
            engagementId = World.EngagementA, title = "x", assigneeStaffIds = new[] { World.ManagerOfB.StaffId },
        });
        (await outsider.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("assigneeStaffIds").ShouldNotBeEmpty();

        // Never sent to the client: for the client it does not exist, word for word.
        using var hidden = await _client.GetAsync(url);
        using var missing = await _client.GetAsync($"/api/v1/deliverables/{Guid.CreateVersion7()}");
        (await hidden.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()
            .ShouldBe((await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        using var hiddenMove = await _client.PostAsync($"{url}/transitions", new { to = "Approved" });
        await hiddenMove.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARequestIsTriagedOnceIntoDeliverablesMadeFromItsBriefAsync()
    {
        using var logged = await _member.PostAsync("/api/v1/requests", new
        {
            accountId = World.AccountA, stakeholderId = World.StakeholderA, title = "Autumn newsletter",
            objective = "Bring back lapsed customers", keyMessage = "We missed you", dueDate = "2027-09-01",
            references = new[] { "https://examples.example/newsletter" },
        });
        await logged.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var request = await logged.ReadJsonAsync<ClientRequestView>();
        request.StakeholderName.ShouldBe("Alma Sponsor");
        request.LoggedByName.ShouldBe("Tara Teammember");
        var url = $"/api/v1/requests/{request.Id}";

        using var edited = await _member.PutAsync(url, new
        {
            stakeholderId = World.StakeholderA, title = "Autumn newsletter", objective = "Bring back lapsed customers",
            keyMessage = "We missed you", audience = "Customers who have not ordered this year", dueDate = "2027-09-01",
        }, ifMatch: logged.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var byMember = await _member.PostAsync($"{url}/triage", new { outcome = "Declined", reason = "No" });
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var noReason = await _manager.PostAsync($"{url}/triage", new { outcome = "Declined" });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();

        using var triaged = await _manager.PostAsync($"{url}/triage", new
        {
            outcome = "Deliverables", engagementId = World.EngagementA,
            deliverables = new object[]
            {
                new { title = "Newsletter copy", type = "Copy", assigneeStaffIds = new[] { World.Person(Principal.TeamMemberOnTeam).StaffId } },
                new { title = "Newsletter header", type = "Design" },
            },
        });
        await triaged.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var result = await triaged.ReadJsonAsync<ClientRequestView>();
        result.Outcome.ShouldBe(RequestOutcome.Deliverables);
        result.Deliverables.Select(d => d.Title).ShouldBe(["Newsletter copy", "Newsletter header"]);

        var copy = await _member.GetJsonAsync<DeliverableDetails>($"/api/v1/deliverables/{result.Deliverables[0].Id}");
        copy.RequestId.ShouldBe(request.Id);
        copy.Brief.ShouldNotBeNull().ShouldContain("Audience: Customers who have not ordered this year");
        copy.Assignees.ShouldHaveSingleItem();

        using var twice = await _manager.PostAsync($"{url}/triage", new { outcome = "Declined", reason = "Changed our mind" });
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var untriaged = await _manager.GetJsonAsync<Page<ClientRequestSummary>>($"/api/v1/requests?accountId={World.AccountA}&untriaged=true");
        untriaged.Items.ShouldNotContain(r => r.Id == request.Id);

        await using var db = await app.OpenDbAsync();
        (await db.Deliverables.CountAsync(d => d.RequestId == request.Id, TestContext.Current.CancellationToken)).ShouldBe(2);
    }

    private static async Task MoveAsync(ApiClient client, string url, string to, string? comment = null)
    {
        using var response = await client.PostAsync($"{url}/transitions", new { to, comment });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private static string?[] Allowed(JsonElement problem) =>
        [.. problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString())];
}

public sealed class DeliverablesApiTestsOnSqlite(SqliteApp app) : DeliverablesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeliverablesApiTestsOnPostgres(PostgresApp app) : DeliverablesApiTests(app), IClassFixture<PostgresApp>;
