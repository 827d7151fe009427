using Liaison.Core.Common;
using Liaison.Core.Features.Recommendations;
using Liaison.Core.Tests.Fixtures;

namespace Liaison.Core.Tests.Recommendations;

public sealed class RecommendationServiceTests : DatabaseTest
{
    [Fact]
    public async Task PresentingWithoutTheHomeworkNamesEveryMissingPieceAndChangesNothing()
    {
        var agency = await SeedAgencyAsync();
        var draft = (await Recommendations.CreateAsync(agency.Manager, new NewRecommendationInput
        {
            AccountId = agency.Harbour, Title = "Move to a headless CMS", Options = [new OptionInput { Title = "Headless" }],
        }, Ct)).Value;

        var result = await Recommendations.PresentAsync(agency.Manager, draft.Id, null, null, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.ShouldBe(["options", "staffConsulted", "recommendedOption"], ignoreOrder: true);
        var stored = (await Recommendations.GetAsync(agency.Manager, draft.Id, Ct)).Value;
        stored.Status.ShouldBe(RecommendationStatus.Draft);
        stored.Version.ShouldBe(draft.Version);
    }

    [Fact]
    public async Task AReadyRecommendationIsPresentedTodayAndThenDecided()
    {
        var agency = await SeedAgencyAsync();
        var draft = await ReadyDraftAsync(agency);

        var presented = (await Recommendations.PresentAsync(agency.Manager, draft.Id, draft.Version, null, Ct)).Value;
        var again = await Recommendations.PresentAsync(agency.Manager, draft.Id, null, null, Ct);
        var decided = (await Recommendations.DecideAsync(agency.ProjectManager, draft.Id, null,
            new DecisionInput { Decision = ClientDecision.Declined, ReasonCategory = ReasonCategory.Budget, ReasonNote = " No money this year " }, Ct)).Value;

        presented.Status.ShouldBe(RecommendationStatus.Presented);
        presented.PresentedOn.ShouldBe(DateOnly.FromDateTime(FakeClock.DefaultStart.UtcDateTime));
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        decided.Status.ShouldBe(RecommendationStatus.Decided);
        decided.Decision.ShouldBe(ClientDecision.Declined);
        decided.ReasonNote.ShouldBe("No money this year");
        decided.DecidedAt.ShouldBe(FakeClock.DefaultStart.UtcDateTime);
    }

    [Fact]
    public async Task ADecisionNeedsAPresentedRecommendationAndAReasonUnlessAccepted()
    {
        var agency = await SeedAgencyAsync();
        var draft = await ReadyDraftAsync(agency);

        var early = await Recommendations.DecideAsync(agency.Manager, draft.Id, null, new DecisionInput { Decision = ClientDecision.Accepted }, Ct);
        await Recommendations.PresentAsync(agency.Manager, draft.Id, null, new PresentInput(new DateOnly(2026, 2, 27)), Ct);
        var noReason = await Recommendations.DecideAsync(agency.Manager, draft.Id, null, new DecisionInput { Decision = ClientDecision.Deferred }, Ct);
        var pending = await Recommendations.DecideAsync(agency.Manager, draft.Id, null, new DecisionInput { Decision = ClientDecision.Pending }, Ct);
        var accepted = await Recommendations.DecideAsync(agency.Manager, draft.Id, null, new DecisionInput { Decision = ClientDecision.Accepted }, Ct);

        early.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        noReason.Error!.Fields!.Keys.ShouldBe(["reasonCategory"]);
        pending.Error!.Fields!.Keys.ShouldBe(["decision"]);
        accepted.Value.Decision.ShouldBe(ClientDecision.Accepted);
        accepted.Value.PresentedOn.ShouldBe(new DateOnly(2026, 2, 27));
    }

    [Fact]
    public async Task ARecommendedOptionOutsideTheOptionsAndUnknownStaffAreFieldErrors()
    {
        var agency = await SeedAgencyAsync();

        var outside = await Recommendations.CreateAsync(agency.Manager, new NewRecommendationInput
        {
            AccountId = agency.Harbour, Title = "X", Options = [new OptionInput { Title = "A" }], RecommendedOption = 1,
        }, Ct);
        var stranger = await Recommendations.CreateAsync(agency.Manager, new NewRecommendationInput
        {
            AccountId = agency.Harbour, Title = "X", StaffConsulted = [Guid.CreateVersion7()],
        }, Ct);
        var blankOption = await Recommendations.CreateAsync(agency.Manager, new NewRecommendationInput
        {
            AccountId = agency.Harbour, Title = "X", Options = [new OptionInput { Title = " " }],
        }, Ct);

        outside.Error!.Fields!.Keys.ShouldBe(["recommendedOption"]);
        stranger.Error!.Fields!.Keys.ShouldBe(["staffConsulted"]);
        blankOption.Error!.Fields!.Keys.ShouldBe(["options"]);
    }

    [Fact]
    public async Task APresentedRecommendationCannotBeEditedBackBelowTheRule()
    {
        var agency = await SeedAgencyAsync();
        var draft = await ReadyDraftAsync(agency);
        var presented = (await Recommendations.PresentAsync(agency.Manager, draft.Id, null, null, Ct)).Value;

        var stripped = await Recommendations.UpdateAsync(agency.Manager, draft.Id, presented.Version,
            new RecommendationInput { Title = "Stripped", Options = [new OptionInput { Title = "Only one" }], StaffConsulted = [agency.ProjectManager.StaffId!.Value] }, Ct);
        var stale = await Recommendations.UpdateAsync(agency.Manager, draft.Id, presented.Version - 1, Input(agency, "Renamed"), Ct);
        var renamed = await Recommendations.UpdateAsync(agency.Manager, draft.Id, presented.Version, Input(agency, "Renamed"), Ct);

        stripped.Error!.Fields!.Keys.ShouldBe(["options", "recommendedOption"], ignoreOrder: true);
        stale.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        renamed.Value.Title.ShouldBe("Renamed");
        renamed.Value.Options.Select(o => o.Id).ShouldBe(presented.Options.Select(o => o.Id));
    }

    [Fact]
    public async Task ClientsAreRefusedTheirListAndNeverFindOneAndTeamMembersOnlyRead()
    {
        var agency = await SeedAgencyAsync();
        var draft = await ReadyDraftAsync(agency);
        var member = await AddStaffUserAsync("Tomas Reed", Core.Access.Role.TeamMember);

        (await Recommendations.ListAsync(agency.Client, new RecommendationListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Recommendations.ListAsync(agency.OtherClient, new RecommendationListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Recommendations.GetAsync(agency.Client, draft.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Recommendations.GetAsync(agency.OffTeam, draft.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Recommendations.AcceptanceAsync(agency.Client, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Recommendations.CreateAsync(member, new NewRecommendationInput { AccountId = agency.Harbour, Title = "X" }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Recommendations.CreateAsync(agency.Manager, new NewRecommendationInput { AccountId = agency.Verdant, Title = "X" }, Ct))
            .Error!.Fields!.Keys.ShouldBe(["accountId"]);
        (await Recommendations.ListAsync(agency.OffTeam, new RecommendationListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        (await Recommendations.ListAsync(agency.ProjectManager, new RecommendationListQuery(), Ct)).Value.Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AcceptanceCountsPartlyAcceptedAsHalfAndLeavesDeferredOutOfTheRate()
    {
        var agency = await SeedAgencyAsync();
        await DecidedAsync(agency, agency.Harbour, ClientDecision.Accepted, null, Importance.High);
        await DecidedAsync(agency, agency.Harbour, ClientDecision.PartlyAccepted, ReasonCategory.Budget, Importance.High);
        await DecidedAsync(agency, agency.Harbour, ClientDecision.Declined, ReasonCategory.Budget, Importance.Low);
        await DecidedAsync(agency, agency.Harbour, ClientDecision.Deferred, ReasonCategory.Timing, Importance.Low);
        await DecidedAsync(agency, agency.Verdant, ClientDecision.Declined, ReasonCategory.Preference, Importance.Critical);
        await ReadyDraftAsync(agency);

        var harbour = (await Recommendations.AcceptanceAsync(agency.Manager, agency.Harbour, Ct)).Value;
        var overall = (await Recommendations.AcceptanceAsync(agency.Admin, null, Ct)).Value;
        var managersOverall = (await Recommendations.AcceptanceAsync(agency.Manager, null, Ct)).Value;

        harbour.Total.ShouldBe(new AcceptanceRow("All", 1, 1, 1, 1, 0.5));
        harbour.ByReasonCategory.ShouldBe(
        [
            new AcceptanceRow("Budget", 0, 1, 1, 0, 0.25),
            new AcceptanceRow("Timing", 0, 0, 0, 1, null),
            new AcceptanceRow("Unstated", 1, 0, 0, 0, 1),
        ]);
        harbour.ByImportance.ShouldBe([new AcceptanceRow("High", 1, 1, 0, 0, 0.75), new AcceptanceRow("Low", 0, 0, 1, 1, 0)]);
        overall.Total.ShouldBe(new AcceptanceRow("All", 1, 1, 2, 1, 0.375));
        overall.ByAccount.Select(a => a.Key).ShouldBe(["Harbourline Ferries", "Verdant Foods"]);
        managersOverall.Total.ShouldBe(harbour.Total);
    }

    private async Task DecidedAsync(Agency agency, Guid account, ClientDecision decision, ReasonCategory? reason, Importance importance)
    {
        var input = Input(agency, $"{decision} {importance}", account);
        input.Importance = importance;
        var draft = (await Recommendations.CreateAsync(agency.Admin, input, Ct)).Value;
        (await Recommendations.PresentAsync(agency.Admin, draft.Id, null, null, Ct)).IsSuccess.ShouldBeTrue();
        (await Recommendations.DecideAsync(agency.Admin, draft.Id, null, new DecisionInput { Decision = decision, ReasonCategory = reason }, Ct))
            .IsSuccess.ShouldBeTrue();
    }

    private async Task<RecommendationView> ReadyDraftAsync(Agency agency) =>
        (await Recommendations.CreateAsync(agency.Manager, Input(agency, "Move to a headless CMS"), Ct)).Value;

    private static NewRecommendationInput Input(Agency agency, string title, Guid? account = null) => new()
    {
        AccountId = account ?? agency.Harbour,
        Title = title,
        Context = "The editors wait days for page changes.",
        Options =
        [
            new OptionInput { Title = "Headless CMS", Pros = "Fast editing", Cons = "Migration work" },
            new OptionInput { Title = "Keep the current CMS", Pros = "No change", Cons = "Slow editing" },
        ],
        StaffConsulted = [agency.ProjectManager.StaffId!.Value],
        RecommendedOption = 0,
        Importance = Importance.High,
    };
}
