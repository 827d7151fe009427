using Liaison.Core.Common;

namespace Liaison.Core.Features.Communications;

public enum QueryPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>How soon a client query must be answered, in business time, by priority.</summary>
public sealed class SlaPolicy
{
    private readonly Dictionary<QueryPriority, TimeSpan> _replyWithin;

    private SlaPolicy(Dictionary<QueryPriority, TimeSpan> replyWithin) => _replyWithin = replyWithin;

    /// <summary>Urgent 2, High 4, Normal 8 and Low 16 business hours.</summary>
    public static SlaPolicy Default { get; } = new(new Dictionary<QueryPriority, TimeSpan>
    {
        [QueryPriority.Urgent] = TimeSpan.FromHours(2),
        [QueryPriority.High] = TimeSpan.FromHours(4),
        [QueryPriority.Normal] = TimeSpan.FromHours(8),
        [QueryPriority.Low] = TimeSpan.FromHours(16),
    });

    /// <summary>A policy, or a validation error for each reply time that is not positive.</summary>
    public static Result<SlaPolicy> TryCreate(TimeSpan low, TimeSpan normal, TimeSpan high, TimeSpan urgent)
    {
        var replyWithin = new Dictionary<QueryPriority, TimeSpan>
        {
            [QueryPriority.Low] = low,
            [QueryPriority.Normal] = normal,
            [QueryPriority.High] = high,
            [QueryPriority.Urgent] = urgent,
        };
        var errors = new Dictionary<string, string[]>();
        foreach (var (priority, within) in replyWithin)
        {
            if (within <= TimeSpan.Zero)
            {
                errors[priority.ToString().ToLowerInvariant()] = ["The reply time must be positive."];
            }
        }

        return errors.Count > 0 ? Error.Invalid(errors) : new SlaPolicy(replyWithin);
    }

    /// <summary>The business time allowed for a reply at <paramref name="priority"/>.</summary>
    public TimeSpan ReplyWithin(QueryPriority priority) =>
        _replyWithin.TryGetValue(priority, out var within)
            ? within
            : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority.");

    /// <summary>When the reply to a query received at <paramref name="receivedUtc"/> is due; the clock only runs in working time.</summary>
    public DateTime DueAt(DateTime receivedUtc, QueryPriority priority, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddBusinessHours(receivedUtc, ReplyWithin(priority));
    }

    /// <summary>
    /// Whether the reply came, or is still missing, after the due instant. A reply exactly at the
    /// due instant is on time; once replied, the current time no longer matters.
    /// </summary>
    public static bool IsBreached(DateTime dueUtc, DateTime? repliedAtUtc, DateTime nowUtc) =>
        (repliedAtUtc ?? nowUtc) > dueUtc;
}
