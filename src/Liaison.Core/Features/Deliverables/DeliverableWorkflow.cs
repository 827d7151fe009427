using Liaison.Core.Common;
using Liaison.Core.Common.Files;
using static Liaison.Core.Features.Deliverables.DeliverableState;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// Who is acting on a deliverable, as the workflow needs to know them. The service works these facts
/// out from the caller, the account and the deliverable; the workflow never touches the database.
/// </summary>
/// <param name="IsManager">Admin, account manager or project manager (who can see the deliverable).</param>
/// <param name="IsApprover">Whoever may pass work to the client: the account's or the engagement's account manager, the deliverable's designated reviewer, an admin.</param>
public sealed record DeliverableActor(Guid? UserId, string Name, bool IsClient, bool IsManager, bool IsApprover)
{
    public bool IsStaff => !IsClient;

    /// <summary>The agency's people who speak to the client: they send work out and record the client's decisions.</summary>
    public bool IsLead => IsStaff && (IsManager || IsApprover);
}

/// <summary>Who may take a transition.</summary>
public enum Mover
{
    /// <summary>Anyone of the agency who can see the deliverable.</summary>
    Staff,

    /// <summary>The filter: the account manager, the designated reviewer or an admin.</summary>
    Approver,

    /// <summary>Managers and approvers.</summary>
    Lead,

    /// <summary>A client user, or a lead recording a named stakeholder's decision.</summary>
    ClientSide,
}

/// <summary>A requested transition: the state to go to, an optional comment, and for staff recording the client's decision, whose.</summary>
public sealed record DeliverableMove(DeliverableState To, string? Comment = null, Guid? StakeholderId = null, string? StakeholderName = null);

/// <summary>
/// The deliverable state machine: which moves exist, who may make them, and what each one records.
/// Pure: it changes the deliverable object graph it is given and nothing else, so it can be tested
/// with many thousands of random command sequences.
///
/// The filter: <see cref="ReadyForClient"/> is entered only from <see cref="InternalReview"/>, only by an
/// approver, and that move records the internal approval of the latest version. <see cref="ClientReview"/>
/// is entered only from <see cref="ReadyForClient"/> with that approval still in force. Every way back to
/// work (sent back, withdrawn, changes requested) clears the approval, and versions can only be added
/// while the work is in progress; so whatever reaches the client was passed, in that exact version,
/// after its last change.
/// </summary>
public static class DeliverableWorkflow
{
    public sealed record Edge(DeliverableState From, DeliverableState To, Mover Who, bool NeedsComment);

    public static IReadOnlyList<Edge> Edges { get; } =
    [
        new(Briefed, InProgress, Mover.Staff, NeedsComment: false),
        new(InProgress, InternalReview, Mover.Staff, NeedsComment: false),
        new(InternalReview, InProgress, Mover.Staff, NeedsComment: true),
        new(InternalReview, ReadyForClient, Mover.Approver, NeedsComment: false),
        new(ReadyForClient, InProgress, Mover.Staff, NeedsComment: false),
        new(ReadyForClient, ClientReview, Mover.Lead, NeedsComment: false),
        new(ClientReview, ChangesRequested, Mover.ClientSide, NeedsComment: true),
        new(ClientReview, Approved, Mover.ClientSide, NeedsComment: false),
        new(ClientReview, InProgress, Mover.Lead, NeedsComment: true),
        new(ChangesRequested, InProgress, Mover.Staff, NeedsComment: false),
        new(Approved, Delivered, Mover.Staff, NeedsComment: false),
    ];

    /// <summary>Every state the machine has a move to from <paramref name="from"/>, whoever makes it.</summary>
    public static IReadOnlyList<DeliverableState> Next(DeliverableState from) => [.. Edges.Where(e => e.From == from).Select(e => e.To)];

    public static bool May(DeliverableActor actor, Mover who) => who switch
    {
        Mover.Staff => actor.IsStaff,
        Mover.Approver => actor.IsStaff && actor.IsApprover,
        Mover.Lead => actor.IsLead,
        _ => actor.IsClient || actor.IsLead,
    };

