using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// A piece of work of an engagement that goes to the client: its versions, its internal review
/// rounds (the filter), its client review rounds and every move between states. The state only
/// changes through <see cref="DeliverableWorkflow"/>, which is where the rules live.
/// </summary>
public sealed class Deliverable : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>The client request it was triaged from, if any.</summary>
    public Guid? RequestId { get; set; }

    public required string Title { get; set; }

    public DeliverableType Type { get; set; } = DeliverableType.Other;

    /// <summary>The brief for the people doing the work; internal to the agency.</summary>
    public string? Brief { get; set; }

    public DateOnly? DueDate { get; set; }

    public DeliverableState State { get; set; } = DeliverableState.Briefed;

    /// <summary>A staff member designated to pass this deliverable to the client, besides the account manager and admins.</summary>
    public Guid? ReviewerStaffId { get; set; }

    public int InternalRounds { get; set; }

    public int ClientRounds { get; set; }

    /// <summary>The internal approval in force: set when the filter passes the work, cleared when it goes back to work.</summary>
    public DateTime? InternalApprovedAt { get; set; }

    public Guid? InternalApprovedByUserId { get; set; }

    public string? InternalApprovedByName { get; set; }

    /// <summary>The version the filter passed; the one the client is shown.</summary>
    public Guid? InternalApprovedVersionId { get; set; }

    /// <summary>When it first went to the client; from then on the client sees it.</summary>
    public DateTime? FirstSentToClientAt { get; set; }

    public DateTime? ClientApprovedAt { get; set; }

    /// <summary>The user who approved it: a client user, or staff recording a stakeholder's approval.</summary>
    public Guid? ClientApprovedByUserId { get; set; }

    public string? ClientApprovedByName { get; set; }

    /// <summary>The stakeholder whose approval staff recorded; null when a client user approved in person.</summary>
    public Guid? ClientApprovedByStakeholderId { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public List<DeliverableAssignee> Assignees { get; set; } = [];

    public List<DeliverableVersion> Versions { get; set; } = [];

    public List<DeliverableRound> Rounds { get; set; } = [];

    public List<DeliverableTransition> Transitions { get; set; } = [];
}

/// <summary>A staff member working on a deliverable.</summary>
public sealed class DeliverableAssignee : IAccountOwned
{
    public Guid DeliverableId { get; set; }

    public Guid StaffId { get; set; }

    public Guid AccountId { get; set; }
}

/// <summary>
/// One version of the work: a link, or (once file storage exists) a stored file. Versions are never
/// edited; a change is a new version.
/// </summary>
public sealed class DeliverableVersion : IAccountOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeliverableId { get; set; }

    public Guid AccountId { get; set; }

    public int Number { get; set; }

    /// <summary>An absolute http or https address.</summary>
    public string? LinkUrl { get; set; }

    public string? StoredFileName { get; set; }

    public string? OriginalFileName { get; set; }

    public string? ContentType { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>What changed, for the reviewer; internal to the agency.</summary>
    public string? Notes { get; set; }

    public Guid? AddedByUserId { get; set; }

    public string AddedByName { get; set; } = "";

    public DateTime AddedAt { get; set; }
}

/// <summary>
/// One review of one version: internal (the filter) or by the client. A round opens when the work
/// goes to review and closes with its outcome; its comments are the conversation about that version.
/// </summary>
public sealed class DeliverableRound : IAccountOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeliverableId { get; set; }

    public Guid AccountId { get; set; }

    public ReviewKind Kind { get; set; }

    /// <summary>1, 2, … counted per kind.</summary>
    public int Number { get; set; }

    /// <summary>The version under review.</summary>
    public Guid? VersionId { get; set; }

    public DateTime OpenedAt { get; set; }

    public string OpenedByName { get; set; } = "";

    public DateTime? ClosedAt { get; set; }

    public ReviewOutcome? Outcome { get; set; }

    public Guid? ClosedByUserId { get; set; }

    public string? ClosedByName { get; set; }

    /// <summary>The stakeholder on whose behalf staff recorded the client's decision.</summary>
    public Guid? ClosedForStakeholderId { get; set; }

    public string? ClosedForStakeholderName { get; set; }

    public List<DeliverableComment> Comments { get; set; } = [];
}

/// <summary>A comment in a review round, by the agency or by the client's side; never edited.</summary>
public sealed class DeliverableComment : IAccountOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RoundId { get; set; }

    public Guid AccountId { get; set; }

    public CommentSide Side { get; set; }

    public Guid? AuthorUserId { get; set; }

    /// <summary>The author's name as it was: a staff member, a client user, or the stakeholder staff quoted.</summary>
    public string AuthorName { get; set; } = "";

    /// <summary>The stakeholder whose words staff recorded (from an e-mail or a call).</summary>
    public Guid? StakeholderId { get; set; }

    public string Text { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>One move of a deliverable between states: the history of the board.</summary>
public sealed class DeliverableTransition : IAccountOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeliverableId { get; set; }

    public Guid AccountId { get; set; }

    public DeliverableState From { get; set; }

    public DeliverableState To { get; set; }

    public Guid? ByUserId { get; set; }

    public string ByName { get; set; } = "";

    public Guid? ForStakeholderId { get; set; }

    public string? ForStakeholderName { get; set; }

    public DateTime At { get; set; }

    public string? Comment { get; set; }
}

public enum DeliverableType
{
    Copy,
    Design,
    Video,
    Web,
    SocialPost,
    Report,
    Other,
}

/// <summary>The states of a deliverable, in the order work usually moves through them.</summary>
public enum DeliverableState
{
    Briefed,
    InProgress,
    InternalReview,
    ReadyForClient,
    ClientReview,
    ChangesRequested,
    Approved,
    /// <summary>Delivered or published: the end.</summary>
    Delivered,
}

public enum ReviewKind
{
    Internal,
    Client,
}

public enum ReviewOutcome
{
    Approved,
    ChangesRequested,
    /// <summary>The agency took the work back before the reviewer decided.</summary>
    Withdrawn,
}

public enum CommentSide
{
    Agency,
    Client,
}
