using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Communications;

/// <summary>What a user records of one communication; the API binds to it for create and update.</summary>
public class InteractionInput : IValidatableObject
{
    public const int MaxStakeholders = 50;

    public InteractionChannel Channel { get; set; } = InteractionChannel.Email;

    public InteractionDirection Direction { get; set; } = InteractionDirection.Inbound;

    [Required(ErrorMessage = "Give the interaction a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string Subject { get; set; } = "";

    [StringLength(10_000, ErrorMessage = "The summary can be at most 10,000 characters.")]
    public string? Summary { get; set; }

    /// <summary>When it happened; now if left out.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>The client's people involved: stakeholders of the interaction's account.</summary>
    public List<Guid> StakeholderIds { get; set; } = [];

    /// <summary>An inbound interaction that needs a reply; its deadline follows from the account's SLA policy.</summary>
    public bool IsQuery { get; set; }

    /// <summary>The query's priority; Normal if left out.</summary>
    public QueryPriority? Priority { get; set; }

    /// <summary>The staff member who must answer the query: someone on the account's team.</summary>
    public Guid? AssigneeStaffId { get; set; }

    /// <summary>For an outbound interaction, the query of the same account it answers.</summary>
    public Guid? InReplyToId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsQuery && Direction != InteractionDirection.Inbound)
        {
            yield return new ValidationResult("Only an inbound interaction can be a query that needs a reply.", [nameof(IsQuery)]);
        }

        if (!IsQuery && (Priority is not null || AssigneeStaffId is not null))
        {
            yield return new ValidationResult("Priority and assignee belong to queries; tick \"needs a reply\" or leave them empty.", [nameof(Priority)]);
        }

        if (InReplyToId is not null && Direction != InteractionDirection.Outbound)
        {
            yield return new ValidationResult("Only an outbound interaction can be the reply to a query.", [nameof(InReplyToId)]);
        }

        if ((StakeholderIds ?? []).Count > MaxStakeholders)
        {
            yield return new ValidationResult($"Name at most {MaxStakeholders} stakeholders.", [nameof(StakeholderIds)]);
        }
    }
}

public sealed class NewInteractionInput : InteractionInput
{
    public Guid AccountId { get; set; }
}

/// <param name="QueriesOnly">Only queries, answered or not.</param>
public sealed record InteractionListQuery(
    Guid? AccountId = null, Guid? StakeholderId = null, InteractionChannel? Channel = null, InteractionDirection? Direction = null,
    bool QueriesOnly = false, DateOnly? From = null, DateOnly? To = null, int? Limit = null, string? Cursor = null);

public sealed record PersonRef(Guid Id, string Name);

public sealed record InteractionSummary(
    Guid Id, Guid AccountId, string AccountName, InteractionChannel Channel, InteractionDirection Direction, string Subject,
    DateTime OccurredAt, InteractionSource Source, IReadOnlyList<PersonRef> Stakeholders, bool IsQuery, QueryPriority? Priority,
    PersonRef? Assignee, DateTime? SlaDueAt, DateTime? RepliedAt, bool IsBreached, long Version);

