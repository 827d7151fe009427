using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using static Liaison.Core.Features.Deliverables.DeliverableState;

namespace Liaison.Core.Tests.Deliverables;

/// <summary>The rules of the deliverable workflow, one by one, on the pure state machine.</summary>
public sealed class DeliverableWorkflowTests
{
    private static readonly DeliverableActor Client = new(Guid.NewGuid(), "Cleo Client", IsClient: true, IsManager: false, IsApprover: false);
    private static readonly DeliverableActor Designer = new(Guid.NewGuid(), "Tara Designer", IsClient: false, IsManager: false, IsApprover: false);
    private static readonly DeliverableActor ProjectManager = new(Guid.NewGuid(), "Mateo PM", IsClient: false, IsManager: true, IsApprover: false);
    private static readonly DeliverableActor Reviewer = new(Guid.NewGuid(), "Rex Reviewer", IsClient: false, IsManager: false, IsApprover: true);
    private static readonly DeliverableActor AccountManager = new(Guid.NewGuid(), "Jonas AM", IsClient: false, IsManager: true, IsApprover: true);
    private static readonly Guid Sponsor = Guid.NewGuid();

    private DateTime _now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheHappyPathRecordsRoundsApprovalsAndEveryMove()
    {
        var d = New();
        Move(d, Designer, InProgress);
        Version(d, Designer);
        Move(d, Designer, InternalReview);
        Move(d, AccountManager, ReadyForClient, "Good to go.");
        Move(d, ProjectManager, ClientReview, "Here is the first draft.");
        Move(d, Client, Approved, "Lovely.");
        Move(d, Designer, Delivered, "Published on Instagram.");

        d.State.ShouldBe(Delivered);
        d.InternalRounds.ShouldBe(1);
        d.ClientRounds.ShouldBe(1);
        d.Transitions.Select(t => t.To).ShouldBe([InProgress, InternalReview, ReadyForClient, ClientReview, Approved, Delivered]);
        d.Transitions[2].ByName.ShouldBe("Jonas AM");
        d.InternalApprovedByName.ShouldBe("Jonas AM");
        d.InternalApprovedVersionId.ShouldBe(d.Versions.Single().Id);
        d.ClientApprovedByName.ShouldBe("Cleo Client");
        d.ClientApprovedByStakeholderId.ShouldBeNull();
        d.ClientApprovedAt.ShouldNotBeNull();
        d.DeliveredAt.ShouldNotBeNull();
        d.FirstSentToClientAt.ShouldBe(d.Transitions[3].At);

        var internalRound = d.Rounds.Single(r => r.Kind == ReviewKind.Internal);
        internalRound.Outcome.ShouldBe(ReviewOutcome.Approved);
        internalRound.Comments.Single().Text.ShouldBe("Good to go.");
        var clientRound = d.Rounds.Single(r => r.Kind == ReviewKind.Client);
        clientRound.VersionId.ShouldBe(d.Versions.Single().Id);
        clientRound.Comments.Select(c => (c.Side, c.AuthorName, c.Text)).ShouldBe(
            [(CommentSide.Agency, "Mateo PM", "Here is the first draft."), (CommentSide.Client, "Cleo Client", "Lovely.")]);
        clientRound.ClosedByName.ShouldBe("Cleo Client");
    }

    [Fact]
    public void OnlyAnApproverPassesTheFilter()
    {
        foreach (var notApprover in new[] { Designer, ProjectManager, Client })
        {
            var d = InInternalReview();
            Refused(d, notApprover, ReadyForClient).Kind.ShouldBe(ErrorKind.Forbidden);
            d.State.ShouldBe(InternalReview);
            d.InternalApprovedAt.ShouldBeNull();
        }

        foreach (var approver in new[] { Reviewer, AccountManager })
        {
            var d = InInternalReview();
            Move(d, approver, ReadyForClient);
            d.InternalApprovedByName.ShouldBe(approver.Name);
        }
    }

    [Fact]
    public void NoPathSkipsTheFilter()
    {
        // From every state, nobody can jump to the client's review or to ready-for-client except through the filter's edge.
        DeliverableWorkflow.Edges.Where(e => e.To == ClientReview).ShouldHaveSingleItem().From.ShouldBe(ReadyForClient);
        var pass = DeliverableWorkflow.Edges.Where(e => e.To == ReadyForClient).ShouldHaveSingleItem();
        pass.From.ShouldBe(InternalReview);
        pass.Who.ShouldBe(Mover.Approver);
        DeliverableWorkflow.Edges.Where(e => e.To == InternalReview).ShouldHaveSingleItem().From.ShouldBe(InProgress);
    }

