using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Insights;

/// <summary>What a user fills in for an insight; the API binds to it for create and update.</summary>
public class InsightInput : IValidatableObject
{
    public const int MaxTags = 20;

    [Required(ErrorMessage = "Give the insight a title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "The source URL can be at most 2,000 characters.")]
    public string? SourceUrl { get; set; }

    [StringLength(4000, ErrorMessage = "The summary can be at most 4,000 characters.")]
    public string? Summary { get; set; }

    [StringLength(4000, ErrorMessage = "Why it matters can be at most 4,000 characters.")]
    public string? WhyItMatters { get; set; }

    public List<string> Tags { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SourceUrl) && !IsWebAddress(SourceUrl.Trim()))
        {
            yield return new ValidationResult("The source URL must be a full http:// or https:// address.", [nameof(SourceUrl)]);
        }

        var tags = Tags ?? [];
        if (tags.Count > MaxTags)
        {
            yield return new ValidationResult($"Give at most {MaxTags} tags.", [nameof(Tags)]);
        }

        if (tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > 50))
        {
            yield return new ValidationResult("Each tag must be 1 to 50 characters.", [nameof(Tags)]);
        }
    }

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}

public sealed class NewInsightInput : InsightInput
{
    public Guid AccountId { get; set; }
}

public sealed class ShareInput
{
    public List<Guid> StakeholderIds { get; set; } = [];

    /// <summary>Why the insight goes out although the account's throttle is reached; only needed then.</summary>
    [StringLength(1000, ErrorMessage = "The override reason can be at most 1,000 characters.")]
    public string? OverrideReason { get; set; }
}

/// <summary>The account's throttle: null keeps the default of <see cref="InsightService.DefaultPer30Days"/>.</summary>
public sealed class InsightLimitInput
{
    [Range(0, 100, ErrorMessage = "The limit is from 0 to 100 insights per 30 days (leave it empty for the default of 2).")]
    public int? InsightsPer30Days { get; set; }
}

public sealed record InsightListQuery(Guid? AccountId = null, int? Limit = null, string? Cursor = null);

public sealed record InsightView(
    Guid Id,
    Guid AccountId,
    string Title,
    string? SourceUrl,
    string? Summary,
    string? WhyItMatters,
    IReadOnlyList<string> Tags,
    DateTime? SharedAt,
    IReadOnlyList<Guid> SharedWith,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record InsightSummary(Guid Id, Guid AccountId, string Title, IReadOnlyList<string> Tags, DateTime? SharedAt, long Version);

public sealed record InsightShareView(Guid Id, Guid InsightId, DateTime SharedAt, Guid SharedBy, IReadOnlyList<Guid> StakeholderIds, string? OverrideReason);

/// <param name="Setting">The stored setting; null means the default.</param>
/// <param name="Limit">The limit in force.</param>
/// <param name="SharedInLast30Days">Distinct insights shared with the account in the rolling window.</param>
/// <param name="NextSlotAt">When the window frees a slot, if the limit is reached; null otherwise.</param>
public sealed record InsightLimitView(Guid AccountId, int? Setting, int Limit, int SharedInLast30Days, DateTime? NextSlotAt);

/// <summary>A share as recorded, with the insight as it stands after it.</summary>
/// <param name="InteractionId">The outbound interaction the share was logged as.</param>
public sealed record ShareResult(InsightView Insight, InsightShareView Share, Guid InteractionId);
