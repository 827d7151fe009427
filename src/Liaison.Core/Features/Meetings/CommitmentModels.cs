using System.ComponentModel.DataAnnotations;
using Liaison.Core.Access;

namespace Liaison.Core.Features.Meetings;

/// <summary>A commitment as the agency records it.</summary>
public class CommitmentInput : IValidatableObject
{
    public CommitmentSide Side { get; set; } = CommitmentSide.Agency;

    /// <summary>The stakeholder who owns a client commitment.</summary>
    public Guid? OwnerStakeholderId { get; set; }

    /// <summary>The staff member who owns an agency commitment.</summary>
    public Guid? OwnerStaffId { get; set; }

    [Required(ErrorMessage = "Say what was promised.")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Give the date the commitment is due.")]
    public DateOnly? DueDate { get; set; }

    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;

    /// <summary>The day a done commitment was done; today if left out.</summary>
    public DateOnly? DoneOn { get; set; }

    public bool ClientVisible { get; set; }

    /// <summary>The meeting the commitment was made at, if any: a meeting of the same account.</summary>
    public Guid? MeetingId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Side == CommitmentSide.Client)
        {
            if (OwnerStakeholderId is null)
            {
                yield return new ValidationResult("Choose the stakeholder who owns the client's commitment.", [nameof(OwnerStakeholderId)]);
            }

            if (OwnerStaffId is not null)
            {
                yield return new ValidationResult("A client commitment is owned by a stakeholder, not by a staff member.", [nameof(OwnerStaffId)]);
            }
        }
        else
        {
            if (OwnerStaffId is null)
            {
                yield return new ValidationResult("Choose the staff member who owns the agency's commitment.", [nameof(OwnerStaffId)]);
            }

            if (OwnerStakeholderId is not null)
            {
                yield return new ValidationResult("An agency commitment is owned by a staff member, not by a stakeholder.", [nameof(OwnerStakeholderId)]);
            }
        }

        if (DoneOn is not null && Status != CommitmentStatus.Done)
        {
            yield return new ValidationResult("Only a done commitment has a done date.", [nameof(DoneOn)]);
        }
    }
}

public sealed class CreateCommitmentInput : CommitmentInput
{
    public Guid AccountId { get; set; }
}

/// <summary>A progress update: a note, a change of status, or both.</summary>
public sealed class CommitmentUpdateInput : IValidatableObject
{
    [StringLength(2000, ErrorMessage = "Keep the update under 2,000 characters.")]
    public string? Text { get; set; }

    public CommitmentStatus? Status { get; set; }

    /// <summary>The day it was done, when the update marks it done; today if left out.</summary>
    public DateOnly? DoneOn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Text) && Status is null)
        {
            yield return new ValidationResult("Write an update, change the status, or both.", [nameof(Text)]);
        }

        if (DoneOn is not null && Status != CommitmentStatus.Done)
        {
            yield return new ValidationResult("Give a done date only when marking the commitment done.", [nameof(DoneOn)]);
        }
    }
}

/// <param name="Overdue">Only open or slipped commitments due before today.</param>
/// <param name="DueWithinDays">Only open or slipped commitments due from today to this many days ahead (7: due this week).</param>
/// <param name="Mine">Only agency commitments the caller owns.</param>
/// <param name="Pending">Only commitments still to be kept: open or slipped.</param>
public sealed record CommitmentListQuery(
    Guid? AccountId = null, CommitmentSide? Side = null, CommitmentStatus? Status = null, bool Overdue = false,
    int? DueWithinDays = null, bool Mine = false, int? Limit = null, string? Cursor = null, bool Pending = false);

public sealed record CommitmentSummary(
    Guid Id, Guid AccountId, string AccountName, Guid? MeetingId, CommitmentSide Side, Guid? OwnerStakeholderId, Guid? OwnerStaffId,
    string? OwnerName, string Title, DateOnly DueDate, CommitmentStatus Status, DateOnly? DoneOn, bool ClientVisible, bool IsOverdue,
    long Version);

public sealed record CommitmentUpdateView(Guid Id, string Text, string AuthorName, DateTime At, CommitmentStatus? NewStatus);

/// <summary>One commitment with its progress log, oldest update first.</summary>
public sealed record CommitmentView(
    Guid Id, Guid AccountId, string AccountName, Guid? MeetingId, CommitmentSide Side, Guid? OwnerStakeholderId, Guid? OwnerStaffId,
    string? OwnerName, string Title, DateOnly DueDate, CommitmentStatus Status, DateOnly? DoneOn, bool ClientVisible, bool IsOverdue,
    IReadOnlyList<CommitmentUpdateView> Updates, long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Each side's reliability over the window that ends today.</summary>
public sealed record AccountReliability(Guid AccountId, DateOnly From, DateOnly To, int WindowDays, ReliabilityScore Client, ReliabilityScore Agency);

public static class CommitmentRules
{
    public const int MaxDueWithinDays = 366;

    /// <summary>Still to be kept: open, or slipped past its date but not given up.</summary>
    public static bool IsPending(CommitmentStatus status) => status is CommitmentStatus.Open or CommitmentStatus.Slipped;

    /// <summary>
    /// Who logs progress on a commitment they can see: the people who run the account on any, the owner
    /// on an agency commitment, a client user on the client side's.
    /// </summary>
    public static bool CanLogProgress(CurrentUser user, CommitmentSide side, Guid? ownerStaffId) =>
        AccountAccess.CanManageRelationship(user)
        || (user.IsClient
            ? side == CommitmentSide.Client
            : side == CommitmentSide.Agency && user.StaffId is not null && ownerStaffId == user.StaffId);

    /// <summary>The statuses a progress update by the user may set: in the portal, only done.</summary>
    public static bool MaySetStatus(CurrentUser user, CommitmentStatus status) => !user.IsClient || status == CommitmentStatus.Done;
}