    /// <summary>The moves this actor may make now.</summary>
    public static IReadOnlyList<DeliverableState> Allowed(Deliverable d, DeliverableActor actor) =>
        [.. Edges.Where(e => e.From == d.State && May(actor, e.Who) && Unmet(d, e) is null).Select(e => e.To)];

    /// <summary>Why the move cannot be made, or null: 409 for a move that does not exist or whose condition is unmet (with the allowed moves), 403 for one this actor may not make, 400 for a missing comment or stakeholder.</summary>
    public static Error? Check(Deliverable d, DeliverableMove move, DeliverableActor actor)
    {
        var edge = Edges.FirstOrDefault(e => e.From == d.State && e.To == move.To);
        if (edge is null)
        {
            return WrongMove(d, actor, move.To == d.State
                ? $"The deliverable is already {Label(d.State)}."
                : $"A deliverable that is {Label(d.State)} cannot become {Label(move.To)}.");
        }

        if (!May(actor, edge.Who))
        {
            return Error.Forbidden(Refusal(edge.Who));
        }

        if (Unmet(d, edge) is { } unmet)
        {
            return WrongMove(d, actor, unmet);
        }

        if (edge.NeedsComment && string.IsNullOrWhiteSpace(move.Comment))
        {
            return Error.Invalid("comment", edge.Who == Mover.ClientSide
                ? "Say what should change."
                : "Say why it goes back to work; the comment stays with the review round.");
        }

        var recordsForClient = edge.Who == Mover.ClientSide && actor.IsStaff;
        if (recordsForClient && move.StakeholderId is null)
        {
            return Error.Invalid("stakeholderId", "Choose the stakeholder whose decision you are recording.");
        }

        return !recordsForClient && move.StakeholderId is not null
            ? Error.Invalid("stakeholderId", "A stakeholder is named only when the agency records the client's decision.")
            : null;
    }

    /// <summary>Makes the move and records it (the transition, rounds opened or closed, approvals), or says why not and changes nothing.</summary>
    public static Result<DeliverableTransition> Apply(Deliverable d, DeliverableMove move, DeliverableActor actor, DateTime now)
    {
        if (Check(d, move, actor) is { } error)
        {
            return error;
        }

        var from = d.State;
        var comment = Text.Clean(move.Comment);
        switch ((from, move.To))
        {
            case (InProgress, InternalReview):
                Open(d, ReviewKind.Internal, LatestVersion(d)!.Id, actor, now);
                break;
            case (InternalReview, InProgress):
                Close(d, ReviewOutcome.ChangesRequested, move, actor, now, comment);
                break;
            case (InternalReview, ReadyForClient):
                var passed = Close(d, ReviewOutcome.Approved, move, actor, now, comment);
                d.InternalApprovedAt = now;
                d.InternalApprovedByUserId = actor.UserId;
                d.InternalApprovedByName = actor.Name;
                d.InternalApprovedVersionId = passed.VersionId;
                break;
            case (ReadyForClient, ClientReview):
                var round = Open(d, ReviewKind.Client, d.InternalApprovedVersionId, actor, now);
                if (comment is not null)
                {
                    round.Comments.Add(NewComment(d, round, CommentSide.Agency, actor, null, null, comment, now));
                }

                d.FirstSentToClientAt ??= now;
                break;
            case (ClientReview, ChangesRequested):
                Close(d, ReviewOutcome.ChangesRequested, move, actor, now, comment);
                break;
            case (ClientReview, Approved):
                Close(d, ReviewOutcome.Approved, move, actor, now, comment);
                d.ClientApprovedAt = now;
                d.ClientApprovedByUserId = actor.UserId;
                d.ClientApprovedByName = actor.IsClient ? actor.Name : move.StakeholderName;
                d.ClientApprovedByStakeholderId = move.StakeholderId;
                break;
            case (ClientReview, InProgress):
                Close(d, ReviewOutcome.Withdrawn, move, actor, now, comment);
                break;
            case (Approved, Delivered):
                d.DeliveredAt = now;
                break;
        }

        if (move.To is InProgress or ChangesRequested)
        {
            // Back to work: whatever goes to the client next must pass the filter again.
            d.InternalApprovedAt = null;
            d.InternalApprovedByUserId = null;
            d.InternalApprovedByName = null;
            d.InternalApprovedVersionId = null;
        }

        d.State = move.To;
        d.UpdatedAt = now;
        var transition = new DeliverableTransition
        {
            DeliverableId = d.Id,
            AccountId = d.AccountId,
            From = from,
            To = move.To,
            ByUserId = actor.UserId,
            ByName = actor.Name,
            ForStakeholderId = move.StakeholderId,
            ForStakeholderName = move.StakeholderId is null ? null : move.StakeholderName,
            At = now,
            Comment = comment,
        };
        d.Transitions.Add(transition);
        return transition;
    }

