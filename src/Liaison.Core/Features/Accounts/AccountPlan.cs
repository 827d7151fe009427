using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Accounts;

/// <summary>
/// The long view of an account: what the client wants to achieve, what the agency wants from the
/// relationship, and the initiatives that serve both. Internal to the agency; reviewed at account meetings.
/// </summary>
public sealed class AccountPlan : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public string? Vision { get; set; }

    public List<string> ClientObjectives { get; set; } = [];

    public List<string> AgencyObjectives { get; set; } = [];

    public List<PlanInitiative> Initiatives { get; set; } = [];

    /// <summary>When the plan was last gone through with the client: the start of the latest held meeting that reviewed it.</summary>
    public DateTime? LastReviewedAt { get; set; }

    public Guid? LastReviewedMeetingId { get; set; }
}

public sealed class PlanInitiative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PlanId { get; set; }

    public string Title { get; set; } = "";

    public Guid? OwnerStaffId { get; set; }

    public PlanHorizon Horizon { get; set; } = PlanHorizon.ThisQuarter;

    public InitiativeStatus Status { get; set; } = InitiativeStatus.Idea;

    public int Position { get; set; }
}

public enum PlanHorizon
{
    ThisQuarter,
    NextQuarter,
    ThisYear,
    Later,
}

public enum InitiativeStatus
{
    Idea,
    Planned,
    InProgress,
    Done,
    Dropped,
}