    [Fact]
    public void AfterChangesTheWorkPassesTheFilterAgainBeforeTheClientSeesIt()
    {
        var d = InClientReview();
        Move(d, Client, ChangesRequested, "Bigger logo, please.");
        d.InternalApprovedAt.ShouldBeNull();
        Move(d, Designer, InProgress);

        // Straight back to ready-for-client is no move at all; the filter has to pass the new version.
        var wrong = Refused(d, AccountManager, ReadyForClient);
        wrong.Kind.ShouldBe(ErrorKind.Conflict);
        wrong.Allowed.ShouldBe(["InternalReview"]);
        wrong.Message.ShouldContain("in internal review");

        Version(d, Designer);
        Move(d, Designer, InternalReview);
        Move(d, Reviewer, ReadyForClient);
        Move(d, AccountManager, ClientReview);

        d.ClientRounds.ShouldBe(2);
        d.InternalRounds.ShouldBe(2);
        var rounds = d.Rounds.Where(r => r.Kind == ReviewKind.Client).OrderBy(r => r.Number).ToList();
        rounds[0].Outcome.ShouldBe(ReviewOutcome.ChangesRequested);
        rounds[0].Comments.Single().Text.ShouldBe("Bigger logo, please.");
        rounds[1].VersionId.ShouldBe(d.Versions.Single(v => v.Number == 2).Id);
        rounds[1].Outcome.ShouldBeNull();
    }

