using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Liaison.Core.Common;

namespace Liaison.Core.Features.Meetings;

/// <summary>What a calendar entry shows of a meeting: never its internal notes.</summary>
public sealed record CalendarMeeting(
    Guid Id, string Title, string AccountName, MeetingType Type, DateTime StartsAt, string TimeZone, int DurationMinutes,
    string? Location, string? Agenda, MeetingStatus Status, long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Meetings as iCalendar (RFC 5545): one file per meeting, or a feed of many.</summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar";

    public static CalendarMeeting Describe(Meeting m, string accountName) => new(
        m.Id, m.Title, accountName, m.Type, m.StartsAt, m.TimeZone, m.DurationMinutes, m.Location, m.Agenda, m.Status, m.Version,
        m.CreatedAt, m.UpdatedAt);

    public static string Write(string name, IEnumerable<CalendarMeeting> meetings)
    {
        var calendar = new Calendar { ProductId = "-//Liaison//Account meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in meetings)
        {
            var zone = MeetingRules.FindZone(m.TimeZone);
            var utc = zone is null || zone.Id is "UTC" or "Etc/UTC";
            if (!utc && zones.Add(zone!.Id))
            {
                calendar.AddTimeZone(new VTimeZone(zone.Id));
            }

            CalDateTime At(DateTime instant) => utc
                ? new CalDateTime(instant, CalDateTime.UtcTzId)
                : new CalDateTime(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(instant, zone!), DateTimeKind.Unspecified), zone!.Id);

            var link = MeetingRules.LooksLikeLink(m.Location) ? MeetingRules.AsLink(m.Location) : null;
            var agenda = RichText.ToPlainText(m.Agenda);
            var description = $"{m.AccountName} · {Label(m.Type)}" + (agenda.Length > 0 ? $"\n\n{agenda}" : "");
            var entry = new CalendarEvent
            {
                Uid = $"meeting-{m.Id}@liaison",
                Summary = m.Title,
                Description = description,
                Location = m.Location,
                Url = link,
                DtStart = At(m.StartsAt),
                DtEnd = At(m.StartsAt.AddMinutes(m.DurationMinutes)),
                DtStamp = new CalDateTime(m.UpdatedAt, CalDateTime.UtcTzId),
                Created = new CalDateTime(m.CreatedAt, CalDateTime.UtcTzId),
                LastModified = new CalDateTime(m.UpdatedAt, CalDateTime.UtcTzId),
                // Calendar apps replace an entry only when its sequence grows; the version always does.
                Sequence = (int)Math.Min(m.Version, int.MaxValue),
                Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Label(MeetingType type) => type switch
    {
        MeetingType.AccountReview => "Account review",
        MeetingType.Qbr => "Quarterly business review",
        MeetingType.Kickoff => "Kick-off",
        _ => type.ToString(),
    };
}
