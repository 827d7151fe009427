using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Time a staff member spent on an engagement on a day. The rates in force that day are copied
/// onto the entry when it is saved, so the rollups can sum money without looking rates up again,
/// and a later rate only reprices the days it covers.
/// </summary>
public sealed class TimeEntry : Entity, IDatedWork
{
    public Guid AccountId { get; set; }

    public Guid EngagementId { get; set; }

    public Guid StaffId { get; set; }

    public DateOnly Date { get; set; }

    public int Minutes { get; set; }

    public bool Billable { get; set; } = true;

    public string? Note { get; set; }

    /// <summary>A planned deliverable of the engagement the time went to, if any.</summary>
    public Guid? DeliverableId { get; set; }

    /// <summary>Cost per hour in minor units, as in force on <see cref="Date"/>.</summary>
    public long CostRate { get; set; }

    /// <summary>Bill per hour in minor units on <see cref="Date"/>: the rate card's, else the person's.</summary>
    public long BillRate { get; set; }

    /// <summary>The import that created the entry; the import's own audit entry records its rows.</summary>
    public Guid? ImportId { get; set; }
}

/// <summary>Money spent for an engagement: travel, stock photography, media, and so on.</summary>
public sealed class Expense : Entity, IDatedWork
{
    public Guid AccountId { get; set; }

    public Guid EngagementId { get; set; }

    public Guid StaffId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Minor units of the currency; always positive.</summary>
    public long Amount { get; set; }

    public ExpenseCategory Category { get; set; } = ExpenseCategory.Other;

    public bool Billable { get; set; } = true;

    public string? Note { get; set; }
}

public enum ExpenseCategory
{
    Travel,
    Accommodation,
    Meals,
    Software,
    Stock,
    Media,
    Printing,
    Subcontractor,
    Other,
}

/// <summary>What time entries and expenses share: who, for which engagement of which account, on which day.</summary>
public interface IDatedWork : IAccountOwned
{
    Guid EngagementId { get; }

    Guid StaffId { get; }

    DateOnly Date { get; }
}

/// <summary>A month closed for time and expenses: nothing dated in it can change until an admin unlocks it.</summary>
public sealed class MonthLock
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public Guid LockedBy { get; set; }

    public DateTime LockedAt { get; set; }
}

/// <summary>
/// The time of one staff member on one engagement in one month, summed. Profitability and burn read
/// these instead of every entry; they change in the same transaction as the entries.
/// Money is kept as minute-rate units (minutes × rate per hour) so sums are exact; dividing by 60
/// and rounding happens once, when a figure is shown.
/// </summary>
public sealed class TimeRollup : IDerivedData
{
    public Guid EngagementId { get; set; }

    public Guid StaffId { get; set; }

    public DateOnly Month { get; set; }

    public Guid AccountId { get; set; }

    public long Minutes { get; set; }

    public long BillableMinutes { get; set; }

    public long CostUnits { get; set; }

    public long BillableUnits { get; set; }

    /// <summary>All minutes × bill rate: the value of the effort, which a fixed fee is burned against.</summary>
    public long ValueUnits { get; set; }
}

/// <summary>One import of time entries from a file, recorded whole in the audit log.</summary>
public sealed class TimeImport : Entity
{
    public required string FileName { get; set; }

    public ImportFormat Format { get; set; }

    public int Rows { get; set; }

    public long TotalMinutes { get; set; }
}

public enum ImportFormat
{
    Harvest,
    Toggl,
}