    /// <summary>Adds the next version; only while the work is in progress, so an approval always covers the latest version.</summary>
    public static Result<DeliverableVersion> AddVersion(
        Deliverable d, string? linkUrl, string? notes, DeliverableActor actor, DateTime now, StoredFile? file = null)
    {
        if (RefuseVersion(d, actor) is { } refused)
        {
            return refused;
        }

        var version = new DeliverableVersion
        {
            DeliverableId = d.Id,
            AccountId = d.AccountId,
            Number = d.Versions.Count == 0 ? 1 : d.Versions.Max(v => v.Number) + 1,
            LinkUrl = Text.Clean(linkUrl),
            StoredFileName = file?.StorageKey,
            OriginalFileName = file?.FileName,
            ContentType = file?.ContentType,
            SizeBytes = file?.SizeBytes,
            Notes = Text.Clean(notes),
            AddedByUserId = actor.UserId,
            AddedByName = actor.Name,
            AddedAt = now,
        };
        d.Versions.Add(version);
        d.UpdatedAt = now;
        return version;
    }

    /// <summary>Why the actor may not add a version now, or null: checked before an upload is kept.</summary>
    public static Error? RefuseVersion(Deliverable d, DeliverableActor actor)
    {
        if (actor.IsClient)
        {
            return Error.Forbidden("Only the agency adds versions.");
        }

        if (d.State != InProgress)
        {
            return Error.Conflict(d.State == Briefed
                ? "Start the work (move it to in progress) before adding a version."
                : $"Versions are added while the work is in progress; this deliverable is {Label(d.State)}.");
        }

        return null;
    }

    /// <summary>
    /// A comment in the open review round. Internal rounds take the agency's comments only; in a client
    /// round the client comments, and leads speak for the agency or record a stakeholder's words.
    /// </summary>
    public static Result<DeliverableComment> AddComment(
        Deliverable d, string text, Guid? stakeholderId, string? stakeholderName, DeliverableActor actor, DateTime now)
    {
        var round = OpenRound(d);
        if (round is null || (round.Kind == ReviewKind.Internal && actor.IsClient))
        {
            return Error.Conflict("There is no review open to comment on; comments belong to a review round.");
        }

        CommentSide side;
        if (round.Kind == ReviewKind.Internal)
        {
            if (stakeholderId is not null)
            {
                return Error.Invalid("stakeholderId", "An internal review has no client comments.");
            }

            side = CommentSide.Agency;
        }
        else if (actor.IsClient)
        {
            if (stakeholderId is not null)
            {
                return Error.Invalid("stakeholderId", "A stakeholder is named only when the agency records the client's words.");
            }

            side = CommentSide.Client;
        }
        else if (!actor.IsLead)
        {
            return Error.Forbidden("In a client review, the account manager, project managers, admins and the designated reviewer speak to the client.");
        }
        else
        {
            side = stakeholderId is null ? CommentSide.Agency : CommentSide.Client;
        }

        var comment = NewComment(d, round, side, actor, stakeholderId, stakeholderName, text.Trim(), now);
        round.Comments.Add(comment);
        d.UpdatedAt = now;
        return comment;
    }

    /// <summary>Whether the approval in force covers the latest version and came after it.</summary>
    public static bool HasFreshApproval(Deliverable d) =>
        LatestVersion(d) is { } latest && d.InternalApprovedAt is { } at && d.InternalApprovedVersionId == latest.Id && at >= latest.AddedAt;

