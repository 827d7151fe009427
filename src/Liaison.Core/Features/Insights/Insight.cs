using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Insights;

/// <summary>
/// Something the agency read that matters to one client, and why. The agency's working notes, so
/// client users never read insights; what reaches the client is the share.
/// </summary>
public sealed class Insight : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public required string Title { get; set; }

    /// <summary>An absolute http or https address.</summary>
    public string? SourceUrl { get; set; }

    public string? Summary { get; set; }

    public string? WhyItMatters { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>When it was last shared; null until it is.</summary>
    public DateTime? SharedAt { get; set; }

    /// <summary>Every stakeholder it was shared with, over all its shares.</summary>
    public List<Guid> SharedWith { get; set; } = [];
}

/// <summary>
/// One sharing of an insight with stakeholders. The throttle counts these, and they outlive the
/// insight (no foreign key to it), so deleting an insight never reopens a slot. The interaction log
/// records a share from here.
/// </summary>
public sealed class InsightShare : IAccountOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid InsightId { get; set; }

    public Guid AccountId { get; set; }

    public DateTime SharedAt { get; set; }

    /// <summary>The user who shared it.</summary>
    public Guid SharedBy { get; set; }

    public List<Guid> StakeholderIds { get; set; } = [];

    /// <summary>Why the throttle was overridden; null when the share was within it.</summary>
    public string? OverrideReason { get; set; }
}
