using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Accounts;

/// <summary>The whole plan as the user edits it; a save replaces it.</summary>
public sealed class AccountPlanInput : IValidatableObject
{
    [StringLength(4000, ErrorMessage = "Keep the vision under 4,000 characters.")]
    public string? Vision { get; set; }

    public List<string>? ClientObjectives { get; set; }

    public List<string>? AgencyObjectives { get; set; }

    public List<InitiativeInput>? Initiatives { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AreObjectives(ClientObjectives))
        {
            yield return new ValidationResult(
                $"List at most {AccountPlanRules.MaxObjectives} client objectives of up to 500 characters each, none blank.", [nameof(ClientObjectives)]);
        }

        if (!AreObjectives(AgencyObjectives))
        {
            yield return new ValidationResult(
                $"List at most {AccountPlanRules.MaxObjectives} agency objectives of up to 500 characters each, none blank.", [nameof(AgencyObjectives)]);
        }

        if (Initiatives?.Count > AccountPlanRules.MaxInitiatives
            || Initiatives?.Any(i => i is null || string.IsNullOrWhiteSpace(i.Title) || i.Title.Trim().Length > 200) == true)
        {
            yield return new ValidationResult(
                $"Every initiative needs a title of up to 200 characters (at most {AccountPlanRules.MaxInitiatives} initiatives).", [nameof(Initiatives)]);
        }
        else if (Initiatives?.Where(i => i.Id is not null).GroupBy(i => i.Id).Any(g => g.Count() > 1) == true)
        {
            yield return new ValidationResult("An initiative is listed twice.", [nameof(Initiatives)]);
        }
    }

    private static bool AreObjectives(List<string>? objectives) =>
        objectives is null
        || (objectives.Count <= AccountPlanRules.MaxObjectives && objectives.All(o => !string.IsNullOrWhiteSpace(o) && o.Trim().Length <= 500));
}

public sealed class InitiativeInput
{
    /// <summary>The initiative being edited; null for a new one.</summary>
    public Guid? Id { get; set; }

    public string Title { get; set; } = "";

    public Guid? OwnerStaffId { get; set; }

    public PlanHorizon Horizon { get; set; } = PlanHorizon.ThisQuarter;

    public InitiativeStatus Status { get; set; } = InitiativeStatus.Idea;
}

public sealed record InitiativeView(Guid Id, string Title, Guid? OwnerStaffId, string? OwnerName, PlanHorizon Horizon, InitiativeStatus Status);

/// <summary>An account's plan. An account without one answers an empty plan with version 0.</summary>
public sealed record AccountPlanView(
    Guid AccountId, string? Vision, IReadOnlyList<string> ClientObjectives, IReadOnlyList<string> AgencyObjectives,
    IReadOnlyList<InitiativeView> Initiatives, DateTime? LastReviewedAt, Guid? LastReviewedMeetingId, long Version, DateTime? UpdatedAt);

internal static class AccountPlanRules
{
    public const int MaxObjectives = 30;

    public const int MaxInitiatives = 100;

    /// <summary>Initiatives still to be worked on: what a meeting's preparation shows.</summary>
    public static bool IsOpen(InitiativeStatus status) => status is not (InitiativeStatus.Done or InitiativeStatus.Dropped);
}
