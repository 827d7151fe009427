using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Liaison.Core.Common;
using Liaison.Core.Features.Meetings;
using Liaison.Web.Features.Engagements.Pages;

namespace Liaison.Web.Features.Meetings.Pages;

/// <summary>
/// A meeting as the user types it: a date and a wall-clock time in the meeting's zone, which Core
/// receives as one instant. Everything else goes to Core as typed, for Core to validate.
/// </summary>
public sealed class MeetingForm : IValidatableObject
{
    public string Title { get; set; } = "";

    public MeetingType Type { get; set; } = MeetingType.Status;

    public DateOnly? Date { get; set; }

    /// <summary>"HH:mm", as a time input gives it.</summary>
    public string? Time { get; set; } = "10:00";

    public string? TimeZone { get; set; } = "UTC";

    public int DurationMinutes { get; set; } = 60;

    public string? Location { get; set; }

    public IReadOnlyCollection<Guid> StakeholderIds { get; set; } = [];

    public IReadOnlyCollection<Guid> StaffIds { get; set; } = [];

    public string? Agenda { get; set; }

    public string? Notes { get; set; }

    public List<TextRow> Decisions { get; set; } = [];

    public bool ReviewsPlan { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    /// <summary>A new meeting: the next working day at 10:00 in the given zone, the signed-in person attending.</summary>
    public static MeetingForm New(DateTimeOffset now, string timeZone, Guid? staffId)
    {
        var zone = MeetingRules.FindZone(timeZone) ?? TimeZoneInfo.Utc;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return new MeetingForm { Date = day, Time = "10:00", TimeZone = zone.Id, StaffIds = staffId is { } id ? [id] : [] };
    }

    public static MeetingForm From(MeetingView m) => new()
    {
        Title = m.Title,
        Type = m.Type,
        Date = DateOnly.FromDateTime(m.LocalStartsAt),
        Time = m.LocalStartsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZone = m.TimeZone,
        DurationMinutes = m.DurationMinutes,
        Location = m.Location,
        StakeholderIds = [.. m.Stakeholders.Select(s => s.Id)],
        StaffIds = [.. m.Staff.Select(s => s.Id)],
        Agenda = m.Agenda,
        Notes = m.Notes,
        Decisions = [.. m.Decisions.Select(d => new TextRow { Text = d })],
        ReviewsPlan = m.ReviewsPlan,
        Status = m.Status,
    };

    public T ToInput<T>() where T : MeetingInput, new() => new()
    {
        Title = Title,
        Type = Type,
        StartsAt = StartsAt(),
        TimeZone = TimeZone ?? "",
        DurationMinutes = DurationMinutes,
        Location = Location,
        StakeholderIds = [.. StakeholderIds],
        StaffIds = [.. StaffIds],
        Agenda = Agenda,
        Notes = Notes,
        Decisions = [.. Decisions.Select(d => d.Text?.Trim()).Where(d => !string.IsNullOrEmpty(d)).OfType<string>()],
        ReviewsPlan = ReviewsPlan,
        Status = Status,
    };

    /// <summary>Core names the instant; the form shows it on the date.</summary>
    public static Error Rename(Error error) => error.Fields is not { } fields
        ? error
        : error with { Fields = fields.GroupBy(f => f.Key == "startsAt" ? "date" : f.Key).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Value).ToArray()) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date is null)
        {
            yield return new ValidationResult("Choose the day of the meeting.", [nameof(Date)]);
        }

        if (ParseTime() is null)
        {
            yield return new ValidationResult("Give the start time as hours and minutes, such as 10:00.", [nameof(Time)]);
        }
        else if (Date is not null && MeetingRules.FindZone(TimeZone) is { } zone && zone.IsInvalidTime(LocalStart()))
        {
            yield return new ValidationResult($"{Time} does not exist on that day in {zone.Id}: the clocks change. Choose another time.", [nameof(Time)]);
        }
    }

    private TimeOnly? ParseTime() =>
        TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private DateTime LocalStart() => Date!.Value.ToDateTime(ParseTime()!.Value, DateTimeKind.Unspecified);

    /// <summary>The start as an instant, read at the wall time of the chosen zone; null until date, time and zone make sense.</summary>
    private DateTimeOffset? StartsAt()
    {
        if (Date is null || ParseTime() is null)
        {
            return null;
        }

        var local = LocalStart();
        var zone = MeetingRules.FindZone(TimeZone) ?? TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
