using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Risks;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Risks;

/// <summary>The risk register, its heat map and overdue reviews through the API, on both databases.</summary>
public abstract class RisksApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);
    private readonly ApiClient _client = app.ClientFor(Principal.ClientOfA);

    private World World => app.World;

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ARiskIsRecordedEditedWithETagsReviewedEscalatedAndClosedAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/risks", new
        {
            accountId = World.AccountA, engagementId = World.EngagementA, title = "Copy arrives late", probability = 3, impact = 3,
            ownerStaffId = World.Person(Principal.TeamMemberOnTeam).StaffId, nextReviewDate = Today.AddDays(7),
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldStartWith("/api/v1/risks/");
        var risk = await created.ReadJsonAsync<RiskView>();
        (risk.Kind, risk.Score, risk.Level, risk.Status, risk.EngagementName).ShouldBe((RiskKind.Risk, 9, RiskLevel.Medium, RiskStatus.Open, "Matrix engagement"));
        risk.OwnerName.ShouldBe("Tara Teammember");

        var edit = new
        {
            engagementId = World.EngagementA, title = "Copy arrives late", probability = 4, impact = 3,
            ownerStaffId = World.Person(Principal.TeamMemberOnTeam).StaffId, nextReviewDate = Today.AddDays(7), mitigation = "Chase on Mondays.",
        };
        using var noIfMatch = await _manager.PutAsync($"/api/v1/risks/{risk.Id}", edit);
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var edited = await _manager.PutAsync($"/api/v1/risks/{risk.Id}", edit, ifMatch: created.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await edited.ReadJsonAsync<RiskView>()).Score.ShouldBe(12);
        using var stale = await _admin.PutAsync($"/api/v1/risks/{risk.Id}", edit, ifMatch: created.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var memberEdit = await _member.PutAsync($"/api/v1/risks/{risk.Id}", edit, ifMatch: edited.ETag());
        await memberEdit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // The owner, a team member, reviews and escalates; a stale If-Match is refused.
        using var staleReview = await _member.SendAsync(HttpMethod.Post, $"/api/v1/risks/{risk.Id}/review", new { nextReviewDate = Today.AddDays(14) }, created.ETag());
        await staleReview.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var reviewed = await _member.SendAsync(HttpMethod.Post, $"/api/v1/risks/{risk.Id}/review",
            new { nextReviewDate = Today.AddDays(14), status = "Mitigating", probability = 2 }, edited.ETag());
        await reviewed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var afterReview = await reviewed.ReadJsonAsync<RiskView>();
        (afterReview.Status, afterReview.Score, afterReview.LastReviewedOn, afterReview.LastReviewedBy, afterReview.Mitigation)
            .ShouldBe((RiskStatus.Mitigating, 6, Today, "Tara Teammember", "Chase on Mondays."));
        using var escalated = await _member.PostAsync($"/api/v1/risks/{risk.Id}/escalate", new { toStaffId = World.Person(Principal.ManagerOnTeam).StaffId, note = "Needs the AM." });
        await escalated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var escalation = (await escalated.ReadJsonAsync<RiskView>()).Escalation.ShouldNotBeNull();
        (escalation.To, escalation.ByName, escalation.Note).ShouldBe(("Mona Manager", "Tara Teammember", "Needs the AM."));

        using var memberClose = await _member.PostAsync($"/api/v1/risks/{risk.Id}/close");
        await memberClose.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var closed = await _manager.PostAsync($"/api/v1/risks/{risk.Id}/close");
        await closed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await closed.ReadJsonAsync<RiskView>()).Status.ShouldBe(RiskStatus.Closed);
        using var twice = await _manager.PostAsync($"/api/v1/risks/{risk.Id}/close");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var lateReview = await _member.PostAsync($"/api/v1/risks/{risk.Id}/review", new { nextReviewDate = Today.AddDays(14) });
        await lateReview.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var deleted = await _manager.DeleteAsync($"/api/v1/risks/{risk.Id}", ifMatch: closed.ETag());
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _manager.GetAsync($"/api/v1/risks/{risk.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnIssueRealisesARiskAndTheHeatMapsCountOpenRisksPerAccountAndEngagementAsync()
    {
        var (accountId, engagementId) = await NewAccountAsync("Heat Haven");
        var risk = await CreateAsync(new { accountId, engagementId, title = "Key designer leaves", probability = 4, impact = 5, clientVisible = true });
        await CreateAsync(new { accountId, engagementId, title = "Same cell", probability = 4, impact = 5 });
        await CreateAsync(new { accountId, title = "Relationship risk", probability = 2, impact = 2 });

        var before = await _admin.GetJsonAsync<RiskHeatMap>($"/api/v1/risks/heat-map?accountId={accountId}");
        before.Cells.Count.ShouldBe(25);
        Cell(before, 4, 5).ShouldBe(new HeatMapCell(4, 5, 20, RiskLevel.Critical, 2));
        Cell(before, 2, 2).Count.ShouldBe(1);
        (before.OpenRisks, before.OpenIssues).ShouldBe((3, 0));
        var ofEngagement = await _admin.GetJsonAsync<RiskHeatMap>($"/api/v1/risks/heat-map?engagementId={engagementId}");
        (ofEngagement.OpenRisks, Cell(ofEngagement, 2, 2).Count).ShouldBe((2, 0));

        var issue = await CreateAsync(new { accountId, engagementId, kind = "Issue", title = "Key designer left", impact = 5, realisedRiskId = risk.Id });
        issue.RealisedRisk.ShouldBe(new RiskRef(risk.Id, "Key designer leaves"));
        issue.Probability.ShouldBe(5);
        var realised = await _admin.GetJsonAsync<RiskView>($"/api/v1/risks/{risk.Id}");
        realised.Status.ShouldBe(RiskStatus.Realised);
        realised.RealisedBy.ShouldBe([new RiskRef(issue.Id, "Key designer left")]);

        var after = await _admin.GetJsonAsync<RiskHeatMap>($"/api/v1/risks/heat-map?accountId={accountId}");
        (Cell(after, 4, 5).Count, after.OpenRisks, after.OpenIssues).ShouldBe((1, 2, 1));
        var cell = await _admin.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?accountId={accountId}&open=true&kind=Risk&probability=4&impact=5");
        cell.Items.ShouldHaveSingleItem().Title.ShouldBe("Same cell");
        var issues = await _admin.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?engagementId={engagementId}&kind=Issue");
        issues.Items.ShouldHaveSingleItem().RealisedRisk.ShouldBe(new RiskRef(risk.Id, "Key designer leaves"));
        var byScore = await _admin.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?accountId={accountId}");
        byScore.Items.Select(r => r.Score).ShouldBe([25, 20, 20, 4]);
        var paged = await _admin.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?accountId={accountId}&limit=3");
        var rest = await _admin.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?accountId={accountId}&limit=3&cursor={paged.NextCursor}");
        rest.Items.ShouldHaveSingleItem().Score.ShouldBe(4);
    }

    [Fact]
    public async Task OverdueReviewsAreListedPerAccountPerEngagementAndForTheCallerAsync()
    {
        var (accountId, engagementId) = await NewAccountAsync("Review Row");
        var managerStaff = World.Person(Principal.ManagerOnTeam).StaffId;
        var overdue = await CreateAsync(new
        {
            accountId, engagementId, title = "Hosting contract ends", probability = 2, impact = 4, ownerStaffId = managerStaff,
            nextReviewDate = Today.AddDays(-3),
        });
        await CreateAsync(new { accountId, title = "Not yet due", probability = 2, impact = 4, ownerStaffId = managerStaff, nextReviewDate = Today.AddDays(3) });
        await CreateAsync(new { accountId, title = "Closed and late", probability = 2, impact = 4, status = "Closed", nextReviewDate = Today.AddDays(-3) });

        var ofAccount = await _manager.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?accountId={accountId}&overdueReview=true");
        var ofEngagement = await _manager.GetJsonAsync<Page<RiskSummary>>($"/api/v1/risks?engagementId={engagementId}&overdueReview=true");
        var mine = await _manager.GetJsonAsync<Page<RiskSummary>>("/api/v1/risks?overdueReview=true&mine=true&sort=NextReview");
        var notTheirs = await _member.GetJsonAsync<Page<RiskSummary>>("/api/v1/risks?overdueReview=true&mine=true");
        var map = await _manager.GetJsonAsync<RiskHeatMap>($"/api/v1/risks/heat-map?accountId={accountId}");

        ofAccount.Items.ShouldHaveSingleItem().Id.ShouldBe(overdue.Id);
        ofAccount.Items[0].IsReviewOverdue.ShouldBeTrue();
        ofEngagement.Items.ShouldHaveSingleItem().Id.ShouldBe(overdue.Id);
        mine.Items.ShouldContain(r => r.Id == overdue.Id);
        mine.Items.ShouldAllBe(r => r.IsReviewOverdue && r.OwnerStaffId == managerStaff);
        notTheirs.Items.ShouldNotContain(r => r.Id == overdue.Id);
        map.OverdueReviews.ShouldBe(1);
    }

    [Fact]
    public async Task AClientReadsTheirClientVisibleEntriesWithoutContingencyOrEscalationAsync()
    {
        using var list = await _client.GetAsync($"/api/v1/risks?accountId={World.AccountA}");
        var body = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await list.ReadJsonAsync<Page<RiskSummary>>();
        using var one = await _client.GetAsync($"/api/v1/risks/{World.RiskA}");
        var risk = await one.ReadJsonAsync<RiskView>();
        var staffView = await _manager.GetJsonAsync<RiskView>($"/api/v1/risks/{World.RiskA}");

        page.Items.ShouldContain(r => r.Id == World.RiskA);
        page.Items.ShouldNotContain(r => r.Id == World.InternalRiskA);
        page.Items.ShouldAllBe(r => r.ClientVisible && r.EscalatedAt == null);
        body.ShouldNotContain("Internal:");
        (risk.Contingency, risk.Escalation).ShouldBe((null, null));
        risk.Mitigation.ShouldNotBeNull();
        staffView.Contingency.ShouldNotBeNull();
        staffView.Escalation.ShouldNotBeNull();
        using var write = await _client.PostAsync($"/api/v1/risks/{World.RiskA}/review", new { nextReviewDate = Today.AddDays(3) });
        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadEntriesAreFieldErrorsAsync()
    {
        using var outOfScale = await _manager.PostAsync("/api/v1/risks", new { accountId = World.AccountA, title = "Big", probability = 6, impact = 0 });
        var scale = await outOfScale.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        scale.FieldErrors("probability").ShouldNotBeEmpty();
        scale.FieldErrors("impact").ShouldNotBeEmpty();
        using var likelyIssue = await _manager.PostAsync("/api/v1/risks", new { accountId = World.AccountA, kind = "Issue", title = "Done", probability = 2, impact = 2 });
        (await likelyIssue.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("probability").ShouldNotBeEmpty();
        using var foreignRisk = await _admin.PostAsync("/api/v1/risks", new
        {
            accountId = World.AccountA, kind = "Issue", title = "Wrong risk", impact = 2, realisedRiskId = World.RiskB,
        });
        (await foreignRisk.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("realisedRiskId").ShouldNotBeEmpty();
        using var foreignEngagement = await _admin.PostAsync("/api/v1/risks", new
        {
            accountId = World.AccountA, engagementId = World.EngagementB, title = "Wrong engagement", probability = 1, impact = 1,
        });
        (await foreignEngagement.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("engagementId").ShouldNotBeEmpty();
        using var nobody = await _manager.PostAsync($"/api/v1/risks/{World.RiskA}/escalate", new { note = "To whom?" });
        (await nobody.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("toStaffId").ShouldNotBeEmpty();
        using var pastReview = await _manager.PostAsync($"/api/v1/risks/{World.RiskA}/review", new { nextReviewDate = Today.AddDays(-1) });
        (await pastReview.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("nextReviewDate").ShouldNotBeEmpty();
        using var badCell = await _manager.GetAsync("/api/v1/risks?impact=9");
        (await badCell.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("impact").ShouldNotBeEmpty();
    }

    private async Task<RiskView> CreateAsync(object body)
    {
        using var response = await _admin.PostAsync("/api/v1/risks", body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<RiskView>();
    }

    private static HeatMapCell Cell(RiskHeatMap map, int probability, int impact) =>
        map.Cells.Single(c => c.Probability == probability && c.Impact == impact);

    /// <summary>A fresh account run by the on-team manager, with one draft engagement, so that counts start from nothing.</summary>
    private async Task<(Guid Account, Guid Engagement)> NewAccountAsync(string name)
    {
        var managerStaff = World.Person(Principal.ManagerOnTeam).StaffId!.Value;
        using var account = await _admin.PostAsync("/api/v1/accounts", new { name = $"{name} {Guid.NewGuid():N}"[..30], accountManagerId = managerStaff });
        var accountId = (await account.ReadJsonAsync<AccountDetails>()).Id;
        using var engagement = await _admin.PostAsync("/api/v1/engagements", World.NewEngagement(accountId, managerStaff, [], $"{name} work"));
        await engagement.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (accountId, (await engagement.ReadJsonAsync<EngagementView>()).Id);
    }
}

public sealed class RisksApiTestsOnSqlite(SqliteApp app) : RisksApiTests(app), IClassFixture<SqliteApp>;

public sealed class RisksApiTestsOnPostgres(PostgresApp app) : RisksApiTests(app), IClassFixture<PostgresApp>;
