using Liaison.Core.Common;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// When an agency is at work: a time zone, working days, daily hours and holidays. It turns "reply
/// within 8 business hours" into an instant and back.
/// </summary>
/// <remarks>
/// <para>Working time is the half-open interval [start, end) of each working local day, so the end
/// of the day is not working time. Business time is real elapsed time inside those intervals: on a
/// DST day a 09:00–17:00 day is still 8 hours, while hours that span the change get 7 or 9.</para>
/// <para>A boundary that falls in a skipped or repeated local hour becomes the first instant at
/// which the wall clock shows that time or later: a skipped 01:30 is the moment the clock jumps
/// (02:00 after the change), a repeated 01:30 is its first occurrence. That rule never moves an
/// instant backwards, so the intervals of consecutive days never overlap.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>How many local days a search may walk before the calendar is deemed to never work (about 10 years).</summary>
    public const int MaxSearchDays = 3660;

    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessCalendar(TimeZoneInfo zone, HashSet<DayOfWeek> workingDays, TimeOnly dayStart, TimeOnly dayEnd, HashSet<DateOnly> holidays)
    {
        TimeZone = zone;
        _workingDays = workingDays;
        DayStart = dayStart;
        DayEnd = dayEnd;
        _holidays = holidays;
    }

    public TimeZoneInfo TimeZone { get; }

    public string TimeZoneId => TimeZone.Id;

    public IReadOnlySet<DayOfWeek> WorkingDays => _workingDays;

    public TimeOnly DayStart { get; }

    public TimeOnly DayEnd { get; }

    /// <summary>Days off, as dates of the calendar's own time zone.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>A calendar, or a validation error naming each field that is wrong.</summary>
    /// <param name="timeZoneId">An IANA id such as <c>Europe/London</c>.</param>
    public static Result<BusinessCalendar> TryCreate(
        string timeZoneId,
        IEnumerable<DayOfWeek> workingDays,
        TimeOnly dayStart,
        TimeOnly dayEnd,
        IEnumerable<DateOnly>? holidays = null)
    {
        var errors = new Dictionary<string, string[]>();

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            errors["timeZoneId"] = ["A time zone is required."];
        }
        else
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors["timeZoneId"] = [$"'{timeZoneId}' is not a known time zone; use an IANA id such as Europe/London."];
            }
        }

        ArgumentNullException.ThrowIfNull(workingDays);
        var days = workingDays.ToHashSet();
        if (days.Any(d => !Enum.IsDefined(d)))
        {
            errors["workingDays"] = ["Working days must be days of the week."];
        }
        else if (days.Count == 0)
        {
            // Without a working day no deadline could ever be reached.
            errors["workingDays"] = ["At least one working day is required."];
        }

        if (dayEnd <= dayStart)
        {
            errors["dayEnd"] = ["The working day must end after it starts."];
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        return new BusinessCalendar(zone!, days, dayStart, dayEnd, (holidays ?? []).ToHashSet());
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has elapsed after
    /// <paramref name="startUtc"/>. Counting starts at the next working moment when the start is
    /// outside working time. A zero duration therefore gives the next working moment (the start
    /// itself when it is working time); a duration that uses up a day exactly ends at that day's
    /// closing time rather than at the next opening.
    /// </summary>
    /// <exception cref="InvalidOperationException">No working time within <see cref="MaxSearchDays"/> days.</exception>
    public DateTime AddBusinessHours(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var cursor = AsUtc(startUtc, nameof(startUtc));
        var remaining = duration;

        // The day before too: its interval may still be open at the start (see the remarks).
        var day = LocalDate(cursor).AddDays(-1);
        for (var walked = 0; walked <= MaxSearchDays; walked++, day = day.AddDays(1))
        {
            if (WorkingIntervalUtc(day) is not (var open, var close) || close <= cursor)
            {
                continue;
            }

            var from = open > cursor ? open : cursor;
            var available = close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
            cursor = close;
        }

        throw new InvalidOperationException(
            $"The calendar has no working time left within {MaxSearchDays} days of {startUtc:O}; check its working days and holidays.");
    }

    /// <summary>Business time elapsed from one instant to another; zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = AsUtc(fromUtc, nameof(fromUtc));
        var to = AsUtc(toUtc, nameof(toUtc));
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to).AddDays(1);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (WorkingIntervalUtc(day) is (var open, var close))
            {
                var start = open > from ? open : from;
                var end = close < to ? close : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    public bool IsWorkingTime(DateTime utc)
    {
        var instant = AsUtc(utc, nameof(utc));
        var day = LocalDate(instant);
        for (var offset = -1; offset <= 1; offset++)
        {
            if (WorkingIntervalUtc(day.AddDays(offset)) is (var open, var close) && instant >= open && instant < close)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The working hours of one local day, or null for a day off. The one place to add per-day hours.</summary>
    private (TimeOnly Start, TimeOnly End)? WorkingHoursOn(DateOnly day) =>
        _workingDays.Contains(day.DayOfWeek) && !_holidays.Contains(day) ? (DayStart, DayEnd) : null;

    private (DateTime Open, DateTime Close)? WorkingIntervalUtc(DateOnly day)
    {
        if (WorkingHoursOn(day) is not (var start, var end))
        {
            return null;
        }

        var open = ToUtc(day.ToDateTime(start));
        var close = ToUtc(day.ToDateTime(end));

        // A day the zone skipped entirely (Pacific/Apia, 30 Dec 2011) collapses to nothing.
        return close > open ? (open, close) : null;
    }

    private DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone));

    /// <summary>The first instant at which the local wall clock shows <paramref name="local"/> or later.</summary>
    private DateTime ToUtc(DateTime local)
    {
        if (TimeZone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier of the two occurrences.
            var first = TimeZone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - first, DateTimeKind.Utc);
        }

        if (TimeZone.IsInvalidTime(local))
        {
            return TransitionInto(local);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    /// <summary>The instant the clock jumps over a skipped local time: a binary search for the first instant whose local time is not before it.</summary>
    private DateTime TransitionInto(DateTime skippedLocal)
    {
        // Offsets stay within ±14 hours, so the clock reads earlier at lo and later at hi.
        var naive = DateTime.SpecifyKind(skippedLocal, DateTimeKind.Utc);
        var lo = naive.AddHours(-26).Ticks;
        var hi = naive.AddHours(26).Ticks;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var instant = new DateTime(mid, DateTimeKind.Utc);
            if (instant + TimeZone.GetUtcOffset(instant) >= skippedLocal)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return new DateTime(lo, DateTimeKind.Utc);
    }

    private static DateTime AsUtc(DateTime value, string name) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        // Instants are stored as UTC; a provider may hand one back without its kind.
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Expected a UTC instant, not a local time.", name),
    };
}
