using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Recommendations;

/// <summary>What a user fills in for a recommendation; the API binds to it for create and update.</summary>
public class RecommendationInput : IValidatableObject
{
    public const int MaxOptions = 10;
    public const int MaxConsulted = 20;

    [Required(ErrorMessage = "Give the recommendation a title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "The context can be at most 4,000 characters.")]
    public string? Context { get; set; }

    public List<OptionInput> Options { get; set; } = [];

    public List<Guid> StaffConsulted { get; set; } = [];

    /// <summary>The 0-based position in <see cref="Options"/> of the recommended option.</summary>
    public int? RecommendedOption { get; set; }

    public Importance Importance { get; set; } = Importance.Medium;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var options = Options ?? [];
        if (options.Count > MaxOptions)
        {
            yield return new ValidationResult($"List at most {MaxOptions} options.", [nameof(Options)]);
        }

        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option is null || string.IsNullOrWhiteSpace(option.Title))
            {
                yield return new ValidationResult($"Option {i + 1} needs a title.", [nameof(Options)]);
            }
            else if (option.Title.Trim().Length > 200 || option.Pros?.Length > 2000 || option.Cons?.Length > 2000)
            {
                yield return new ValidationResult(
                    $"Option {i + 1} is too long: a title can be at most 200 characters, pros and cons at most 2,000 each.", [nameof(Options)]);
            }
        }

        if ((StaffConsulted ?? []).Count > MaxConsulted)
        {
            yield return new ValidationResult($"List at most {MaxConsulted} people consulted.", [nameof(StaffConsulted)]);
        }

        if (RecommendedOption is { } chosen && (chosen < 0 || chosen >= options.Count))
        {
            yield return new ValidationResult(
                options.Count == 0
                    ? "There are no options to recommend yet."
                    : $"The recommended option must be the position of one of the options, from 0 to {options.Count - 1}.",
                [nameof(RecommendedOption)]);
        }
    }
}

public sealed class NewRecommendationInput : RecommendationInput
{
    public Guid AccountId { get; set; }
}

public sealed class OptionInput
{
    public string Title { get; set; } = "";

    public string? Pros { get; set; }

    public string? Cons { get; set; }
}

/// <summary>When the recommendation was put to the client; today when left out.</summary>
public sealed record PresentInput(DateOnly? PresentedOn = null);

public sealed class DecisionInput : IValidatableObject
{
    public ClientDecision Decision { get; set; }

    public ReasonCategory? ReasonCategory { get; set; }

    [StringLength(2000, ErrorMessage = "The reason note can be at most 2,000 characters.")]
    public string? ReasonNote { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Decision == ClientDecision.Pending)
        {
            yield return new ValidationResult("Choose the client's decision: Accepted, Declined, Deferred or PartlyAccepted.", [nameof(Decision)]);
        }
        else if (Decision != ClientDecision.Accepted && ReasonCategory is null)
        {
            yield return new ValidationResult(
                "Say why (InternalPolicy, Budget, Preference, Timing or Other) when the client declines, defers or partly accepts.",
                [nameof(ReasonCategory)]);
        }
    }
}

public sealed record RecommendationListQuery(Guid? AccountId = null, ClientDecision? Decision = null, int? Limit = null, string? Cursor = null);

public sealed record OptionView(Guid Id, string Title, string? Pros, string? Cons);

public sealed record RecommendationView(
    Guid Id,
    Guid AccountId,
    string Title,
    string? Context,
    IReadOnlyList<OptionView> Options,
    IReadOnlyList<Guid> StaffConsulted,
    int? RecommendedOption,
    Importance Importance,
    RecommendationStatus Status,
    DateOnly? PresentedOn,
    ClientDecision Decision,
    ReasonCategory? ReasonCategory,
    string? ReasonNote,
    DateTime? DecidedAt,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record RecommendationSummary(
    Guid Id,
    Guid AccountId,
    string Title,
    Importance Importance,
    RecommendationStatus Status,
    DateOnly? PresentedOn,
    ClientDecision Decision,
    ReasonCategory? ReasonCategory,
    long Version);

/// <summary>
/// How often the client said yes among one group of decided recommendations. Rate =
/// (accepted + ½ × partly accepted) ÷ (accepted + partly accepted + declined); deferred ones are
/// counted but left out of the rate, since the client has not said yes or no. Null when nothing counts.
/// </summary>
public sealed record AcceptanceRow(string Key, int Accepted, int PartlyAccepted, int Declined, int Deferred, double? Rate);

/// <param name="AccountId">The account asked for; null for the overall view across the caller's accounts.</param>
public sealed record AcceptanceView(
    Guid? AccountId,
    AcceptanceRow Total,
    IReadOnlyList<AcceptanceRow> ByReasonCategory,
    IReadOnlyList<AcceptanceRow> ByImportance,
    IReadOnlyList<AcceptanceRow> ByAccount);
