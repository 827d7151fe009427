using System.ComponentModel.DataAnnotations;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Engagements;

namespace Liaison.Core.Features.ChangeRequests;

/// <summary>A change request as drafted; the API binds to it for create and update.</summary>
public class ChangeRequestInput : IValidatableObject
{
    public const int MaxAffectedDeliverables = 50;

    /// <summary>About 16,666 hours either way, in minutes.</summary>
    public const int MaxMinutes = 1_000_000;

    /// <summary>1,000,000,000.00 either way, in minor units.</summary>
    public const long MaxFee = 100_000_000_000;

    public const int MaxShiftDays = 3650;

    [Required(ErrorMessage = "Give the change a title.")]
    [StringLength(200, ErrorMessage = "Keep the title under 200 characters.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the reason under 2,000 characters.")]
    public string? Reason { get; set; }

    /// <summary>A stakeholder of the engagement's account who asked for the change; or give <see cref="RequestedByStaffId"/>.</summary>
    public Guid? RequestedByStakeholderId { get; set; }

    /// <summary>Someone of the agency who asked for the change; or give <see cref="RequestedByStakeholderId"/>.</summary>
    public Guid? RequestedByStaffId { get; set; }

    /// <summary>Time added to the scope in minutes; negative takes time out.</summary>
    [Range(-MaxMinutes, MaxMinutes, ErrorMessage = "The hours must be between -16,666 and 16,666.")]
    public int HoursDeltaMinutes { get; set; }

    /// <summary>What the client is asked to pay, in minor units; negative for a reduction.</summary>
    [Range(-MaxFee, MaxFee, ErrorMessage = "The fee change must be between -1,000,000,000.00 and 1,000,000,000.00.")]
    public long FeeDelta { get; set; }

    /// <summary>Days the end date moves; negative brings it forward.</summary>
    [Range(-MaxShiftDays, MaxShiftDays, ErrorMessage = "The end date can move by at most 3,650 days either way.")]
    public int EndDateShiftDays { get; set; }

    public List<Guid>? AffectedDeliverableIds { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the affected deliverables under 2,000 characters.")]
    public string? AffectedDeliverables { get; set; }

    [StringLength(4000, ErrorMessage = "Keep internal notes under 4,000 characters.")]
    public string? InternalNotes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((RequestedByStakeholderId is null) == (RequestedByStaffId is null))
        {
            yield return new ValidationResult(
                "Say who asked for the change: one of the client's stakeholders or one of the agency's staff.", [nameof(RequestedByStakeholderId)]);
        }

        if (AffectedDeliverableIds?.Count > MaxAffectedDeliverables)
        {
            yield return new ValidationResult($"Name at most {MaxAffectedDeliverables} affected deliverables.", [nameof(AffectedDeliverableIds)]);
        }
    }
}

public sealed class NewChangeRequestInput : ChangeRequestInput
{
    public Guid EngagementId { get; set; }

    /// <summary>The client request this change request comes from, when a request's triage creates it.</summary>
    public Guid? RequestId { get; set; }
}

/// <summary>The client's answer to a proposed change request.</summary>
public sealed class ChangeRequestDecisionInput
{
    [StringLength(2000, ErrorMessage = "Keep the note under 2,000 characters.")]
    public string? Note { get; set; }

    /// <summary>When staff record the decision: the client's person who made it, a stakeholder of the account.</summary>
    public Guid? StakeholderId { get; set; }

    /// <summary>Approve and apply to the budget and end date at once, in one transaction (account managers and admins).</summary>
    public bool Apply { get; set; }
}

public sealed record ChangeRequestListQuery(
    Guid? EngagementId = null, Guid? AccountId = null, ChangeRequestState? State = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// A change request as its reader may see it. Client users get only proposed and decided ones, and
/// never the internal notes; the fee change is what they are asked to approve, so they see it.
/// </summary>
public sealed record ChangeRequestView(
    Guid Id, Guid AccountId, Guid EngagementId, string EngagementName, string Title, string? Description, string? Reason,
    PersonRef? RequestedByStakeholder, PersonRef? RequestedByStaff, int HoursDeltaMinutes, long FeeDelta, int EndDateShiftDays,
    IReadOnlyList<Guid> AffectedDeliverableIds, string? AffectedDeliverables, Guid? RequestId, string? InternalNotes,
    ChangeRequestState State, string? CreatedByName, DateTime? ProposedAt, string? ProposedByName, DateTime? DecidedAt,
    string? DecidedByName, PersonRef? DecidedForStakeholder, string? DecisionNote, DateTime? AppliedAt, string? AppliedByName,
    long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>One approved change in the scope log, with the scope before and after it was applied.</summary>
public sealed record ScopeChange(
    Guid ChangeRequestId, string Title, ChangeRequestState State, DateTime? DecidedAt, DateTime? AppliedAt, int HoursDeltaMinutes,
    long FeeDelta, int EndDateShiftDays, ScopeFigures? Before, ScopeFigures? After);

/// <summary>
/// How much the scope grew through applied change requests: the sums of their changes, and as a
/// percentage of the original scope where it has hours or a fee to compare with.
/// </summary>
public sealed record ScopeGrowth(int HoursMinutes, decimal? HoursPercent, long? Fee, decimal? FeePercent, int EndDateShiftDays);

/// <summary>
/// An engagement's scope log: the original scope (before the first applied change), each approved
/// change, the current scope and the growth. Money in it (original, current and growth fees) is for
/// the people who see budgets; every reader sees hours, dates and each change's own fee.
/// </summary>
public sealed record ScopeLog(
    Guid EngagementId, EngagementType Type, ScopeFigures Original, IReadOnlyList<ScopeChange> Changes, ScopeFigures Current, ScopeGrowth Growth,
    int AwaitingDecision);
