using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// A client's request and its brief: the questions that help a client say what they want. Only the
/// title, the stakeholder and the objective are required; the rest is asked, not demanded.
/// </summary>
public class ClientRequestInput : IValidatableObject
{
    public const int MaxReferences = 20;

    [Required(ErrorMessage = "Choose the stakeholder who asked.")]
    public Guid? StakeholderId { get; set; }

    /// <summary>The engagement it concerns, if known: an engagement of the same account.</summary>
    public Guid? EngagementId { get; set; }

    [Required(ErrorMessage = "Give the request a title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    /// <summary>The day the client asked; today if left out.</summary>
    public DateOnly? ReceivedOn { get; set; }

    [Required(ErrorMessage = "Say what the client wants to achieve.")]
    [StringLength(4000, ErrorMessage = "The objective can be at most 4,000 characters.")]
    public string Objective { get; set; } = "";

    [StringLength(2000, ErrorMessage = "The audience can be at most 2,000 characters.")]
    public string? Audience { get; set; }

    [StringLength(2000, ErrorMessage = "The key message can be at most 2,000 characters.")]
    public string? KeyMessage { get; set; }

    [StringLength(2000, ErrorMessage = "The mandatories can be at most 2,000 characters.")]
    public string? Mandatories { get; set; }

    [StringLength(2000, ErrorMessage = "The constraints can be at most 2,000 characters.")]
    public string? Constraints { get; set; }

    [StringLength(2000, ErrorMessage = "The success measure can be at most 2,000 characters.")]
    public string? SuccessMeasure { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Links to examples and material: absolute http or https addresses.</summary>
    public List<string> References { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var references = References ?? [];
        if (references.Count > MaxReferences)
        {
            yield return new ValidationResult($"Give at most {MaxReferences} references.", [nameof(References)]);
        }

        if (references.Any(r => string.IsNullOrWhiteSpace(r) || r.Trim().Length > 2000 || !WebAddress.IsValid(r.Trim())))
        {
            yield return new ValidationResult("Each reference must be a full http:// or https:// address of at most 2,000 characters.", [nameof(References)]);
        }

        if (DueDate is { } due && ReceivedOn is { } received && due < received)
        {
            yield return new ValidationResult("The due date cannot be before the day the request came in.", [nameof(DueDate)]);
        }
    }
}

public sealed class NewClientRequestInput : ClientRequestInput
{
    public Guid AccountId { get; set; }
}

/// <summary>
/// What a request becomes: deliverables on one engagement (made from the brief), a change request
/// (linked now or by the change request later), or declined with the reason.
/// </summary>
public sealed class RequestTriageInput : IValidatableObject
{
    public const int MaxDeliverables = 20;

    [Required(ErrorMessage = "Choose what the request becomes: deliverables, a change request, or declined.")]
    public RequestOutcome? Outcome { get; set; }

    /// <summary>For deliverables: the engagement they belong to, of the request's account.</summary>
    public Guid? EngagementId { get; set; }

    /// <summary>For deliverables: each one to make; a deliverable without a brief of its own gets the request's.</summary>
    public List<EditDeliverableInput> Deliverables { get; set; } = [];

    /// <summary>For declined: why, in words the account manager can pass on.</summary>
    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string? Reason { get; set; }

    /// <summary>For a change request that already exists: its id.</summary>
    public Guid? ChangeRequestId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var deliverables = Deliverables ?? [];
        if (Outcome == RequestOutcome.Deliverables)
        {
            if (EngagementId is null)
            {
                yield return new ValidationResult("Choose the engagement the deliverables belong to.", [nameof(EngagementId)]);
            }

            if (deliverables.Count is 0 or > MaxDeliverables)
            {
                yield return new ValidationResult($"Give from 1 to {MaxDeliverables} deliverables.", [nameof(Deliverables)]);
            }

            for (var i = 0; i < deliverables.Count; i++)
            {
                var results = new List<ValidationResult>();
                if (deliverables[i] is not { } item)
                {
                    yield return new ValidationResult($"Deliverable {i + 1} is empty.", [nameof(Deliverables)]);
                }
                else if (!Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
                {
                    foreach (var result in results)
                    {
                        yield return new ValidationResult($"Deliverable {i + 1}: {result.ErrorMessage}", [nameof(Deliverables)]);
                    }
                }
            }
        }
        else
        {
            if (deliverables.Count > 0 || EngagementId is not null)
            {
                yield return new ValidationResult("Deliverables and their engagement are given only when the request becomes deliverables.", [nameof(Deliverables)]);
            }
        }

        if (Outcome == RequestOutcome.Declined && string.IsNullOrWhiteSpace(Reason))
        {
            yield return new ValidationResult("Say why the request is declined.", [nameof(Reason)]);
        }

        if (Outcome is not null && Outcome != RequestOutcome.Declined && !string.IsNullOrWhiteSpace(Reason))
        {
            yield return new ValidationResult("A reason is given only when the request is declined.", [nameof(Reason)]);
        }

        if (Outcome is not null && Outcome != RequestOutcome.ChangeRequest && ChangeRequestId is not null)
        {
            yield return new ValidationResult("A change request is linked only when the request becomes one.", [nameof(ChangeRequestId)]);
        }
    }
}

/// <param name="Untriaged">Only requests still waiting for triage.</param>
public sealed record ClientRequestListQuery(
    Guid? AccountId = null, Guid? EngagementId = null, Guid? StakeholderId = null, RequestOutcome? Outcome = null, bool Untriaged = false,
    int? Limit = null, string? Cursor = null);

public sealed record ClientRequestSummary(
    Guid Id, Guid AccountId, string AccountName, Guid? EngagementId, Guid? StakeholderId, string? StakeholderName, string Title,
    DateOnly ReceivedOn, DateOnly? DueDate, RequestOutcome? Outcome, long Version);

public sealed record RequestDeliverableRef(Guid Id, string Title, DeliverableState State);

public sealed record ClientRequestView(
    Guid Id, Guid AccountId, string AccountName, Guid? EngagementId, string? EngagementName, Guid? StakeholderId, string? StakeholderName,
    string Title, DateOnly ReceivedOn, string Objective, string? Audience, string? KeyMessage, string? Mandatories, string? Constraints,
    string? SuccessMeasure, DateOnly? DueDate, IReadOnlyList<string> References, string LoggedByName, RequestOutcome? Outcome,
    DateTime? TriagedAt, string? TriagedByName, string? DeclineReason, Guid? ChangeRequestId, IReadOnlyList<RequestDeliverableRef> Deliverables,
    long Version, DateTime CreatedAt, DateTime UpdatedAt);
