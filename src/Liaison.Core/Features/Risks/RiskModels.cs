using System.ComponentModel.DataAnnotations;
using Liaison.Core.Access;

namespace Liaison.Core.Features.Risks;

/// <summary>A register entry as the people who run the account record and edit it; the API binds to it for updates.</summary>
public class RiskInput
{
    /// <summary>The engagement of the account it threatens; empty for the relationship as a whole.</summary>
    public Guid? EngagementId { get; set; }

    [Required(ErrorMessage = "Give it a title.")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    /// <summary>1 to 5; required for a risk, and 5 (or left out) for an issue, which has already happened.</summary>
    [Range(1, 5, ErrorMessage = "Probability is 1 (rare) to 5 (almost certain).")]
    public int? Probability { get; set; }

    [Required(ErrorMessage = "Give the impact, 1 to 5.")]
    [Range(1, 5, ErrorMessage = "Impact is 1 (negligible) to 5 (severe).")]
    public int? Impact { get; set; }

    /// <summary>An active staff member on the account's team (or an admin); on create, the caller if left out.</summary>
    public Guid? OwnerStaffId { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the mitigation under 4,000 characters.")]
    public string? Mitigation { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the contingency under 4,000 characters.")]
    public string? Contingency { get; set; }

    /// <summary>A risk: Open, Mitigating or Closed (Realised is set by the issue that names it). An issue: Open or Resolved.</summary>
    public RiskStatus Status { get; set; } = RiskStatus.Open;

    public DateOnly? NextReviewDate { get; set; }

    public bool ClientVisible { get; set; }

    /// <summary>For an issue: the risk of the same account it realised.</summary>
    public Guid? RealisedRiskId { get; set; }
}

public sealed class NewRiskInput : RiskInput
{
    public Guid AccountId { get; set; }

    /// <summary>Risk or issue; fixed once recorded (an issue that realises a risk is a new entry that names it).</summary>
    public RiskKind Kind { get; set; } = RiskKind.Risk;
}

/// <summary>
/// The owner's review: how likely and how bad it is now, what is being done, and when to look again.
/// Fields left out keep their value.
/// </summary>
public sealed class RiskReviewInput
{
    [Range(1, 5, ErrorMessage = "Probability is 1 (rare) to 5 (almost certain).")]
    public int? Probability { get; set; }

    [Range(1, 5, ErrorMessage = "Impact is 1 (negligible) to 5 (severe).")]
    public int? Impact { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the mitigation under 4,000 characters.")]
    public string? Mitigation { get; set; }

    /// <summary>Open or Mitigating (a risk); closing is a separate step.</summary>
    public RiskStatus? Status { get; set; }

    [Required(ErrorMessage = "Give the date of the next review.")]
    public DateOnly? NextReviewDate { get; set; }
}

/// <summary>Hands the item up: to a staff member, or to someone named in words (the client's sponsor, the board).</summary>
public sealed class RiskEscalationInput : IValidatableObject
{
    public Guid? ToStaffId { get; set; }

    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string? To { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the note under 2,000 characters.")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var named = !string.IsNullOrWhiteSpace(To);
        if (ToStaffId is null && !named)
        {
            yield return new ValidationResult("Say who it is escalated to: a staff member, or a name.", [nameof(ToStaffId)]);
        }

        if (ToStaffId is not null && named)
        {
            yield return new ValidationResult("Escalate to a staff member or to a name, not both.", [nameof(To)]);
        }
    }
}

public enum RiskSort
{
    /// <summary>Highest score first, then the earliest review.</summary>
    Score,

    /// <summary>Earliest next review first (none last), then the highest score.</summary>
    NextReview,

    Newest,
}

/// <param name="Open">Only open items: Open or Mitigating.</param>
/// <param name="OverdueReview">Only open items whose next review date is before today.</param>
/// <param name="Mine">Only items the caller owns.</param>
/// <param name="Probability">Only items of this probability (a heat-map cell, with <paramref name="Impact"/>).</param>
public sealed record RiskListQuery(
    Guid? AccountId = null, Guid? EngagementId = null, RiskKind? Kind = null, RiskStatus? Status = null, bool Open = false,
    bool OverdueReview = false, bool Mine = false, int? Probability = null, int? Impact = null, RiskSort Sort = RiskSort.Score,
    int? Limit = null, string? Cursor = null);

/// <summary>How serious a score is: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
    Critical,
}

public sealed record RiskRef(Guid Id, string Title);

/// <param name="EscalatedAt">When it was escalated; null when it was not, and always for client users.</param>
/// <param name="RealisedRisk">For an issue, the risk it realised, when the caller can see that risk.</param>
public sealed record RiskSummary(
    Guid Id, Guid AccountId, string AccountName, Guid? EngagementId, string? EngagementName, RiskKind Kind, string Title, int Probability,
    int Impact, int Score, RiskLevel Level, RiskStatus Status, Guid? OwnerStaffId, string? OwnerName, DateOnly? NextReviewDate,
    bool IsReviewOverdue, DateTime? EscalatedAt, bool ClientVisible, RiskRef? RealisedRisk, long Version);

/// <summary>To whom, when and by whom the item was escalated. Internal.</summary>
public sealed record RiskEscalation(Guid? ToStaffId, string To, DateTime At, string? ByName, string? Note);

/// <summary>One register entry. For a client user <c>contingency</c> and <c>escalation</c> are always null.</summary>
/// <param name="RealisedBy">For a risk, the issues (that the caller can see) that record it happened.</param>
public sealed record RiskView(
    Guid Id, Guid AccountId, string AccountName, Guid? EngagementId, string? EngagementName, RiskKind Kind, string Title, string? Description,
    int Probability, int Impact, int Score, RiskLevel Level, RiskStatus Status, Guid? OwnerStaffId, string? OwnerName, string? Mitigation,
    string? Contingency, DateOnly? NextReviewDate, bool IsReviewOverdue, DateOnly? LastReviewedOn, string? LastReviewedBy, DateOnly? ClosedOn,
    RiskEscalation? Escalation, bool ClientVisible, RiskRef? RealisedRisk, IReadOnlyList<RiskRef> RealisedBy, long Version, DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record HeatMapCell(int Probability, int Impact, int Score, RiskLevel Level, int Count);

/// <summary>
/// Open risks (Open or Mitigating) counted by probability × impact: all 25 cells, probability 5 first and
/// impact 1 first within it, as the grid reads from its top-left corner. Issues have happened and are not
/// on the grid; they are counted beside it.
/// </summary>
public sealed record RiskHeatMap(
    Guid? AccountId, Guid? EngagementId, IReadOnlyList<HeatMapCell> Cells, int OpenRisks, int OpenIssues, int OverdueReviews);

public static class RiskRules
{
    public const int MinScale = 1;
    public const int MaxScale = 5;

    /// <summary>What an issue's probability always is: it has happened.</summary>
    public const int Certain = 5;

    public static int Score(int probability, int impact) => probability * impact;

    public static RiskLevel Level(int score) => score switch
    {
        <= 4 => RiskLevel.Low,
        <= 9 => RiskLevel.Medium,
        <= 16 => RiskLevel.High,
        _ => RiskLevel.Critical,
    };

    /// <summary>Open and Mitigating items are open: on the heat map, due for review, open to escalation.</summary>
    public static bool IsOpen(RiskStatus status) => status is RiskStatus.Open or RiskStatus.Mitigating;

    /// <summary>The statuses a person may set on an item of the kind; Realised follows from an issue naming the risk.</summary>
    public static bool MaySet(RiskKind kind, RiskStatus status) => kind == RiskKind.Risk
        ? status is RiskStatus.Open or RiskStatus.Mitigating or RiskStatus.Closed
        : status is RiskStatus.Open or RiskStatus.Resolved;

    /// <summary>The status closing an item gives it.</summary>
    public static RiskStatus ClosedStatus(RiskKind kind) => kind == RiskKind.Risk ? RiskStatus.Closed : RiskStatus.Resolved;

    /// <summary>The register is run by the people who run the account: admins, account managers and project managers.</summary>
    public static bool CanManage(CurrentUser user) => AccountAccess.CanManageRelationship(user);

    /// <summary>Reviews and escalations: the people who run the account, and the item's owner.</summary>
    public static bool CanReview(CurrentUser user, Guid? ownerStaffId) =>
        CanManage(user) || (user.IsStaff && user.StaffId is { } me && ownerStaffId == me);
}
