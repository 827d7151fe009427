using System.ComponentModel.DataAnnotations;
using Liaison.Core.Features.Communications;

namespace Liaison.Core.Features.Deliverables;

/// <summary>What a manager sets on a deliverable; the API binds to it for update, and triage for each deliverable it makes.</summary>
public class EditDeliverableInput : IValidatableObject
{
    public const int MaxAssignees = 20;

    [Required(ErrorMessage = "Give the deliverable a title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    public DeliverableType Type { get; set; } = DeliverableType.Other;

    [StringLength(8000, ErrorMessage = "The brief can be at most 8,000 characters.")]
    public string? Brief { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Staff on the account's team who do the work.</summary>
    public List<Guid> AssigneeStaffIds { get; set; } = [];

    /// <summary>Someone on the account's team who may pass the work to the client, besides the account manager and admins.</summary>
    public Guid? ReviewerStaffId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((AssigneeStaffIds ?? []).Count > MaxAssignees)
        {
            yield return new ValidationResult($"Assign at most {MaxAssignees} people.", [nameof(AssigneeStaffIds)]);
        }
    }
}

public sealed class NewDeliverableInput : EditDeliverableInput
{
    public Guid EngagementId { get; set; }
}

/// <summary>A move of the workflow.</summary>
public sealed class TransitionInput
{
    [Required(ErrorMessage = "Say which state the deliverable moves to.")]
    public DeliverableState? To { get; set; }

    [StringLength(4000, ErrorMessage = "The comment can be at most 4,000 characters.")]
    public string? Comment { get; set; }

    /// <summary>When the agency records the client's decision (from an e-mail or a call): the stakeholder who made it.</summary>
    public Guid? StakeholderId { get; set; }
}

/// <summary>A new version: a link to the work and what changed. A version that is a file comes with <see cref="NewFileVersionInput"/>.</summary>
public sealed class NewVersionInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the link to this version.")]
    [StringLength(2000, ErrorMessage = "The link can be at most 2,000 characters.")]
    public string? LinkUrl { get; set; }

    [StringLength(4000, ErrorMessage = "The notes can be at most 4,000 characters.")]
    public string? Notes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => WebAddress.Check(LinkUrl, nameof(LinkUrl));
}

/// <summary>What comes with an uploaded file for a new version: what changed, and optionally a link as well.</summary>
public sealed class NewFileVersionInput : IValidatableObject
{
    [StringLength(2000, ErrorMessage = "The link can be at most 2,000 characters.")]
    public string? LinkUrl { get; set; }

    [StringLength(4000, ErrorMessage = "The notes can be at most 4,000 characters.")]
    public string? Notes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => WebAddress.Check(LinkUrl, nameof(LinkUrl));
}

/// <summary>A version's stored file, opened for download: served as an attachment under its normalised name.</summary>
public sealed record VersionFile(Stream Content, string FileName, string ContentType, long SizeBytes);

public sealed class DeliverableCommentInput
{
    [Required(ErrorMessage = "Write the comment.")]
    [StringLength(4000, ErrorMessage = "The comment can be at most 4,000 characters.")]
    public string Text { get; set; } = "";

