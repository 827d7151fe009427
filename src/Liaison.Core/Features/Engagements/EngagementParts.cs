using Liaison.Core.Features.Staff;

namespace Liaison.Core.Features.Engagements;

/// <summary>A staff member on an engagement, with the role they play on it; members log time to it.</summary>
public sealed class EngagementMember
{
    public Guid EngagementId { get; set; }

    public Guid StaffId { get; set; }

    public string Role { get; set; } = "";
}

/// <summary>A deliverable promised at initiation; delivery tracks the work itself.</summary>
public sealed class PlannedDeliverable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    public int Position { get; set; }
}

public sealed class Phase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public string Name { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int Position { get; set; }
}

/// <summary>A dated checkpoint; under milestone recognition each done milestone earns an equal share of the fee.</summary>
public sealed class Milestone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public string Name { get; set; } = "";

    public DateOnly DueDate { get; set; }

    public DateOnly? DoneOn { get; set; }
}

/// <summary>A line of a time-and-materials rate card: a bill rate for one person, or for a discipline.</summary>
public sealed class RateCardLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public Guid? StaffId { get; set; }

    public Discipline? Discipline { get; set; }

    public long BillRate { get; set; }
}

/// <summary>The PM's percent-complete figure on a day: fixed-fee revenue for a range is the fee times the change across it.</summary>
public sealed class ProgressReading
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public DateOnly On { get; set; }

    public int Percent { get; set; }
}

/// <summary>A question the PM raised when acknowledging the hand-off, and the AM's answer.</summary>
public sealed class HandOffQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public string Question { get; set; } = "";

    public Guid AskedBy { get; set; }

    public DateTime AskedAt { get; set; }

    public string? Answer { get; set; }

    public Guid? AnsweredBy { get; set; }

    public DateTime? AnsweredAt { get; set; }
}