public sealed record InteractionView(
    Guid Id, Guid AccountId, string AccountName, InteractionChannel Channel, InteractionDirection Direction, string Subject,
    string? Summary, DateTime OccurredAt, InteractionSource Source, string? LoggedByName, string? MessageId,
    IReadOnlyList<PersonRef> Stakeholders, bool IsQuery, QueryPriority? Priority, PersonRef? Assignee, DateTime? SlaDueAt,
    DateTime? RepliedAt, Guid? ReplyId, int? ReplyBusinessMinutes, bool IsBreached, Guid? InReplyToId, long Version,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <param name="Mine">Only queries assigned to the caller.</param>
public sealed record AwaitingReplyQuery(Guid? AccountId = null, bool Mine = false, int? Limit = null, string? Cursor = null);

/// <summary>A query still waiting for its reply.</summary>
/// <param name="BusinessMinutesLeft">Business time until the deadline; negative once breached (business time since it).</param>
public sealed record AwaitingReply(
    Guid Id, Guid AccountId, string AccountName, string Subject, InteractionChannel Channel, DateTime ReceivedAt, QueryPriority Priority,
    PersonRef? Assignee, DateTime SlaDueAt, int BusinessMinutesLeft, bool IsBreached, IReadOnlyList<PersonRef> Stakeholders);

/// <summary>Typical and worst-case reply times, in business minutes, of the queries received in the window.</summary>
/// <param name="Replied">Queries answered.</param>
/// <param name="RepliedLate">Of those, answered after the deadline.</param>
/// <param name="OpenBreached">Still waiting and already past the deadline.</param>
public sealed record ReplyTimeFigures(int Received, int Replied, int RepliedLate, int Open, int OpenBreached, int? MedianMinutes, int? P90Minutes);

public sealed record AccountReplyTimes(Guid AccountId, int Days, DateTime Since, ReplyTimeFigures Figures);

public sealed record ManagerReplyTimes(Guid? AccountManagerId, string AccountManagerName, int Accounts, ReplyTimeFigures Figures);

public sealed record ReplyTimesByManager(int Days, DateTime Since, IReadOnlyList<ManagerReplyTimes> Managers);

/// <summary>The account's SLA policy as the API shows and takes it.</summary>
public sealed class SlaPolicyInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the time zone, an IANA id such as Europe/London.")]
    [StringLength(100, ErrorMessage = "The time zone can be at most 100 characters.")]
    public string TimeZoneId { get; set; } = AccountSlaPolicy.Defaults.TimeZoneId;

    public List<DayOfWeek> WorkingDays { get; set; } = [.. AccountSlaPolicy.Defaults.WorkingDays];

    public TimeOnly DayStart { get; set; } = AccountSlaPolicy.Defaults.DayStart;

    public TimeOnly DayEnd { get; set; } = AccountSlaPolicy.Defaults.DayEnd;

    public List<DateOnly> Holidays { get; set; } = [];

    [Range(1, 10_000, ErrorMessage = "Give the urgent reply time in minutes, 1 to 10,000.")]
    public int UrgentMinutes { get; set; } = AccountSlaPolicy.Defaults.UrgentMinutes;

    [Range(1, 10_000, ErrorMessage = "Give the high reply time in minutes, 1 to 10,000.")]
    public int HighMinutes { get; set; } = AccountSlaPolicy.Defaults.HighMinutes;

    [Range(1, 10_000, ErrorMessage = "Give the normal reply time in minutes, 1 to 10,000.")]
    public int NormalMinutes { get; set; } = AccountSlaPolicy.Defaults.NormalMinutes;

    [Range(1, 10_000, ErrorMessage = "Give the low reply time in minutes, 1 to 10,000.")]
    public int LowMinutes { get; set; } = AccountSlaPolicy.Defaults.LowMinutes;

    public const int MaxHolidays = 400;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Holidays ?? []).Count > MaxHolidays)
        {
            yield return new ValidationResult($"Give at most {MaxHolidays} holidays.", [nameof(Holidays)]);
        }

        // A quicker priority must never allow more time than a slower one.
        if (UrgentMinutes > HighMinutes || HighMinutes > NormalMinutes || NormalMinutes > LowMinutes)
        {
            yield return new ValidationResult("Reply times must not grow with priority: urgent ≤ high ≤ normal ≤ low.", [nameof(UrgentMinutes)]);
        }
    }
}

/// <param name="IsDefault">The account has no policy of its own yet; these are the defaults.</param>
public sealed record SlaPolicyView(
    Guid AccountId, bool IsDefault, string TimeZoneId, IReadOnlyList<DayOfWeek> WorkingDays, TimeOnly DayStart, TimeOnly DayEnd,
    IReadOnlyList<DateOnly> Holidays, int UrgentMinutes, int HighMinutes, int NormalMinutes, int LowMinutes, long Version);

/// <summary>Whether the agency has been in touch with each of the account's people lately.</summary>
/// <param name="KeyTotal">Key stakeholders: sponsors, decision makers, and anyone of influence 4 or 5.</param>
public sealed record StakeholderCoverage(Guid AccountId, int Days, DateTime Since, int KeyTotal, int KeyTouched, IReadOnlyList<StakeholderTouch> Stakeholders);

public sealed record StakeholderTouch(Guid Id, string FullName, bool IsKey, DateTime? LastTouchAt, bool TouchedInWindow);
