using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Recommendations;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Recommendations;

/// <summary>A recommendation from draft to decision through the API, and the acceptance view.</summary>
public abstract class RecommendationsApiTests(AppFactory app)
{
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);

    private World World => app.World;

    private Guid Colleague => World.Person(Principal.TeamMemberOnTeam).StaffId!.Value;

    [Fact]
    public async Task ARecommendationIsDraftedPresentedAndDecidedAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/recommendations", new
        {
            accountId = World.AccountA,
            title = "Consolidate the analytics stack",
            context = "Three tools report three different numbers.",
            options = new[] { new { title = "One tool", pros = "One truth", cons = "Migration" } },
            importance = "Critical",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var draft = await created.ReadJsonAsync<RecommendationView>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/recommendations/{draft.Id}");
        draft.Status.ShouldBe(RecommendationStatus.Draft);
        draft.Decision.ShouldBe(ClientDecision.Pending);

        using var notReady = await _manager.PostAsync($"/api/v1/recommendations/{draft.Id}/present");
        var problem = await notReady.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("options").ShouldNotBeEmpty();
        problem.FieldErrors("staffConsulted").ShouldNotBeEmpty();
        problem.FieldErrors("recommendedOption").ShouldNotBeEmpty();

        using var early = await _manager.PostAsync($"/api/v1/recommendations/{draft.Id}/decision", new { decision = "Accepted" });
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var read = await _member.GetAsync($"/api/v1/recommendations/{draft.Id}");
        await read.ShouldHaveStatusAsync(HttpStatusCode.OK);
        read.ETag().ShouldBe(created.ETag());

        var complete = new
        {
            title = "Consolidate the analytics stack",
            options = new[] { new { title = "One tool", pros = "One truth", cons = "Migration" }, new { title = "Keep all three", pros = "No work", cons = "Confusion" } },
            staffConsulted = new[] { Colleague },
            recommendedOption = 0,
            importance = "Critical",
        };
        using var noIfMatch = await _manager.PutAsync($"/api/v1/recommendations/{draft.Id}", complete);
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var byMember = await _member.PutAsync($"/api/v1/recommendations/{draft.Id}", complete, ifMatch: read.ETag());
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var updated = await _manager.PutAsync($"/api/v1/recommendations/{draft.Id}", complete, ifMatch: read.ETag());
        await updated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var stale = await _manager.PutAsync($"/api/v1/recommendations/{draft.Id}", complete, ifMatch: read.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        using var presented = await _manager.PostAsync($"/api/v1/recommendations/{draft.Id}/present", new { presentedOn = "2026-03-05" });
        await presented.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await presented.ReadJsonAsync<RecommendationView>()).PresentedOn.ShouldBe(new DateOnly(2026, 3, 5));

        using var noReason = await _manager.PostAsync($"/api/v1/recommendations/{draft.Id}/decision", new { decision = "Declined" });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reasonCategory").ShouldNotBeEmpty();
        using var decided = await _manager.PostAsync($"/api/v1/recommendations/{draft.Id}/decision",
            new { decision = "Declined", reasonCategory = "InternalPolicy", reasonNote = "Group IT picks the tools." });
        await decided.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await decided.ReadJsonAsync<RecommendationView>();
        view.Status.ShouldBe(RecommendationStatus.Decided);
        view.ReasonCategory.ShouldBe(ReasonCategory.InternalPolicy);

        var declined = await _manager.GetJsonAsync<Page<RecommendationSummary>>($"/api/v1/recommendations?accountId={World.AccountA}&decision=Declined");
        declined.Items.ShouldContain(r => r.Id == draft.Id);
        var acceptance = await _manager.GetJsonAsync<AcceptanceView>($"/api/v1/recommendations/acceptance?accountId={World.AccountA}");
        acceptance.ByReasonCategory.ShouldContain(r => r.Key == "InternalPolicy" && r.Declined >= 1);
        acceptance.ByImportance.ShouldContain(r => r.Key == "Critical" && r.Rate == 0);
    }

    [Fact]
    public async Task BadInputIsAFieldErrorNotAFailureAsync()
    {
        using var noTitle = await _manager.PostAsync("/api/v1/recommendations", new { accountId = World.AccountA, title = "" });
        (await noTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("title").ShouldNotBeEmpty();

        using var outside = await _manager.PostAsync("/api/v1/recommendations",
            new { accountId = World.AccountA, title = "X", options = new[] { new { title = "A" } }, recommendedOption = 3 });
        (await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("recommendedOption").ShouldNotBeEmpty();

        using var unknownEnum = await _manager.PostAsync("/api/v1/recommendations", new { accountId = World.AccountA, title = "X", importance = "Huge" });
        await unknownEnum.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var badDecision = await _manager.PostAsync($"/api/v1/recommendations/{World.RecommendationA}/decision", new { decision = "Maybe" });
        await badDecision.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var badDate = await _manager.PostAsync($"/api/v1/recommendations/{World.RecommendationA}/present", ApiClient.RawJson("{\"presentedOn\":\"yesterday\"}"));
        await badDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var badLimit = await _manager.GetAsync("/api/v1/recommendations?limit=0");
        (await badLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("limit").ShouldNotBeEmpty();

        using var badCursor = await _manager.GetAsync("/api/v1/recommendations?cursor=nonsense");
        (await badCursor.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("cursor").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TheListPagesWithACursorAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            using var made = await _manager.PostAsync("/api/v1/recommendations", new { accountId = World.AccountA, title = $"Paged {i}" });
            await made.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var first = await _manager.GetJsonAsync<Page<RecommendationSummary>>($"/api/v1/recommendations?accountId={World.AccountA}&limit=2");
        var second = await _manager.GetJsonAsync<Page<RecommendationSummary>>(
            $"/api/v1/recommendations?accountId={World.AccountA}&limit=2&cursor={first.NextCursor}");

        first.Items.Count.ShouldBe(2);
        first.NextCursor.ShouldNotBeNull();
        second.Items.Select(r => r.Id).ShouldNotContain(id => first.Items.Any(f => f.Id == id));
    }
}

public sealed class RecommendationsApiTestsOnSqlite(SqliteApp app) : RecommendationsApiTests(app), IClassFixture<SqliteApp>;

public sealed class RecommendationsApiTestsOnPostgres(PostgresApp app) : RecommendationsApiTests(app), IClassFixture<PostgresApp>;
