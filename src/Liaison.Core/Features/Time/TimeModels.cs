using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Time;

public sealed class TimeEntryInput : IValidatableObject
{
    public Guid EngagementId { get; set; }

    /// <summary>Whose time; blank means the caller's own.</summary>
    public Guid? StaffId { get; set; }

    public DateOnly Date { get; set; }

    [Range(1, 24 * 60, ErrorMessage = "An entry is between 1 minute and 24 hours.")]
    public int Minutes { get; set; }

    public bool Billable { get; set; } = true;

    [StringLength(1000, ErrorMessage = "Keep the note under 1,000 characters.")]
    public string? Note { get; set; }

    public Guid? DeliverableId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date == default)
        {
            yield return new ValidationResult("Give the date the time was spent.", [nameof(Date)]);
        }
    }
}

public sealed record TimeEntryView(
    Guid Id, Guid AccountId, Guid EngagementId, string EngagementName, Guid StaffId, string StaffName, DateOnly Date,
    int Minutes, bool Billable, string? Note, Guid? DeliverableId, long Version);

public sealed record TimeEntryQuery(
    Guid? EngagementId = null, Guid? AccountId = null, Guid? StaffId = null, DateOnly? From = null, DateOnly? To = null,
    int? Limit = null, string? Cursor = null);

/// <summary>One row of the week grid: an engagement, billable or not, and the minutes of each day Monday to Sunday.</summary>
public sealed class WeekRow
{
    public Guid EngagementId { get; set; }

    public bool Billable { get; set; } = true;

    public int[] Minutes { get; set; } = new int[7];
}

public sealed class WeekInput
{
    public Guid? StaffId { get; set; }

    public DateOnly WeekStart { get; set; }

    public List<WeekRow> Rows { get; set; } = [];
}

public sealed record WeekEngagement(Guid Id, string Name, string AccountName);

public sealed record WeekRowView(Guid EngagementId, string EngagementName, string AccountName, bool Billable, int[] Minutes);

/// <param name="LockedDays">Days (Monday first) that fall in a locked month.</param>
public sealed record WeekView(
    Guid StaffId, string StaffName, DateOnly WeekStart, IReadOnlyList<WeekRowView> Rows, IReadOnlyList<WeekEngagement> Engagements,
    bool[] LockedDays, int CapacityMinutes);

public sealed class ExpenseInput
{
    public Guid EngagementId { get; set; }

    public Guid? StaffId { get; set; }

    public DateOnly Date { get; set; }

    [Range(1, 100_000_000, ErrorMessage = "An expense is between 0.01 and 1,000,000.00.")]
    public long Amount { get; set; }

    public ExpenseCategory Category { get; set; } = ExpenseCategory.Other;

    public bool Billable { get; set; } = true;

    [StringLength(1000, ErrorMessage = "Keep the note under 1,000 characters.")]
    public string? Note { get; set; }
}

public sealed record ExpenseView(
    Guid Id, Guid AccountId, Guid EngagementId, string EngagementName, Guid StaffId, string StaffName, DateOnly Date,
    long Amount, ExpenseCategory Category, bool Billable, string? Note, long Version);

public sealed record MonthLockView(DateOnly Month, string LockedBy, DateTime LockedAt);

public sealed record LockInput(DateOnly Month);
