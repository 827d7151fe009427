using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Engagements;

/// <summary>
/// A project or retainer for an account: what the client needs, how it will be delivered, by whom,
/// for what budget, and how it stands. The budget lives on the engagement because it has exactly one.
/// </summary>
public sealed class Engagement : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public required string Name { get; set; }

    public EngagementType Type { get; set; } = EngagementType.TimeAndMaterials;

    public Methodology Methodology { get; set; } = Methodology.Hybrid;

    public EngagementStatus Status { get; set; } = EngagementStatus.Draft;

    /// <summary>The wizard step the initiation was last saved at, so a draft reopens where it was left.</summary>
    public int InitiationStep { get; set; }

    public string? ClientNeeds { get; set; }

    public List<string> Goals { get; set; } = [];

    public string? ClientExpectations { get; set; }

    /// <summary>Risks known at initiation; they go into the hand-off brief.</summary>
    public string? KnownRisks { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public Guid? AccountManagerId { get; set; }

    public Guid? ProjectManagerId { get; set; }

    public Rag Rag { get; set; } = Rag.Green;

    public string? RagReason { get; set; }

    public DateOnly? RagSetOn { get; set; }

    public ReportCadence ReportCadence { get; set; } = ReportCadence.Weekly;

    /// <summary>Internal notes; never shown to client users.</summary>
    public string? InternalNotes { get; set; }

    public Budget Budget { get; set; } = new();

    public HandOff HandOff { get; set; } = new();

    public List<EngagementMember> Members { get; set; } = [];

    public List<PlannedDeliverable> Deliverables { get; set; } = [];

    public List<Phase> Phases { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];
}

/// <summary>
/// What the agency is paid, by engagement type. Amounts in minor units of the currency, hours in
/// minutes. Only the fields of the engagement's type matter.
/// </summary>
public sealed class Budget
{
    public long? FixedFee { get; set; }

    public RevenueRecognition Recognition { get; set; } = RevenueRecognition.PercentComplete;

    /// <summary>Time and materials: the most time the client has agreed to pay for.</summary>
    public int? HoursCapMinutes { get; set; }

    public RetainerPeriod RetainerPeriod { get; set; } = RetainerPeriod.Monthly;

    public int? RetainerMinutesPerPeriod { get; set; }

    public long? RetainerFeePerPeriod { get; set; }

    /// <summary>Unused hours carried into the next period, as a percentage of one period's hours; 0 means none.</summary>
    public int RolloverPercent { get; set; }

    /// <summary>Fixed fee, percent-complete recognition: the PM's latest figure.</summary>
    public int PercentComplete { get; set; }
}

/// <summary>The AM's brief to the PM and the PM's acknowledgement of it.</summary>
public sealed class HandOff
{
    /// <summary>The brief as it was sent: the PM acknowledges this text, not whatever the draft says later.</summary>
    public string? Brief { get; set; }

    public DateTime? SentAt { get; set; }

    public Guid? SentBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public Guid? AcknowledgedBy { get; set; }
}

public enum EngagementType
{
    FixedFee,
    TimeAndMaterials,
    Retainer,
}

public enum Methodology
{
    Waterfall,
    Agile,
    Hybrid,
}

public enum EngagementStatus
{
    Draft,
    HandOff,
    InDelivery,
    OnHold,
    Completed,
    Cancelled,
}

public enum Rag
{
    Green,
    Amber,
    Red,
}

public enum ReportCadence
{
    Weekly,
    BiWeekly,
    Monthly,
}

public enum RevenueRecognition
{
    PercentComplete,
    Milestones,
}

public enum RetainerPeriod
{
    Monthly,
    Quarterly,
}
