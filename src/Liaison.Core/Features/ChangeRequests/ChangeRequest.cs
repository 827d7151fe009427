using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.ChangeRequests;

/// <summary>
/// A proposed change to an engagement's scope: what, why, who asked, and its impact on hours, fee and
/// end date. Scope changes are proposed and approved, never absorbed: a draft is proposed to the
/// client, the client approves or rejects it, and an approved one is applied to the engagement's
/// budget and end date in one audited transaction (docs/change-requests.md).
/// </summary>
public sealed class ChangeRequest : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public Guid EngagementId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public string? Reason { get; set; }

    /// <summary>The client's person who asked for the change; null when someone of the agency did.</summary>
    public Guid? RequestedByStakeholderId { get; set; }

    public Guid? RequestedByStaffId { get; set; }

    /// <summary>Time added to (or, negative, taken from) the scope, in minutes.</summary>
    public int HoursDeltaMinutes { get; set; }

    /// <summary>What the client is asked to pay for the change, in minor units; negative for a reduction.</summary>
    public long FeeDelta { get; set; }

    /// <summary>Days the engagement's end date moves; negative brings it forward.</summary>
    public int EndDateShiftDays { get; set; }

    /// <summary>
    /// Deliverables the change touches, by id and without a foreign key: deliverables are their own
    /// feature and may be planned ones or delivered ones.
    /// </summary>
    public List<Guid> AffectedDeliverableIds { get; set; } = [];

    /// <summary>Deliverables the change touches, in words (new ones, or ones not tracked yet).</summary>
    public string? AffectedDeliverables { get; set; }

    /// <summary>The client request whose triage turned into this change request, if any (no foreign key).</summary>
    public Guid? RequestId { get; set; }

    /// <summary>The agency's notes on the change; never shown to client users.</summary>
    public string? InternalNotes { get; set; }

    public ChangeRequestState State { get; set; } = ChangeRequestState.Draft;

    /// <summary>The user who drafted it.</summary>
    public Guid? CreatedBy { get; set; }

    public DateTime? ProposedAt { get; set; }

    public Guid? ProposedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>The user who recorded the decision: the client user, or staff on the client's behalf.</summary>
    public Guid? DecidedBy { get; set; }

    /// <summary>When staff recorded the decision, the client's person who made it.</summary>
    public Guid? DecidedForStakeholderId { get; set; }

    public string? DecisionNote { get; set; }

    public DateTime? AppliedAt { get; set; }

    public Guid? AppliedBy { get; set; }

    // The engagement's scope just before and just after the change was applied (see ScopeFigures);
    // the scope log reads them, so its history never depends on later budget edits.
    public int? BeforeHoursMinutes { get; set; }

    public long? BeforeFee { get; set; }

    public DateOnly? BeforeEndDate { get; set; }

    public int? AfterHoursMinutes { get; set; }

    public long? AfterFee { get; set; }

    public DateOnly? AfterEndDate { get; set; }
}

/// <summary>
/// An engagement's scope in the figures a change moves: its hours (a time-and-materials cap, a
/// retainer's hours a period; none for a fixed fee), its fee (the fixed fee, a retainer's fee a
/// period; none for time and materials) and its end date.
/// </summary>
public sealed record ScopeFigures(int? HoursMinutes, long? Fee, DateOnly? EndDate);

public enum ChangeRequestState
{
    Draft,
    Proposed,
    Approved,
    Rejected,
    Applied,
}