    /// <summary>In a client review, the stakeholder whose words the agency records.</summary>
    public Guid? StakeholderId { get; set; }
}

public static class WebAddress
{
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>A link field's error when it is given but not a full http(s) address; nothing when empty.</summary>
    public static IEnumerable<ValidationResult> Check(string? link, string member) =>
        string.IsNullOrWhiteSpace(link) || IsValid(link.Trim())
            ? []
            : [new ValidationResult("The link must be a full http:// or https:// address.", [member])];
}

/// <param name="Mine">Only deliverables the caller is assigned to or designated to review.</param>
/// <param name="Open">Only those not yet delivered.</param>
public sealed record DeliverableListQuery(
    Guid? AccountId = null, Guid? EngagementId = null, DeliverableState? State = null, bool Mine = false, bool Open = false,
    int? Limit = null, string? Cursor = null);

/// <summary>A deliverable on a board or in a list, as the agency sees it.</summary>
public sealed record DeliverableSummary(
    Guid Id, Guid AccountId, Guid EngagementId, string EngagementName, Guid? RequestId, string Title, DeliverableType Type,
    DeliverableState State, DateOnly? DueDate, bool IsOverdue, IReadOnlyList<PersonRef> Assignees, PersonRef? Reviewer,
    int InternalRounds, int ClientRounds, bool AwaitsFilter, long Version);

/// <summary>An engagement's deliverables in one column per state, in workflow order; every state has a column.</summary>
public sealed record DeliverableBoard(Guid EngagementId, string EngagementName, IReadOnlyList<BoardColumn> Columns);

public sealed record BoardColumn(DeliverableState State, IReadOnlyList<DeliverableSummary> Items);

public sealed record VersionView(
    Guid Id, int Number, string? LinkUrl, string? OriginalFileName, string? ContentType, long? SizeBytes, string? Notes,
    string AddedByName, DateTime AddedAt, bool ShownToClient);

public sealed record CommentView(Guid Id, CommentSide Side, string AuthorName, Guid? StakeholderId, string Text, DateTime At);

public sealed record RoundView(
    Guid Id, ReviewKind Kind, int Number, int? VersionNumber, DateTime OpenedAt, string OpenedByName, DateTime? ClosedAt,
    ReviewOutcome? Outcome, string? ClosedByName, string? ClosedForStakeholderName, IReadOnlyList<CommentView> Comments);

public sealed record TransitionView(
    Guid Id, DeliverableState From, DeliverableState To, string ByName, string? ForStakeholderName, DateTime At, string? Comment);

/// <summary>Who passed or approved the work, when, and which version.</summary>
/// <param name="RecordedByName">For a client approval the agency recorded (from an e-mail or a call): who recorded it; <c>ByName</c> is then the stakeholder.</param>
public sealed record ApprovalView(string? ByName, DateTime At, int? VersionNumber, string? RecordedByName);

/// <summary>A deliverable as the agency sees it: everything, and the moves the caller may make now.</summary>
public sealed record DeliverableDetails(
    Guid Id, Guid AccountId, string AccountName, Guid EngagementId, string EngagementName, Guid? RequestId, string Title,
    DeliverableType Type, string? Brief, DateOnly? DueDate, bool IsOverdue, DeliverableState State, IReadOnlyList<PersonRef> Assignees,
    PersonRef? Reviewer, int InternalRounds, int ClientRounds, ApprovalView? InternalApproval, ApprovalView? ClientApproval,
    DateTime? FirstSentToClientAt, DateTime? DeliveredAt, IReadOnlyList<VersionView> Versions, IReadOnlyList<RoundView> Rounds,
    IReadOnlyList<TransitionView> Transitions, IReadOnlyList<DeliverableState> AllowedTransitions, long Version,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A deliverable's history of moves and the moves the caller may make now.</summary>
public sealed record TransitionsView(Guid DeliverableId, DeliverableState State, IReadOnlyList<DeliverableState> Allowed, IReadOnlyList<TransitionView> History, long Version);

/// <summary>A version as the client sees it: only versions shown to them, without the agency's notes.</summary>
public sealed record ClientVersionView(Guid Id, int Number, string? LinkUrl, string? OriginalFileName, string? ContentType, long? SizeBytes);

public sealed record ClientCommentView(Guid Id, CommentSide Side, string AuthorName, string Text, DateTime At);

public sealed record ClientRoundView(
    int Number, ClientVersionView? Version, DateTime OpenedAt, DateTime? ClosedAt, ReviewOutcome? Outcome, IReadOnlyList<ClientCommentView> Comments);

public sealed record ClientDeliverableSummary(
    Guid Id, Guid EngagementId, string EngagementName, string Title, DeliverableType Type, DeliverableState State, DateOnly? DueDate,
    int ClientRounds, long Version);

/// <summary>
/// A deliverable as a client user sees it once it has been sent to them: the client review rounds with
/// their comments, the versions they were shown, and who approved it. Never the brief, the internal
/// rounds, the agency's version notes or the history of internal moves.
/// </summary>
public sealed record ClientDeliverableView(
    Guid Id, Guid AccountId, Guid EngagementId, string EngagementName, string Title, DeliverableType Type, DateOnly? DueDate,
    DeliverableState State, int ClientRounds, IReadOnlyList<ClientRoundView> Rounds, IReadOnlyList<ClientVersionView> Versions,
    ApprovalView? ClientApproval, DateTime? DeliveredAt, IReadOnlyList<DeliverableState> AllowedTransitions, long Version);
