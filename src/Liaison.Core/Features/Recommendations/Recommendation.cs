using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Recommendations;

/// <summary>
/// Advice the agency gives a client and what the client decided. Recommendations are the agency's
/// working record (options weighed, people consulted), so client users never read them.
/// </summary>
public sealed class Recommendation : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public required string Title { get; set; }

    /// <summary>The situation that calls for a recommendation.</summary>
    public string? Context { get; set; }

    public List<RecommendationOption> Options { get; set; } = [];

    /// <summary>Staff who were asked before recommending ("don't guess").</summary>
    public List<Guid> StaffConsulted { get; set; } = [];

    /// <summary>The position (0-based, in <see cref="Options"/> order) of the option the agency recommends.</summary>
    public int? RecommendedOption { get; set; }

    public Importance Importance { get; set; } = Importance.Medium;

    public RecommendationStatus Status { get; set; } = RecommendationStatus.Draft;

    public DateOnly? PresentedOn { get; set; }

    public ClientDecision Decision { get; set; } = ClientDecision.Pending;

    public ReasonCategory? ReasonCategory { get; set; }

    public string? ReasonNote { get; set; }

    public DateTime? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }
}

/// <summary>One option the agency weighed, with its pros and cons.</summary>
public sealed class RecommendationOption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RecommendationId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public string? Pros { get; set; }

    public string? Cons { get; set; }
}

public enum RecommendationStatus
{
    Draft,
    Presented,
    Decided,
}

public enum ClientDecision
{
    Pending,
    Accepted,
    Declined,
    Deferred,
    PartlyAccepted,
}

/// <summary>Why the client decided as they did; required unless they simply accepted.</summary>
public enum ReasonCategory
{
    InternalPolicy,
    Budget,
    Preference,
    Timing,
    Other,
}

public enum Importance
{
    Low,
    Medium,
    High,
    Critical,
}
