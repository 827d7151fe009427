using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Risks;

/// <summary>
/// One entry of an account's risk register: a risk (something that may happen) or an issue (something
/// that has). It belongs to the account and, optionally, to one of its engagements. A client user sees
/// it only when it is client-visible, and never its contingency or escalation.
/// </summary>
public sealed class Risk : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    /// <summary>The engagement it threatens; null for a risk to the relationship as a whole.</summary>
    public Guid? EngagementId { get; set; }

    public RiskKind Kind { get; set; } = RiskKind.Risk;

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>1 (rare) to 5 (almost certain); always 5 for an issue, which has happened.</summary>
    public int Probability { get; set; }

    /// <summary>1 (negligible) to 5 (severe).</summary>
    public int Impact { get; set; }

    /// <summary>Probability × impact, 1 to 25: stored so that lists sort and filter by it in the database.</summary>
    public int Score { get; set; }

    public Guid? OwnerStaffId { get; set; }

    /// <summary>What is being done to make it less likely or less harmful; shared with the client when the item is.</summary>
    public string? Mitigation { get; set; }

    /// <summary>The agency's fallback if it happens anyway; internal.</summary>
    public string? Contingency { get; set; }

    public RiskStatus Status { get; set; } = RiskStatus.Open;

    /// <summary>When the owner should look at it again; an open item past it is an overdue review.</summary>
    public DateOnly? NextReviewDate { get; set; }

    public DateOnly? LastReviewedOn { get; set; }

    /// <summary>The reviewer's name as it was.</summary>
    public string? LastReviewedBy { get; set; }

    /// <summary>The day it was closed, resolved or realised; null while it is open.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The staff member it was escalated to, when it went to one.</summary>
    public Guid? EscalatedToStaffId { get; set; }

    /// <summary>Who it was escalated to: the staff member's name, or free text ("the client's sponsor").</summary>
    public string? EscalatedTo { get; set; }

    public DateTime? EscalatedAt { get; set; }

    public Guid? EscalatedByUserId { get; set; }

    /// <summary>The name of the person who escalated it, as it was.</summary>
    public string? EscalatedByName { get; set; }

    public string? EscalationNote { get; set; }

    public bool ClientVisible { get; set; }

    /// <summary>For an issue: the risk of the same account that it realised.</summary>
    public Guid? RealisedRiskId { get; set; }
}

public enum RiskKind
{
    Risk,
    Issue,
}

/// <summary>
/// A risk is Open, Mitigating or Closed, and becomes Realised when an issue names it; an issue is Open
/// or Resolved. Open and Mitigating items are the open ones: on the heat map and due for review.
/// </summary>
public enum RiskStatus
{
    Open,
    Mitigating,
    Realised,
    Closed,
    Resolved,
}
