using System.Text.Json;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.ChangeRequests;

public sealed class ChangeRequestServiceTests : DatabaseTest
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 6, 30);

    [Fact]
    public async Task AnAppliedChangeMovesTheFixedFeeAndEndDateInOneSaveThatTheAuditLogsBeforeAndAfter()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 2_400_000 });
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olivia Whitfield");

        var draft = (await ChangeRequests.CreateAsync(agency.Manager, New(engagement, sponsor, fee: 300_000, minutes: 20 * 60, days: 14), Ct)).Value;
        draft.State.ShouldBe(ChangeRequestState.Draft);
        draft.CreatedByName.ShouldBe("Jonas Becker");
        draft.RequestedByStakeholder!.Name.ShouldBe("Olivia Whitfield");
        var proposed = (await ChangeRequests.ProposeAsync(agency.Manager, draft.Id, draft.Version, Ct)).Value;
        proposed.State.ShouldBe(ChangeRequestState.Proposed);
        proposed.ProposedByName.ShouldBe("Jonas Becker");
        var approved = (await ChangeRequests.ApproveAsync(agency.Client, draft.Id, proposed.Version, new ChangeRequestDecisionInput { Note = "Go ahead." }, Ct)).Value;
        approved.State.ShouldBe(ChangeRequestState.Approved);
        approved.DecidedByName.ShouldBe("Olivia Whitfield");
        (await ReadEngagementAsync(engagement)).Budget.FixedFee.ShouldBe(2_400_000, "Approval records the client's yes; the budget moves when the change is applied.");

        Clock.Advance(TimeSpan.FromMinutes(5));
        var before = (await ReadAuditAsync()).Count;
        var applied = (await ChangeRequests.ApplyAsync(agency.Manager, draft.Id, approved.Version, Ct)).Value;

        applied.State.ShouldBe(ChangeRequestState.Applied);
        applied.AppliedAt.ShouldBe(Clock.GetUtcNow().UtcDateTime);
        applied.AppliedByName.ShouldBe("Jonas Becker");
        var stored = await ReadEngagementAsync(engagement);
        stored.Budget.FixedFee.ShouldBe(2_700_000);
        stored.EndDate.ShouldBe(End.AddDays(14));

        var entries = (await ReadAuditAsync()).Skip(before).ToList();
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.At == Clock.GetUtcNow().UtcDateTime && e.ActorName == "Jonas Becker" && e.AccountId == agency.Harbour);
        var onEngagement = Changes(entries.Single(e => e.EntityType == nameof(Engagement) && e.EntityId == engagement.ToString()));
        onEngagement["Budget.FixedFee"].GetProperty("old").GetInt64().ShouldBe(2_400_000);
        onEngagement["Budget.FixedFee"].GetProperty("new").GetInt64().ShouldBe(2_700_000);
        onEngagement["EndDate"].GetProperty("old").GetString().ShouldBe("2026-06-30");
        onEngagement["EndDate"].GetProperty("new").GetString().ShouldBe("2026-07-14");
        var onChange = Changes(entries.Single(e => e.EntityType == nameof(ChangeRequest)));
        onChange["State"].GetProperty("old").GetString().ShouldBe("Approved");
        onChange["State"].GetProperty("new").GetString().ShouldBe("Applied");
        onChange["AfterFee"].GetProperty("new").GetInt64().ShouldBe(2_700_000);
    }

    [Fact]
    public async Task ApprovingWithApplyRecordsTheYesAndMovesTheBudgetInTheSameSave()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.TimeAndMaterials, new Budget { HoursCapMinutes = 100 * 60 });
        var id = await ProposedAsync(agency, New(engagement, staff: agency.ProjectManager.StaffId, minutes: 30 * 60, fee: 450_000, days: -10));
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olivia Whitfield");
        var before = (await ReadAuditAsync()).Count;

        var view = (await ChangeRequests.ApproveAsync(agency.Manager, id, null,
            new ChangeRequestDecisionInput { StakeholderId = sponsor, Note = "Agreed on the phone.", Apply = true }, Ct)).Value;

        view.State.ShouldBe(ChangeRequestState.Applied);
        view.DecidedForStakeholder!.Name.ShouldBe("Olivia Whitfield");
        view.DecidedByName.ShouldBe("Jonas Becker");
        var stored = await ReadEngagementAsync(engagement);
        stored.Budget.HoursCapMinutes.ShouldBe(130 * 60);
        stored.Budget.FixedFee.ShouldBeNull("Time and materials has no money budget: its fee change is the client's estimate.");
        stored.EndDate.ShouldBe(End.AddDays(-10));
        var entries = (await ReadAuditAsync()).Skip(before).ToList();
        entries.Select(e => e.EntityType).ShouldBe([nameof(ChangeRequest), nameof(Engagement)], ignoreOrder: true);
        entries.Select(e => e.At).Distinct().ShouldHaveSingleItem();
        Changes(entries.Single(e => e.EntityType == nameof(Engagement)))["Budget.HoursCapMinutes"].GetProperty("old").GetInt32().ShouldBe(6000);
    }

    [Fact]
    public async Task AnUncappedTimeAndMaterialsEngagementStaysUncapped()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.TimeAndMaterials, new Budget());
        var id = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, minutes: 600));

        var view = (await ChangeRequests.ApproveAsync(agency.Manager, id, null, new ChangeRequestDecisionInput { Apply = true }, Ct)).Value;

        view.State.ShouldBe(ChangeRequestState.Applied);
        (await ReadEngagementAsync(engagement)).Budget.HoursCapMinutes.ShouldBeNull();
        var scope = (await ChangeRequests.ScopeAsync(agency.Manager, engagement, Ct)).Value;
        scope.Growth.HoursMinutes.ShouldBe(600);
        scope.Growth.HoursPercent.ShouldBeNull("There is no original cap to compare with.");
    }

    [Fact]
    public async Task ARetainersHoursAndFeeChangeByContractSoItsChangeRequestsMoveOnlyTheEndDate()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.Retainer,
            new Budget { RetainerMinutesPerPeriod = 40 * 60, RetainerFeePerPeriod = 600_000 });

        var withHours = await ChangeRequests.CreateAsync(agency.Manager, New(engagement, staff: agency.Manager.StaffId, minutes: 60), Ct);
        var withFee = await ChangeRequests.CreateAsync(agency.Manager, New(engagement, staff: agency.Manager.StaffId, fee: 100), Ct);
        withHours.Error!.Fields!.Keys.ShouldBe(["hoursDeltaMinutes"]);
        withFee.Error!.Fields!.Keys.ShouldBe(["feeDelta"]);
        withFee.Error.Message.ShouldContain("by contract");

        var id = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, days: 31));
        (await ChangeRequests.ApproveAsync(agency.Manager, id, null, new ChangeRequestDecisionInput { Apply = true }, Ct)).IsSuccess.ShouldBeTrue();

        var stored = await ReadEngagementAsync(engagement);
        stored.EndDate.ShouldBe(End.AddDays(31));
        stored.Budget.RetainerMinutesPerPeriod.ShouldBe(40 * 60);
        var scope = (await ChangeRequests.ScopeAsync(agency.Manager, engagement, Ct)).Value;
        scope.Original.ShouldBe(new ScopeFigures(40 * 60, 600_000, End));
        scope.Growth.ShouldBe(new ScopeGrowth(0, 0m, 0, 0m, 31));
    }

    [Fact]
    public async Task OnlyADraftIsEditedOrDeletedSoTheClientDecidesOnWhatWasProposed()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 1_000_000 });
        var input = New(engagement, staff: agency.Manager.StaffId, fee: 50_000);
        var draft = (await ChangeRequests.CreateAsync(agency.Manager, input, Ct)).Value;
        input.Title = "Two more banner sizes";
        var edited = (await ChangeRequests.UpdateAsync(agency.Manager, draft.Id, draft.Version, input, Ct)).Value;
        edited.Title.ShouldBe("Two more banner sizes");
        (await ChangeRequests.UpdateAsync(agency.Manager, draft.Id, draft.Version, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);

        var proposed = (await ChangeRequests.ProposeAsync(agency.Manager, draft.Id, null, Ct)).Value;
        input.FeeDelta = 10;

        var update = await ChangeRequests.UpdateAsync(agency.Manager, draft.Id, proposed.Version, input, Ct);
        var delete = await ChangeRequests.DeleteAsync(agency.Manager, draft.Id, null, Ct);
        var again = await ChangeRequests.ProposeAsync(agency.Manager, draft.Id, null, Ct);
        var apply = await ChangeRequests.ApplyAsync(agency.Manager, draft.Id, null, Ct);

        update.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        update.Error.Message.ShouldContain("only a draft can be edited");
        delete.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        apply.Error!.Message.ShouldContain("only an approved one can be applied");
        (await ChangeRequests.GetAsync(agency.Manager, draft.Id, Ct)).Value.FeeDelta.ShouldBe(50_000);

        var rejected = (await ChangeRequests.RejectAsync(agency.Client, draft.Id, null, new ChangeRequestDecisionInput { Note = "Not this quarter." }, Ct)).Value;
        rejected.State.ShouldBe(ChangeRequestState.Rejected);
        (await ChangeRequests.ApproveAsync(agency.Client, draft.Id, null, new ChangeRequestDecisionInput(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);

        var other = (await ChangeRequests.CreateAsync(agency.Manager, New(engagement, staff: agency.Manager.StaffId), Ct)).Value;
        (await ChangeRequests.DeleteAsync(agency.Manager, other.Id, other.Version, Ct)).IsSuccess.ShouldBeTrue();
        (await ChangeRequests.GetAsync(agency.Manager, other.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task StaffOnTheEngagementDraftTheAccountManagerProposesAndAppliesAndTheClientDecides()
    {
        var agency = await SeedAgencyAsync();
        var designer = await AddStaffUserAsync("Tom Whitaker", Role.TeamMember);
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 1_000_000 }, members: [designer]);
        var input = New(engagement, staff: designer.StaffId, fee: 20_000, notes: "Internal: they asked twice already.");

        var draft = (await ChangeRequests.CreateAsync(designer, input, Ct)).Value;
        (await ChangeRequests.CreateAsync(agency.OffTeam, input, Ct)).Error!.Fields!.Keys.ShouldBe(["engagementId"]);
        (await ChangeRequests.CreateAsync(agency.Client, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ProposeAsync(designer, draft.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ProposeAsync(agency.ProjectManager, draft.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.DeleteAsync(agency.ProjectManager, draft.Id, null, Ct)).Error.ShouldBeNull("The people who run the engagement may delete any draft.");

        draft = (await ChangeRequests.CreateAsync(designer, input, Ct)).Value;
        (await ChangeRequests.GetAsync(agency.Client, draft.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound, "A client never sees drafts.");
        (await ChangeRequests.ListAsync(agency.Client, new ChangeRequestListQuery(engagement), Ct)).Value.Items.ShouldBeEmpty();
        (await ChangeRequests.ProposeAsync(agency.Manager, draft.Id, null, Ct)).IsSuccess.ShouldBeTrue();

        var seenByClient = (await ChangeRequests.GetAsync(agency.Client, draft.Id, Ct)).Value;
        seenByClient.InternalNotes.ShouldBeNull();
        seenByClient.FeeDelta.ShouldBe(20_000, "The fee change is what the client is asked to approve.");
        (await ChangeRequests.GetAsync(agency.Manager, draft.Id, Ct)).Value.InternalNotes.ShouldBe("Internal: they asked twice already.");
        (await ChangeRequests.GetAsync(agency.OtherClient, draft.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await ChangeRequests.ApproveAsync(agency.OtherClient, draft.Id, null, new ChangeRequestDecisionInput(), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await ChangeRequests.ApproveAsync(designer, draft.Id, null, new ChangeRequestDecisionInput(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ApproveAsync(agency.Client, draft.Id, null, new ChangeRequestDecisionInput { Apply = true }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ApproveAsync(agency.Client, draft.Id, null, new ChangeRequestDecisionInput { StakeholderId = Guid.NewGuid() }, Ct))
            .Error!.Fields!.Keys.ShouldBe(["stakeholderId"]);

        (await ChangeRequests.ApproveAsync(agency.ProjectManager, draft.Id, null, new ChangeRequestDecisionInput(), Ct)).IsSuccess.ShouldBeTrue();
        (await ChangeRequests.ApplyAsync(agency.Client, draft.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ApplyAsync(agency.ProjectManager, draft.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ChangeRequests.ApplyAsync(agency.Admin, draft.Id, null, Ct)).Value.State.ShouldBe(ChangeRequestState.Applied);
        (await ReadEngagementAsync(engagement)).Budget.FixedFee.ShouldBe(1_020_000);
    }

    [Fact]
    public async Task ARefusedApplicationChangesNothing()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 100_000 });
        var tooMuch = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, fee: -200_000));
        var tooEarly = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, fee: -50_000, days: -365));
        var approved = (await ChangeRequests.ApproveAsync(agency.Client, tooMuch, null, new ChangeRequestDecisionInput(), Ct)).Value;
        await ChangeRequests.ApproveAsync(agency.Client, tooEarly, null, new ChangeRequestDecisionInput(), Ct);
        var before = (await ReadAuditAsync()).Count;

        var negative = await ChangeRequests.ApplyAsync(agency.Manager, tooMuch, null, Ct);
        var beforeStart = await ChangeRequests.ApplyAsync(agency.Manager, tooEarly, null, Ct);
        var stale = await ChangeRequests.ApplyAsync(agency.Manager, tooMuch, approved.Version - 1, Ct);

        negative.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        negative.Error.Message.ShouldContain("-1,000.00");
        beforeStart.Error!.Message.ShouldContain("before it starts");
        stale.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await ReadAuditAsync()).Count.ShouldBe(before);
        var stored = await ReadEngagementAsync(engagement);
        stored.Budget.FixedFee.ShouldBe(100_000);
        stored.EndDate.ShouldBe(End);
        (await ChangeRequests.GetAsync(agency.Manager, tooEarly, Ct)).Value.State.ShouldBe(ChangeRequestState.Approved);
    }

    [Fact]
    public async Task ChangeRequestsAreForAgreedScopeThatCanStillChange()
    {
        var agency = await SeedAgencyAsync();
        var draft = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 1 }, EngagementStatus.Draft);
        var open = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 100_000 });
        var undated = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 1 }, undated: true);
        var approved = await ProposedAsync(agency, New(open, staff: agency.Manager.StaffId, fee: 5_000));
        await ChangeRequests.ApproveAsync(agency.Client, approved, null, new ChangeRequestDecisionInput(), Ct);
        await using (var db = Database.CreateDbContext())
        {
            await db.Engagements.Where(e => e.Id == open).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EngagementStatus.Completed), Ct);
        }

        var onDraft = await ChangeRequests.CreateAsync(agency.Manager, New(draft, staff: agency.Manager.StaffId), Ct);
        var onUndated = await ChangeRequests.CreateAsync(agency.Manager, New(undated, staff: agency.Manager.StaffId, days: 7), Ct);
        var onCompleted = await ChangeRequests.ApplyAsync(agency.Manager, approved, null, Ct);
        var otherAccountsPerson = await AddStakeholderAsync(agency.Verdant, "Rahul Castellano");
        var wrongPerson = await ChangeRequests.CreateAsync(agency.Manager, New(undated, otherAccountsPerson), Ct);
        var nobody = await ChangeRequests.CreateAsync(agency.Manager, New(undated), Ct);

        onDraft.Error!.Message.ShouldContain("still a draft");
        onUndated.Error!.Fields!.Keys.ShouldBe(["endDateShiftDays"]);
        onCompleted.Error!.Message.ShouldContain("is completed");
        wrongPerson.Error!.Fields!.Keys.ShouldBe(["requestedByStakeholderId"]);
        nobody.Error!.Fields!.Keys.ShouldBe(["requestedByStakeholderId"]);
    }

    [Fact]
    public async Task TheScopeLogKeepsTheOriginalScopeAndShowsGrowthWithMoneyOnlyForThoseWhoSeeBudgets()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 2_000_000 });
        var first = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Extra market", fee: 200_000, minutes: 600, days: 7));
        await ChangeRequests.ApproveAsync(agency.Manager, first, null, new ChangeRequestDecisionInput { Apply = true }, Ct);
        Clock.Advance(TimeSpan.FromDays(1));
        var second = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Fewer pack shots", fee: -100_000, minutes: -120));
        await ChangeRequests.ApproveAsync(agency.Manager, second, null, new ChangeRequestDecisionInput { Apply = true }, Ct);
        var waiting = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Approved, not applied", fee: 1));
        await ChangeRequests.ApproveAsync(agency.Client, waiting, null, new ChangeRequestDecisionInput(), Ct);
        await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Awaiting the client"));
        var refused = await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Refused", fee: 999));
        await ChangeRequests.RejectAsync(agency.Client, refused, null, new ChangeRequestDecisionInput(), Ct);
        await ChangeRequests.CreateAsync(agency.Manager, New(engagement, staff: agency.Manager.StaffId, title: "Still a draft"), Ct);

        var scope = (await ChangeRequests.ScopeAsync(agency.Manager, engagement, Ct)).Value;

        scope.Original.ShouldBe(new ScopeFigures(null, 2_000_000, End));
        scope.Current.ShouldBe(new ScopeFigures(null, 2_100_000, End.AddDays(7)));
        scope.Changes.Select(c => c.Title).ShouldBe(["Extra market", "Fewer pack shots", "Approved, not applied"]);
        scope.Changes[1].Before.ShouldBe(new ScopeFigures(null, 2_200_000, End.AddDays(7)));
        scope.Changes[1].After.ShouldBe(new ScopeFigures(null, 2_100_000, End.AddDays(7)));
        scope.Changes[2].Before.ShouldBeNull();
        scope.Growth.ShouldBe(new ScopeGrowth(480, null, 100_000, 5.0m, 7));
        scope.AwaitingDecision.ShouldBe(1);

        var forClient = (await ChangeRequests.ScopeAsync(agency.Client, engagement, Ct)).Value;
        forClient.Original.ShouldBe(new ScopeFigures(null, null, End));
        forClient.Current.Fee.ShouldBeNull();
        forClient.Changes[0].After!.Fee.ShouldBeNull();
        forClient.Changes[0].FeeDelta.ShouldBe(200_000);
        forClient.Growth.Fee.ShouldBeNull();
        forClient.Growth.FeePercent.ShouldBeNull();
        (await ChangeRequests.ScopeAsync(agency.OtherClient, engagement, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task ListsFilterByEngagementAccountAndStateAndHideWhatTheCallerMayNotSee()
    {
        var agency = await SeedAgencyAsync();
        var engagement = await AddEngagementAsync(agency.Harbour, EngagementType.FixedFee, new Budget { FixedFee = 1_000 });
        await ProposedAsync(agency, New(engagement, staff: agency.Manager.StaffId, title: "Proposed one"));
        await ChangeRequests.CreateAsync(agency.Manager, New(engagement, staff: agency.Manager.StaffId, title: "Draft one"), Ct);

        var all = (await ChangeRequests.ListAsync(agency.Manager, new ChangeRequestListQuery(AccountId: agency.Harbour), Ct)).Value;
        var drafts = (await ChangeRequests.ListAsync(agency.Manager, new ChangeRequestListQuery(engagement, State: ChangeRequestState.Draft), Ct)).Value;
        var client = (await ChangeRequests.ListAsync(agency.Client, new ChangeRequestListQuery(), Ct)).Value;

        all.Items.Select(c => c.Title).ShouldBe(["Draft one", "Proposed one"]);
        drafts.Items.ShouldHaveSingleItem().Title.ShouldBe("Draft one");
        client.Items.ShouldHaveSingleItem().Title.ShouldBe("Proposed one");
        (await ChangeRequests.ListAsync(agency.OffTeam, new ChangeRequestListQuery(engagement), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await ChangeRequests.ListAsync(agency.OffTeam, new ChangeRequestListQuery(), Ct)).Value.Items.ShouldBeEmpty();
    }

    private async Task<Guid> ProposedAsync(Agency agency, NewChangeRequestInput input)
    {
        var draft = (await ChangeRequests.CreateAsync(agency.Manager, input, Ct)).Value;
        return (await ChangeRequests.ProposeAsync(agency.Manager, draft.Id, null, Ct)).Value.Id;
    }

    private static NewChangeRequestInput New(
        Guid engagementId, Guid? stakeholder = null, Guid? staff = null, string title = "Extra pack sizes", long fee = 0, int minutes = 0, int days = 0,
        string? notes = null) => new()
    {
        EngagementId = engagementId,
        Title = title,
        Description = "Two more pack sizes for the launch.",
        Reason = "Retail asked for them.",
        RequestedByStakeholderId = stakeholder,
        RequestedByStaffId = staff,
        FeeDelta = fee,
        HoursDeltaMinutes = minutes,
        EndDateShiftDays = days,
        InternalNotes = notes,
    };

    /// <summary>An engagement of the account, in delivery unless said otherwise, run by the account's manager and PM.</summary>
    private async Task<Guid> AddEngagementAsync(
        Guid accountId, EngagementType type, Budget budget, EngagementStatus status = EngagementStatus.InDelivery, bool undated = false,
        params CurrentUser[] members)
    {
        var engagement = new Engagement
        {
            AccountId = accountId, Name = $"{type} engagement", Type = type, Status = status, StartDate = Start,
            EndDate = undated ? null : End, Budget = budget,
        };
        engagement.Members.AddRange(members.Select(m => new EngagementMember { EngagementId = engagement.Id, StaffId = m.StaffId!.Value, Role = "Designer" }));
        await using var db = Database.CreateDbContext();
        db.Engagements.Add(engagement);
        foreach (var member in members)
        {
            db.AccountTeamMembers.Add(new AccountTeamMember { AccountId = accountId, StaffId = member.StaffId!.Value, Role = TeamRole.Creative, AddedAt = Clock.GetUtcNow().UtcDateTime });
        }

        await db.SaveChangesAsync(Ct);
        return engagement.Id;
    }

    private async Task<Engagement> ReadEngagementAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Engagements.AsNoTracking().SingleAsync(e => e.Id == id, Ct);
    }

    private static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;
}
