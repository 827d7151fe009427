using System.Globalization;
using Liaison.Core.Features.Meetings;

namespace Liaison.Web.Features.Meetings.Pages;

/// <summary>How meeting times read on screen: always at the wall time of the meeting's own time zone.</summary>
public static class MeetingText
{
    private static readonly Lazy<IReadOnlyList<string>> AllZones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)]);

    /// <summary>The IANA zones this server knows, for the time-zone picker.</summary>
    public static IReadOnlyList<string> Zones => AllZones.Value;

    public static DateTime Local(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), MeetingRules.FindZone(timeZone) ?? TimeZoneInfo.Utc);

    /// <summary>"Tue 3 Mar 2026, 10:00–11:00 (Europe/London)".</summary>
    public static string When(DateTime startsAt, DateTime endsAt, string timeZone)
    {
        var start = Local(startsAt, timeZone);
        var end = Local(endsAt, timeZone);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : end.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        return $"{start.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)}–{endText} ({timeZone})";
    }

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    /// <summary>A location the user meant as a link, as a safe http(s) address; null for a place.</summary>
    public static string? Link(string? location) =>
        MeetingRules.LooksLikeLink(location) ? MeetingRules.AsLink(location)?.AbsoluteUri : null;
}
