using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Liaison.Core.Features.Accounts;

namespace Liaison.Core.Features.Meetings;

/// <summary>A meeting as the user edits it. Agenda and notes are HTML and are sanitised on save.</summary>
public class MeetingInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the meeting a title.")]
    [StringLength(200, ErrorMessage = "Keep the title under 200 characters.")]
    public string Title { get; set; } = "";

    public MeetingType Type { get; set; } = MeetingType.Status;

    /// <summary>The start as an instant, with its offset or Z.</summary>
    [Required(ErrorMessage = "Say when the meeting starts.")]
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>An IANA time zone such as Europe/Berlin.</summary>
    [Required(ErrorMessage = "Give the meeting's time zone, such as Europe/London.")]
    [StringLength(100, ErrorMessage = "The time zone is at most 100 characters.")]
    public string TimeZone { get; set; } = "UTC";

    [Range(5, 1440, ErrorMessage = "A meeting lasts from 5 minutes to 24 hours (1,440 minutes).")]
    public int DurationMinutes { get; set; } = 60;

    [StringLength(500, ErrorMessage = "Keep the place or link under 500 characters.")]
    public string? Location { get; set; }

    public List<Guid>? StakeholderIds { get; set; }

    public List<Guid>? StaffIds { get; set; }

    [StringLength(MeetingRules.MaxRichText, ErrorMessage = "Keep the agenda under 20,000 characters.")]
    public string? Agenda { get; set; }

    [StringLength(MeetingRules.MaxRichText, ErrorMessage = "Keep the notes under 20,000 characters.")]
    public string? Notes { get; set; }

    public List<string>? Decisions { get; set; }

    public bool ReviewsPlan { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && MeetingRules.FindZone(TimeZone) is null)
        {
            yield return new ValidationResult("This is not a time zone we know. Use an IANA name such as Europe/London or America/New_York.", [nameof(TimeZone)]);
        }

        if (MeetingRules.LooksLikeLink(Location) && MeetingRules.AsLink(Location) is null)
        {
            yield return new ValidationResult("The link is not a valid web address: give it in full, starting with https://.", [nameof(Location)]);
        }

        if (StakeholderIds?.Count > MeetingRules.MaxAttendees || StakeholderIds?.Distinct().Count() != StakeholderIds?.Count)
        {
            yield return new ValidationResult($"List each stakeholder once, at most {MeetingRules.MaxAttendees}.", [nameof(StakeholderIds)]);
        }

        if (StaffIds?.Count > MeetingRules.MaxAttendees || StaffIds?.Distinct().Count() != StaffIds?.Count)
        {
            yield return new ValidationResult($"List each staff member once, at most {MeetingRules.MaxAttendees}.", [nameof(StaffIds)]);
        }

        if (Decisions?.Count > 50 || Decisions?.Any(d => string.IsNullOrWhiteSpace(d) || d.Trim().Length > 1000) == true)
        {
            yield return new ValidationResult("List at most 50 decisions of up to 1,000 characters each, none blank.", [nameof(Decisions)]);
        }
    }
}

public sealed class CreateMeetingInput : MeetingInput
{
    public Guid AccountId { get; set; }
}

public sealed record MeetingListQuery(
    Guid? AccountId = null, DateOnly? From = null, DateOnly? To = null, MeetingStatus? Status = null, bool Descending = false,
    int? Limit = null, string? Cursor = null);

public sealed record MeetingSummary(
    Guid Id, Guid AccountId, string AccountName, string Title, MeetingType Type, DateTime StartsAt, DateTime EndsAt,
    string TimeZone, string? Location, MeetingStatus Status, long Version);

public sealed record AttendeeView(Guid Id, string FullName);

/// <summary>A meeting as the agency sees it.</summary>
/// <param name="LocalStartsAt">The start at the wall time of the meeting's time zone.</param>
public sealed record MeetingView(
    Guid Id, Guid AccountId, string AccountName, string Title, MeetingType Type, DateTime StartsAt, DateTime EndsAt,
    string TimeZone, DateTime LocalStartsAt, int DurationMinutes, string? Location, IReadOnlyList<AttendeeView> Stakeholders,
    IReadOnlyList<AttendeeView> Staff, string? Agenda, string? Notes, IReadOnlyList<string> Decisions, bool ReviewsPlan,
    MeetingStatus Status, long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A meeting as a client user sees it: no internal notes.</summary>
public sealed record ClientMeetingView(
    Guid Id, Guid AccountId, string AccountName, string Title, MeetingType Type, DateTime StartsAt, DateTime EndsAt,
    string TimeZone, DateTime LocalStartsAt, int DurationMinutes, string? Location, IReadOnlyList<AttendeeView> Stakeholders,
    IReadOnlyList<AttendeeView> Staff, string? Agenda, IReadOnlyList<string> Decisions, MeetingStatus Status, long Version);

public sealed record UpcomingMilestone(Guid EngagementId, string EngagementName, Guid MilestoneId, string Name, DateOnly DueDate);

/// <summary>What to go through at the next meeting.</summary>
/// <param name="LastHeldMeetingAt">The start of the account's latest held meeting before this one.</param>
public sealed record MeetingPreparation(
    MeetingSummary Meeting, DateTime? LastHeldMeetingAt, IReadOnlyList<CommitmentSummary> OpenClientCommitments,
    IReadOnlyList<CommitmentSummary> OpenAgencyCommitments, IReadOnlyList<InitiativeView> OpenInitiatives,
    DateTime? PlanLastReviewedAt, IReadOnlyList<UpcomingMilestone> UpcomingMilestones,
    IReadOnlyList<Communications.InteractionSummary> InteractionsSinceLastMeeting);

public static partial class MeetingRules
{
    public const int MaxRichText = 20_000;

    public const int MaxAttendees = 50;

    /// <summary>How far ahead a meeting's preparation looks for engagement milestones.</summary>
    public const int MilestoneHorizonDays = 60;

    /// <summary>How far back a first meeting's preparation reads the interaction log.</summary>
    public const int FirstMeetingLookBackDays = 30;

    /// <summary>The most recent interactions a preparation lists.</summary>
    public const int PreparationInteractions = 50;

    /// <summary>The zone for an IANA id (a Windows id is accepted and read as its IANA twin), or null.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || !ZoneName().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
                ? zone
                : TimeZoneInfo.FindSystemTimeZoneById(iana);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Text that the user meant as a link rather than a place.</summary>
    public static bool LooksLikeLink(string? location)
    {
        var text = location?.Trim();
        return !string.IsNullOrEmpty(text)
            && (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                || (!text.Contains(' ', StringComparison.Ordinal) && text.StartsWith("http", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The location as a web link, if it is a valid absolute http(s) address.</summary>
    public static Uri? AsLink(string? location) =>
        Uri.TryCreate(location?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9_+\-/ .()]*\s*$")]
    private static partial Regex ZoneName();
}
