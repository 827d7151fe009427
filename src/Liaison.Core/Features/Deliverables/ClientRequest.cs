using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// Something a client asked for, logged from one of their stakeholders, with a brief that helps
/// them say what they want. Triage decides, once, what it becomes: deliverables, a change request,
/// or nothing (declined, with the reason).
/// </summary>
public sealed class ClientRequest : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    /// <summary>The engagement it concerns, if known when logged; triage into deliverables sets it.</summary>
    public Guid? EngagementId { get; set; }

    /// <summary>Who asked; null only if that stakeholder was deleted since.</summary>
    public Guid? StakeholderId { get; set; }

    public required string Title { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string Objective { get; set; } = "";

    public string? Audience { get; set; }

    public string? KeyMessage { get; set; }

    public string? Mandatories { get; set; }

    public string? Constraints { get; set; }

    public string? SuccessMeasure { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Links to examples and material, each an absolute http or https address.</summary>
    public List<string> References { get; set; } = [];

    public Guid? LoggedByUserId { get; set; }

    public string LoggedByName { get; set; } = "";

    /// <summary>Null until triaged.</summary>
    public RequestOutcome? Outcome { get; set; }

    public DateTime? TriagedAt { get; set; }

    public Guid? TriagedByUserId { get; set; }

    public string? TriagedByName { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>
    /// The change request it became. Deliberately no foreign key: change requests are their own feature
    /// and link themselves through <see cref="ClientRequestService.MarkAsChangeRequestAsync"/>.
    /// </summary>
    public Guid? ChangeRequestId { get; set; }
}

public enum RequestOutcome
{
    Deliverables,
    ChangeRequest,
    Declined,
}