    [Fact]
    public void TakingTheWorkBackVoidsTheApproval()
    {
        var ready = InInternalReview();
        Move(ready, AccountManager, ReadyForClient);
        Move(ready, Designer, InProgress);
        ready.InternalApprovedAt.ShouldBeNull();
        Version(ready, Designer);
        Move(ready, Designer, InternalReview);
        Refused(ready, AccountManager, ClientReview).Allowed.ShouldBe(["InProgress", "ReadyForClient"]);

        var withdrawn = InClientReview();
        Refused(withdrawn, ProjectManager, InProgress).Fields!.Keys.ShouldBe(["comment"]);
        Move(withdrawn, ProjectManager, InProgress, "Spotted a typo; pulling it back.");
        withdrawn.Rounds.Single(r => r.Kind == ReviewKind.Client).Outcome.ShouldBe(ReviewOutcome.Withdrawn);
        withdrawn.InternalApprovedAt.ShouldBeNull();
        Refused(withdrawn, Client, Approved).Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public void AWrongMoveIsAConflictThatListsTheCallersMoves()
    {
        var d = New();
        var error = Refused(d, AccountManager, Approved);
        error.Kind.ShouldBe(ErrorKind.Conflict);
        error.Message.ShouldBe("A deliverable that is briefed cannot become approved. You can move it to: in progress.");
        error.Allowed.ShouldBe(["InProgress"]);

        Refused(d, Client, Delivered).Allowed.ShouldBeEmpty();
        Refused(d, Designer, Briefed).Message.ShouldStartWith("The deliverable is already briefed.");
    }

    [Fact]
    public void TheWorkIsSubmittedOnlyWithAVersionAndVersionsComeOnlyWhileInProgress()
    {
        var d = New();
        DeliverableWorkflow.AddVersion(d, "https://files.example/1", null, Designer, _now).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        Move(d, Designer, InProgress);
        var empty = Refused(d, Designer, InternalReview);
        empty.Kind.ShouldBe(ErrorKind.Conflict);
        empty.Message.ShouldContain("Add a version");
        empty.Allowed.ShouldBeEmpty();

        DeliverableWorkflow.AddVersion(d, "https://files.example/1", null, Client, _now).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        Version(d, Designer);
        Version(d, Designer);
        d.Versions.Select(v => v.Number).ShouldBe([1, 2]);
        Move(d, Designer, InternalReview);
        d.Rounds.Single().VersionId.ShouldBe(d.Versions[1].Id);
        DeliverableWorkflow.AddVersion(d, "https://files.example/3", null, Designer, _now).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public void TheClientsDecisionIsTheClientsOrRecordedForANamedStakeholder()
    {
        var d = InClientReview();
        Refused(d, Designer, Approved).Kind.ShouldBe(ErrorKind.Forbidden);
        Refused(d, ProjectManager, Approved).Fields!.Keys.ShouldBe(["stakeholderId"]);
        Refused(d, Client, ChangesRequested).Fields!.Keys.ShouldBe(["comment"]);
        DeliverableWorkflow.Apply(d, new DeliverableMove(Approved, StakeholderId: Sponsor, StakeholderName: "Olga"), Client, _now)
            .Error!.Fields!.Keys.ShouldBe(["stakeholderId"]);

        var recorded = DeliverableWorkflow.Apply(d, new DeliverableMove(Approved, "Approved by e-mail.", Sponsor, "Olga Sponsor"), ProjectManager, Tick());
        recorded.IsSuccess.ShouldBeTrue();
        recorded.Value.ForStakeholderName.ShouldBe("Olga Sponsor");
        d.ClientApprovedByName.ShouldBe("Olga Sponsor");
        d.ClientApprovedByStakeholderId.ShouldBe(Sponsor);
        d.ClientApprovedByUserId.ShouldBe(ProjectManager.UserId);
        var comment = d.Rounds.Single(r => r.Kind == ReviewKind.Client).Comments.Single();
        (comment.Side, comment.AuthorName, comment.StakeholderId).ShouldBe((CommentSide.Client, "Olga Sponsor", (Guid?)Sponsor));
        DeliverableViews.ForClient(d, "Launch", []).ClientApproval.ShouldBe(new ApprovalView("Olga Sponsor", d.ClientApprovedAt!.Value, 1, "Mateo PM"));
    }

    [Fact]
    public void CommentsGoToTheOpenRoundAndOnlyLeadsSpeakToTheClient()
    {
        var d = New();
        DeliverableWorkflow.AddComment(d, "Hello", null, null, Designer, _now).Error!.Kind.ShouldBe(ErrorKind.Conflict);

        d = InInternalReview();
        DeliverableWorkflow.AddComment(d, "Internal: kerning", null, null, Designer, _now).IsSuccess.ShouldBeTrue();
        DeliverableWorkflow.AddComment(d, "Hi", null, null, Client, _now).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        DeliverableWorkflow.AddComment(d, "Olga said", Sponsor, "Olga", AccountManager, _now).Error!.Fields!.Keys.ShouldBe(["stakeholderId"]);

        d = InClientReview();
        DeliverableWorkflow.AddComment(d, "Looks great", null, null, Client, _now).Value.Side.ShouldBe(CommentSide.Client);
        DeliverableWorkflow.AddComment(d, "Psst", null, null, Designer, _now).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        DeliverableWorkflow.AddComment(d, "We will", null, null, ProjectManager, _now).Value.Side.ShouldBe(CommentSide.Agency);
        var quoted = DeliverableWorkflow.AddComment(d, "From her e-mail", Sponsor, "Olga Sponsor", Reviewer, _now).Value;
        (quoted.Side, quoted.AuthorName).ShouldBe((CommentSide.Client, "Olga Sponsor"));
    }

    [Fact]
    public void TheClientsViewHoldsNoInternalRoundsNotesOrUnshownVersions()
    {
        var d = New();
        d.Brief = "Internal: keep it cheap.";
        Move(d, Designer, InProgress);
        DeliverableWorkflow.AddVersion(d, "https://files.example/draft", "Internal: rough", Designer, Tick());
        Move(d, Designer, InternalReview);
        DeliverableWorkflow.AddComment(d, "Internal: not yet", null, null, AccountManager, Tick());
        Move(d, AccountManager, InProgress, "Internal: redo the headline");
        DeliverableWorkflow.AddVersion(d, "https://files.example/final", "Internal: better", Designer, Tick());
        Move(d, Designer, InternalReview);
        Move(d, AccountManager, ReadyForClient);
        Move(d, AccountManager, ClientReview, "Our proposal.");

        var view = DeliverableViews.ForClient(d, "Launch", DeliverableWorkflow.Allowed(d, Client));
        view.Versions.ShouldHaveSingleItem().LinkUrl.ShouldBe("https://files.example/final");
        view.Rounds.ShouldHaveSingleItem().Comments.ShouldHaveSingleItem().Text.ShouldBe("Our proposal.");
        view.AllowedTransitions.ShouldBe([ChangesRequested, Approved]);
        System.Text.Json.JsonSerializer.Serialize(view).ShouldNotContain("Internal:");
    }

    [Fact]
    public void MovesFromTheEndAreNone()
    {
        DeliverableWorkflow.Next(Delivered).ShouldBeEmpty();
        DeliverableWorkflow.Next(Approved).ShouldBe([Delivered]);
        Enum.GetValues<DeliverableState>().Where(s => s != Delivered).ShouldAllBe(s => DeliverableWorkflow.Next(s).Count > 0);
    }

    private static Deliverable New() => new() { AccountId = Guid.NewGuid(), EngagementId = Guid.NewGuid(), Title = "Launch post" };

    private Deliverable InInternalReview()
    {
        var d = New();
        Move(d, Designer, InProgress);
        Version(d, Designer);
        Move(d, Designer, InternalReview);
        return d;
    }

    private Deliverable InClientReview()
    {
        var d = InInternalReview();
        Move(d, AccountManager, ReadyForClient);
        Move(d, AccountManager, ClientReview);
        return d;
    }

    private void Move(Deliverable d, DeliverableActor actor, DeliverableState to, string? comment = null)
    {
        var result = DeliverableWorkflow.Apply(d, new DeliverableMove(to, comment), actor, Tick());
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    private Error Refused(Deliverable d, DeliverableActor actor, DeliverableState to)
    {
        var before = (d.State, d.Transitions.Count, d.Rounds.Count);
        var result = DeliverableWorkflow.Apply(d, new DeliverableMove(to), actor, Tick());
        result.IsSuccess.ShouldBeFalse();
        (d.State, d.Transitions.Count, d.Rounds.Count).ShouldBe(before);
        return result.Error!;
    }

    private void Version(Deliverable d, DeliverableActor actor) =>
        DeliverableWorkflow.AddVersion(d, "https://files.example/v", "notes", actor, Tick()).IsSuccess.ShouldBeTrue();

    private DateTime Tick() => _now = _now.AddMinutes(1);
}
