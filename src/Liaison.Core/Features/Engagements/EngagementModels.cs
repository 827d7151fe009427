using System.ComponentModel.DataAnnotations;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;

namespace Liaison.Core.Features.Engagements;

/// <summary>The initiation of an engagement, step by step. Every field may be blank in a draft.</summary>
public class EngagementInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the engagement a name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public EngagementType Type { get; set; } = EngagementType.TimeAndMaterials;

    public Methodology Methodology { get; set; } = Methodology.Hybrid;

    [Range(0, 5)]
    public int InitiationStep { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the client's needs under 4,000 characters.")]
    public string? ClientNeeds { get; set; }

    public List<string>? Goals { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the client's expectations under 4,000 characters.")]
    public string? ClientExpectations { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the known risks under 4,000 characters.")]
    public string? KnownRisks { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public Guid? AccountManagerId { get; set; }

    public Guid? ProjectManagerId { get; set; }

    public ReportCadence ReportCadence { get; set; } = ReportCadence.Weekly;

    [StringLength(4000, ErrorMessage = "Keep internal notes under 4,000 characters.")]
    public string? InternalNotes { get; set; }

    public List<MemberInput>? Members { get; set; }

    public List<DeliverableInput>? Deliverables { get; set; }

    public List<PhaseInput>? Phases { get; set; }

    public List<MilestoneInput>? Milestones { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            yield return new ValidationResult("The end date is before the start date.", [nameof(EndDate)]);
        }

        if (Goals?.Count > 20 || Goals?.Any(g => g?.Length > 500) == true)
        {
            yield return new ValidationResult("List at most 20 goals of up to 500 characters each.", [nameof(Goals)]);
        }

        if (Members?.Count > 100 || Members?.Any(m => m.Role?.Length > 100) == true)
        {
            yield return new ValidationResult("At most 100 members, each role under 100 characters.", [nameof(Members)]);
        }

        if (Members is { } members && members.Select(m => m.StaffId).Distinct().Count() != members.Count)
        {
            yield return new ValidationResult("A person is listed twice among the members.", [nameof(Members)]);
        }

        if (Deliverables?.Count > 200 || Deliverables?.Any(d => string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > 200) == true)
        {
            yield return new ValidationResult("Every deliverable needs a title of up to 200 characters (at most 200 deliverables).", [nameof(Deliverables)]);
        }

        if (Phases?.Count > 50 || Phases?.Any(p => string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 200
            || (p.StartDate is { } s && p.EndDate is { } e && e < s)) == true)
        {
            yield return new ValidationResult("Every phase needs a name of up to 200 characters and an end on or after its start.", [nameof(Phases)]);
        }

        if (Milestones?.Count > 100 || Milestones?.Any(m => string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 200) == true)
        {
            yield return new ValidationResult("Every milestone needs a name of up to 200 characters (at most 100 milestones).", [nameof(Milestones)]);
        }
    }
}

public sealed class CreateEngagementInput : EngagementInput
{
    public Guid AccountId { get; set; }
}

public sealed class MemberInput
{
    public Guid StaffId { get; set; }

    public string? Role { get; set; }
}

public sealed class DeliverableInput
{
    public Guid? Id { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? DueDate { get; set; }
}

public sealed class PhaseInput
{
    public string Name { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }
}

public sealed class MilestoneInput
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = "";

    public DateOnly DueDate { get; set; }

    public DateOnly? DoneOn { get; set; }
}

public sealed class BudgetInput : IValidatableObject
{
    [Range(0, 100_000_000_000, ErrorMessage = "The fee must be between 0 and 1,000,000,000.00.")]
    public long? FixedFee { get; set; }

    public RevenueRecognition Recognition { get; set; } = RevenueRecognition.PercentComplete;

    [Range(0, 10_000_000, ErrorMessage = "The hours cap must be between 0 and 166,666 hours.")]
    public int? HoursCapMinutes { get; set; }

    public RetainerPeriod RetainerPeriod { get; set; } = RetainerPeriod.Monthly;

    [Range(0, 1_000_000, ErrorMessage = "The hours per period must be between 0 and 16,666.")]
    public int? RetainerMinutesPerPeriod { get; set; }

    [Range(0, 100_000_000_000, ErrorMessage = "The fee per period must be between 0 and 1,000,000,000.00.")]
    public long? RetainerFeePerPeriod { get; set; }

    [Range(0, 100, ErrorMessage = "Rollover is a percentage between 0 and 100.")]
    public int RolloverPercent { get; set; }

    public List<RateCardLineInput>? RateCard { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RateCard is not { } card)
        {
            yield break;
        }

        if (card.Any(l => (l.StaffId is null) == (l.Discipline is null)))
        {
            yield return new ValidationResult("Each rate card line names either a person or a discipline.", [nameof(RateCard)]);
        }

        if (card.Any(l => l.BillRate is < 0 or > 100_000_000))
        {
            yield return new ValidationResult("Bill rates are between 0 and 1,000,000.00 an hour.", [nameof(RateCard)]);
        }

        if (card.Where(l => l.StaffId is not null).GroupBy(l => l.StaffId).Any(g => g.Count() > 1)
            || card.Where(l => l.Discipline is not null).GroupBy(l => l.Discipline).Any(g => g.Count() > 1))
        {
            yield return new ValidationResult("A person or discipline appears twice on the rate card.", [nameof(RateCard)]);
        }
    }
}

public sealed class RateCardLineInput
{
    public Guid? StaffId { get; set; }

    public Discipline? Discipline { get; set; }

    public long BillRate { get; set; }
}

public sealed record RagInput(Rag Rag, [property: StringLength(1000)] string? Reason);

public sealed record StatusInput(EngagementStatus Status);

public sealed record ProgressInput([property: Range(0, 100, ErrorMessage = "Percent complete is between 0 and 100.")] int Percent, DateOnly? On);

public sealed record EngagementListQuery(
    Guid? AccountId = null, EngagementStatus? Status = null, string? Search = null, bool MineOnly = false,
    EngagementSort Sort = EngagementSort.Name, bool Descending = false, int? Limit = null, string? Cursor = null);

public enum EngagementSort
{
    Name,
    Account,
    Status,
    Start,
    End,
}

public sealed record EngagementSummary(
    Guid Id, Guid AccountId, string AccountName, string Name, EngagementType Type, EngagementStatus Status, Rag Rag,
    DateOnly? StartDate, DateOnly? EndDate, string? ProjectManagerName, long Version);

public sealed record MemberView(Guid StaffId, string FullName, Discipline Discipline, string Role);

public sealed record DeliverableView(Guid Id, string Title, DateOnly? DueDate);

public sealed record PhaseView(Guid Id, string Name, DateOnly? StartDate, DateOnly? EndDate);

public sealed record MilestoneView(Guid Id, string Name, DateOnly DueDate, DateOnly? DoneOn);

public sealed record HandOffQuestionView(Guid Id, string Question, string AskedBy, DateTime AskedAt, string? Answer, string? AnsweredBy, DateTime? AnsweredAt);

public sealed record HandOffView(
    string? Brief, DateTime? SentAt, string? SentBy, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    IReadOnlyList<HandOffQuestionView> Questions, bool ReadyForDelivery);

/// <summary>An engagement as the agency sees it.</summary>
public sealed record EngagementView(
    Guid Id, Guid AccountId, string AccountName, string Name, EngagementType Type, Methodology Methodology,
    EngagementStatus Status, int InitiationStep, string? ClientNeeds, IReadOnlyList<string> Goals, string? ClientExpectations,
    string? KnownRisks, DateOnly? StartDate, DateOnly? EndDate, Guid? AccountManagerId, string? AccountManagerName,
    Guid? ProjectManagerId, string? ProjectManagerName, Rag Rag, string? RagReason, DateOnly? RagSetOn,
    ReportCadence ReportCadence, string? InternalNotes, IReadOnlyList<MemberView> Members,
    IReadOnlyList<DeliverableView> Deliverables, IReadOnlyList<PhaseView> Phases, IReadOnlyList<MilestoneView> Milestones,
    HandOffView HandOff, long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>An engagement as a client user sees it: no notes, no hand-off, no money.</summary>
public sealed record ClientEngagementView(
    Guid Id, Guid AccountId, string Name, EngagementType Type, Methodology Methodology, EngagementStatus Status,
    IReadOnlyList<string> Goals, DateOnly? StartDate, DateOnly? EndDate, Rag Rag, IReadOnlyList<DeliverableView> Deliverables,
    IReadOnlyList<PhaseView> Phases, IReadOnlyList<MilestoneView> Milestones, long Version);

public sealed record RateCardLineView(Guid? StaffId, string? StaffName, Discipline? Discipline, long BillRate);

/// <summary>The budget of an engagement and how it is burning.</summary>
public sealed record BudgetView(
    Guid EngagementId, EngagementType Type, long? FixedFee, RevenueRecognition Recognition, int? HoursCapMinutes,
    RetainerPeriod RetainerPeriod, int? RetainerMinutesPerPeriod, long? RetainerFeePerPeriod, int RolloverPercent,
    int PercentComplete, IReadOnlyList<RateCardLineView> RateCard, BurnUnit BurnUnit, BurnForecast? Burn,
    IReadOnlyList<RetainerPeriodLine> Ledger, long Version);

/// <summary>What a budget is measured in: money for a fixed fee, minutes for hours caps and retainers.</summary>
public enum BurnUnit
{
    Money,
    Minutes,
}

internal static class EngagementRules
{
    public static bool IsClosed(EngagementStatus status) => status is EngagementStatus.Completed or EngagementStatus.Cancelled;

    public static long BudgetedAmount(Engagement e) => e.Type switch
    {
        EngagementType.FixedFee => e.Budget.FixedFee ?? 0,
        EngagementType.TimeAndMaterials => e.Budget.HoursCapMinutes ?? 0,
        _ => e.Budget.RetainerMinutesPerPeriod ?? 0,
    };

    public static BurnUnit UnitOf(EngagementType type) => type == EngagementType.FixedFee ? BurnUnit.Money : BurnUnit.Minutes;

    /// <summary>What a rollup row consumes of the budget, in its unit.</summary>
    public static long Consumed(EngagementType type, long minutes, long valueUnits) =>
        type == EngagementType.FixedFee ? Money.FromUnits(valueUnits) : minutes;
}
