using System.Net;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Engagements;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Web.Tests.ChangeRequests;

/// <summary>Change requests from draft to applied through the API, with the scope log and the audit, on both databases.</summary>
public abstract class ChangeRequestsApiTests(AppFactory app)
{
    private static readonly DateOnly End = new(2026, 12, 31);

    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);
    private readonly ApiClient _client = app.ClientFor(Principal.ClientOfA);

    private World World => app.World;

    [Fact]
    public async Task AChangeIsDraftedProposedApprovedByTheClientAndAppliedToTheBudgetAndEndDateAsync()
    {
        var engagement = await NewFixedFeeEngagementAsync("Scope-tested site", fixedFee: 1_000_000);

        using var created = await _member.PostAsync("/api/v1/change-requests", new
        {
            engagementId = engagement, title = "Checkout redesign", description = "Redesign the checkout.", reason = "Drop-offs at payment.",
            requestedByStakeholderId = World.StakeholderA, hoursDeltaMinutes = 40 * 60, feeDelta = 250_000, endDateShiftDays = 21,
            affectedDeliverables = "Checkout pages", internalNotes = "Internal: quote generously.",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldStartWith("/api/v1/change-requests/");
        var draft = await created.ReadJsonAsync<ChangeRequestView>();
        draft.State.ShouldBe(ChangeRequestState.Draft);
        draft.RequestedByStakeholder!.Name.ShouldBe("Alma Sponsor");
        draft.CreatedByName.ShouldBe("Tara Teammember");
        var url = $"/api/v1/change-requests/{draft.Id}";

        using var noIfMatch = await _member.PutAsync(url, new { title = "Checkout redesign", requestedByStakeholderId = World.StakeholderA });
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var edit = new
        {
            title = "Checkout and basket redesign", requestedByStakeholderId = World.StakeholderA, hoursDeltaMinutes = 40 * 60,
            feeDelta = 300_000, endDateShiftDays = 21, internalNotes = "Internal: quote generously.",
        };
        using var edited = await _member.PutAsync(url, edit, ifMatch: created.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var stale = await _member.PutAsync(url, edit, ifMatch: created.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await _client.GetJsonAsync<Page<ChangeRequestView>>($"/api/v1/change-requests?engagementId={engagement}")).Items.ShouldBeEmpty();
        using var byMember = await _member.PostAsync($"{url}/propose");
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var proposed = await _manager.PostAsync($"{url}/propose");
        await proposed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await proposed.ReadJsonAsync<ChangeRequestView>()).State.ShouldBe(ChangeRequestState.Proposed);
        using var frozen = await _manager.PutAsync(url, edit, ifMatch: proposed.ETag());
        (await frozen.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("only a draft");

        var seen = await _client.GetJsonAsync<Page<ChangeRequestView>>($"/api/v1/change-requests?engagementId={engagement}");
        var offer = seen.Items.ShouldHaveSingleItem();
        offer.FeeDelta.ShouldBe(300_000);
        offer.InternalNotes.ShouldBeNull();
        using var approved = await _client.PostAsync($"{url}/approve", new { note = "Yes, go ahead." });
        await approved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var decision = await approved.ReadJsonAsync<ChangeRequestView>();
        decision.State.ShouldBe(ChangeRequestState.Approved);
        decision.DecidedByName.ShouldBe("Cleo Client");
        decision.DecisionNote.ShouldBe("Yes, go ahead.");
        using var byClient = await _client.PostAsync($"{url}/apply");
        await byClient.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var applied = await _manager.PostAsync($"{url}/apply");
        await applied.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await applied.ReadJsonAsync<ChangeRequestView>()).AppliedByName.ShouldBe("Mona Manager");
        using var twice = await _manager.PostAsync($"{url}/apply");
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("already applied");

        var budget = await _manager.GetJsonAsync<BudgetView>($"/api/v1/engagements/{engagement}/budget");
        budget.FixedFee.ShouldBe(1_300_000);
        (await _manager.GetJsonAsync<EngagementView>($"/api/v1/engagements/{engagement}")).EndDate.ShouldBe(End.AddDays(21));

        var scope = await _manager.GetJsonAsync<ScopeLog>($"/api/v1/engagements/{engagement}/scope");
        scope.Original.ShouldBe(new ScopeFigures(null, 1_000_000, End));
        scope.Current.ShouldBe(new ScopeFigures(null, 1_300_000, End.AddDays(21)));
        scope.Changes.ShouldHaveSingleItem().Title.ShouldBe("Checkout and basket redesign");
        scope.Growth.ShouldBe(new ScopeGrowth(40 * 60, null, 300_000, 30.0m, 21));
        var clientScope = await _client.GetJsonAsync<ScopeLog>($"/api/v1/engagements/{engagement}/scope");
        clientScope.Current.ShouldBe(new ScopeFigures(null, null, End.AddDays(21)));
        clientScope.Growth.Fee.ShouldBeNull();

        var audit = await _admin.GetJsonAsync<Page<AuditView>>($"/api/v1/accounts/{World.AccountA}/audit?limit=200");
        var onEngagement = audit.Items.First(a => a.EntityType == nameof(Engagement) && a.EntityId == engagement.ToString());
        var onChange = audit.Items.First(a => a.EntityType == nameof(ChangeRequest) && a.EntityId == draft.Id.ToString());
        onEngagement.At.ShouldBe(onChange.At, "The budget, the end date and the change request are saved together.");
        onEngagement.Changes.GetProperty("Budget.FixedFee").GetProperty("old").GetInt64().ShouldBe(1_000_000);
        onEngagement.Changes.GetProperty("Budget.FixedFee").GetProperty("new").GetInt64().ShouldBe(1_300_000);
        onEngagement.Changes.GetProperty("EndDate").GetProperty("old").GetString().ShouldBe("2026-12-31");
        onEngagement.Changes.GetProperty("EndDate").GetProperty("new").GetString().ShouldBe("2027-01-21");
        onChange.Changes.GetProperty("State").GetProperty("new").GetString().ShouldBe("Applied");
    }

    [Fact]
    public async Task StaffRecordTheClientsDecisionAndMayApplyItInTheSameStepAsync()
    {
        var engagement = await NewFixedFeeEngagementAsync("Recorded approval", fixedFee: 500_000);
        var id = await ProposedAsync(engagement, feeDelta: 50_000, days: 0);

        using var badPerson = await _manager.PostAsync($"/api/v1/change-requests/{id}/approve", new { stakeholderId = World.StakeholderB });
        (await badPerson.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("stakeholderId").ShouldNotBeEmpty();
        using var approved = await _manager.PostAsync($"/api/v1/change-requests/{id}/approve", new { stakeholderId = World.StakeholderA, apply = true });
        await approved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await approved.ReadJsonAsync<ChangeRequestView>();
        view.State.ShouldBe(ChangeRequestState.Applied);
        view.DecidedForStakeholder!.Name.ShouldBe("Alma Sponsor");
        (await _manager.GetJsonAsync<BudgetView>($"/api/v1/engagements/{engagement}/budget")).FixedFee.ShouldBe(550_000);

        var rejectedId = await ProposedAsync(engagement, feeDelta: 10_000, days: 0);
        using var rejected = await _client.PostAsync($"/api/v1/change-requests/{rejectedId}/reject", new { note = "Not now." });
        await rejected.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var lateYes = await _client.PostAsync($"/api/v1/change-requests/{rejectedId}/approve", new { });
        await lateYes.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var rejectedOnes = await _manager.GetJsonAsync<Page<ChangeRequestView>>($"/api/v1/change-requests?engagementId={engagement}&state=Rejected");
        rejectedOnes.Items.ShouldHaveSingleItem().Id.ShouldBe(rejectedId);
    }

    [Fact]
    public async Task DraftsAreCheckedFieldByFieldAsync()
    {
        using var empty = await _manager.PostAsync("/api/v1/change-requests", new { engagementId = World.EngagementA, title = "", feeDelta = 1_000_000_000_000L });
        var problem = await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("title").ShouldContain("Give the change a title.");
        problem.FieldErrors("feeDelta").ShouldNotBeEmpty();

        using var nobody = await _manager.PostAsync("/api/v1/change-requests", new { engagementId = World.EngagementA, title = "Who asked?" });
        (await nobody.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("requestedByStakeholderId").ShouldNotBeEmpty();
        using var foreign = await _manager.PostAsync("/api/v1/change-requests", new
        {
            engagementId = World.EngagementA, title = "Someone else's person", requestedByStakeholderId = World.StakeholderB,
        });
        (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("requestedByStakeholderId").ShouldNotBeEmpty();

        using var byClient = await _client.PostAsync("/api/v1/change-requests", new { engagementId = World.EngagementA, title = "Please" });
        await byClient.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var draft = await _manager.PostAsync("/api/v1/change-requests", new
        {
            engagementId = World.EngagementA, title = "Doomed draft", requestedByStaffId = World.Person(Principal.ManagerOnTeam).StaffId,
        });
        await draft.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var id = (await draft.ReadJsonAsync<ChangeRequestView>()).Id;
        using var deleted = await _manager.DeleteAsync($"/api/v1/change-requests/{id}", ifMatch: draft.ETag());
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _manager.GetAsync($"/api/v1/change-requests/{id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChangeRequestRaisedFromAClientRequestTriagesItInTheSameSaveAsync()
    {
        var request = await NewRequestAsync(World.AccountA, World.StakeholderA, "Add a store locator");
        var otherAccounts = await NewRequestAsync(World.AccountB, World.StakeholderB, "B's ask");
        object Body(Guid requestId) => new
        {
            engagementId = World.EngagementA, title = "Store locator", requestedByStakeholderId = World.StakeholderA, hoursDeltaMinutes = 600, requestId,
        };

        using var foreign = await _admin.PostAsync("/api/v1/change-requests", Body(otherAccounts));
        (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("requestId").ShouldNotBeEmpty();
        using var missing = await _manager.PostAsync("/api/v1/change-requests", Body(Guid.CreateVersion7()));
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("requestId").ShouldNotBeEmpty();

        using var created = await _manager.PostAsync("/api/v1/change-requests", Body(request));
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var change = await created.ReadJsonAsync<ChangeRequestView>();
        change.RequestId.ShouldBe(request);

        var triaged = await _manager.GetJsonAsync<Liaison.Core.Features.Deliverables.ClientRequestView>($"/api/v1/requests/{request}");
        triaged.Outcome.ShouldBe(Liaison.Core.Features.Deliverables.RequestOutcome.ChangeRequest);
        triaged.ChangeRequestId.ShouldBe(change.Id);
        triaged.TriagedByName.ShouldBe("Mona Manager");

        // A request becomes one change request: a second one from it is a conflict, and nothing of it is kept.
        using var again = await _manager.PostAsync("/api/v1/change-requests", Body(request));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var drafts = await _manager.GetJsonAsync<Page<ChangeRequestView>>($"/api/v1/change-requests?engagementId={World.EngagementA}");
        drafts.Items.Count(c => c.RequestId == request).ShouldBe(1);
    }

    private async Task<Guid> NewRequestAsync(Guid account, Guid stakeholder, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<Liaison.Core.Features.Deliverables.ClientRequestService>();
        return World.Must(await requests.CreateAsync(World.Admin, World.NewRequest(account, stakeholder, title), TestContext.Current.CancellationToken)).Id;
    }

    /// <summary>A fixed-fee engagement of account A in delivery, run by the on-team manager, ending on <see cref="End"/>.</summary>
    private async Task<Guid> NewFixedFeeEngagementAsync(string name, long fixedFee)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ct = TestContext.Current.CancellationToken;
        var admin = World.Admin;
        var manager = World.Person(Principal.ManagerOnTeam);
        var input = World.NewEngagement(World.AccountA, manager.StaffId!.Value, [World.Person(Principal.TeamMemberOnTeam).StaffId!.Value], name);
        input.Type = EngagementType.FixedFee;
        var draft = World.Must(await scope.ServiceProvider.GetRequiredService<EngagementService>().CreateAsync(admin, input, ct));
        World.Must(await scope.ServiceProvider.GetRequiredService<BudgetService>().UpdateAsync(admin, draft.Id, null, new BudgetInput { FixedFee = fixedFee }, ct));
        var handOffs = scope.ServiceProvider.GetRequiredService<HandOffService>();
        World.Must(await handOffs.SendAsync(admin, draft.Id, null, ct));
        var pm = await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(manager.UserId, ct);
        World.Must(await handOffs.AcknowledgeAsync(pm!, draft.Id, null, new AcknowledgeInput(null), ct));
        World.Must(await scope.ServiceProvider.GetRequiredService<EngagementService>()
            .SetStatusAsync(admin, draft.Id, null, new StatusInput(EngagementStatus.InDelivery), ct));
        return draft.Id;
    }

    private async Task<Guid> ProposedAsync(Guid engagement, long feeDelta, int days)
    {
        using var created = await _manager.PostAsync("/api/v1/change-requests", new
        {
            engagementId = engagement, title = $"Change of {feeDelta}", requestedByStakeholderId = World.StakeholderA, feeDelta, endDateShiftDays = days,
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync<ChangeRequestView>()).Id;
        using var proposed = await _manager.PostAsync($"/api/v1/change-requests/{id}/propose");
        await proposed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return id;
    }
}

public sealed class ChangeRequestsApiTestsOnSqlite(SqliteApp app) : ChangeRequestsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ChangeRequestsApiTestsOnPostgres(PostgresApp app) : ChangeRequestsApiTests(app), IClassFixture<PostgresApp>;