    public static DeliverableVersion? LatestVersion(Deliverable d) => d.Versions.MaxBy(v => v.Number);

    /// <summary>The round under review now, if any.</summary>
    public static DeliverableRound? OpenRound(Deliverable d) => d.Rounds.FirstOrDefault(r => r.ClosedAt is null);

    public static string Label(DeliverableState state) => state switch
    {
        Briefed => "briefed",
        InProgress => "in progress",
        InternalReview => "in internal review",
        ReadyForClient => "ready for the client",
        ClientReview => "in client review",
        ChangesRequested => "waiting on the changes the client requested",
        Approved => "approved",
        _ => "delivered",
    };

    private static string? Unmet(Deliverable d, Edge e) => (e.From, e.To) switch
    {
        (InProgress, InternalReview) when d.Versions.Count == 0 => "Add a version before submitting the work for internal review.",
        (ReadyForClient, ClientReview) when !HasFreshApproval(d) =>
            "The latest version has not passed internal review since it changed; it goes back to work and through the filter first.",
        _ => null,
    };

    private static Error WrongMove(Deliverable d, DeliverableActor actor, string reason)
    {
        var allowed = Allowed(d, actor);
        var next = allowed.Count == 0
            ? " You cannot move it from here."
            : $" You can move it to: {string.Join(", ", allowed.Select(Label))}.";
        return Error.Conflict(reason + next, [.. allowed.Select(s => s.ToString())]);
    }

    private static string Refusal(Mover who) => who switch
    {
        Mover.Staff => "Only the agency moves a deliverable there.",
        Mover.Approver => "Only the account manager, the deliverable's designated reviewer or an admin passes work to the client: that is the filter.",
        Mover.Lead => "Only the account manager, project managers, admins and the designated reviewer send work to the client or take it back.",
        _ => "Only the client, or the agency recording a stakeholder's decision, decides a client review.",
    };

    private static DeliverableRound Open(Deliverable d, ReviewKind kind, Guid? versionId, DeliverableActor actor, DateTime now)
    {
        var number = kind == ReviewKind.Internal ? ++d.InternalRounds : ++d.ClientRounds;
        var round = new DeliverableRound
        {
            DeliverableId = d.Id,
            AccountId = d.AccountId,
            Kind = kind,
            Number = number,
            VersionId = versionId,
            OpenedAt = now,
            OpenedByName = actor.Name,
        };
        d.Rounds.Add(round);
        return round;
    }

    private static DeliverableRound Close(
        Deliverable d, ReviewOutcome outcome, DeliverableMove move, DeliverableActor actor, DateTime now, string? comment)
    {
        var round = OpenRound(d) ?? throw new InvalidOperationException($"A deliverable {Label(d.State)} has no open review round.");
        round.ClosedAt = now;
        round.Outcome = outcome;
        round.ClosedByUserId = actor.UserId;
        round.ClosedByName = actor.Name;
        round.ClosedForStakeholderId = move.StakeholderId;
        round.ClosedForStakeholderName = move.StakeholderId is null ? null : move.StakeholderName;
        if (comment is not null)
        {
            var side = round.Kind == ReviewKind.Client && (actor.IsClient || move.StakeholderId is not null) ? CommentSide.Client : CommentSide.Agency;
            round.Comments.Add(NewComment(d, round, side, actor, move.StakeholderId, move.StakeholderName, comment, now));
        }

        return round;
    }

    private static DeliverableComment NewComment(
        Deliverable d, DeliverableRound round, CommentSide side, DeliverableActor actor, Guid? stakeholderId, string? stakeholderName,
        string text, DateTime now) => new()
    {
        RoundId = round.Id,
        AccountId = d.AccountId,
        Side = side,
        AuthorUserId = actor.UserId,
        AuthorName = stakeholderId is null ? actor.Name : stakeholderName ?? actor.Name,
        StakeholderId = stakeholderId,
        Text = text,
        At = now,
    };
}
