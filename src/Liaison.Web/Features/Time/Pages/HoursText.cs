using System.Globalization;
using System.Text.RegularExpressions;
using Liaison.Core.Features.Time;

namespace Liaison.Web.Features.Time.Pages;

/// <summary>
/// Reads time as people type it: "1.5" or "1,5" hours, "1:30", "90m", "2h", "2h 30m"; blank is zero.
/// Core keeps minutes; this only turns text into minutes and back.
/// </summary>
public static partial class HoursText
{
    public const string Hint = "Hours like 1.5, 1:30 or 90m.";

    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        var value = text?.Trim().ToLowerInvariant() ?? "";
        if (value.Length == 0)
        {
            return true;
        }

        if (Clock().Match(value) is { Success: true } clock)
        {
            var m = int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture);
            return m < 60 && TryMinutes(long.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + m, out minutes);
        }

        if (Minutes().Match(value) is { Success: true } only)
        {
            return TryMinutes(long.Parse(only.Groups[1].Value, CultureInfo.InvariantCulture), out minutes);
        }

        if (HoursAndMinutes().Match(value) is { Success: true } both)
        {
            var m = both.Groups[2].Success ? int.Parse(both.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            return m < 60 && TryMinutes(long.Parse(both.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + m, out minutes);
        }

        if (DecimalHours().Match(value) is { Success: true } number
            && decimal.TryParse(number.Groups[1].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            && hours < 1_000_000)
        {
            return TryMinutes((long)Math.Round(hours * 60, MidpointRounding.AwayFromZero), out minutes);
        }

        return false;
    }

    /// <summary>Minutes as "1:30"; blank for zero when <paramref name="blankZero"/>.</summary>
    public static string Format(long minutes, bool blankZero = true) => minutes == 0 && blankZero ? "" : Money.Hours(minutes);

    /// <summary>Minutes as a decimal number of hours, e.g. 2250 → "37.5".</summary>
    public static string Decimal(long minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    private static bool TryMinutes(long value, out int minutes)
    {
        minutes = value is >= 0 and <= int.MaxValue ? (int)value : 0;
        return value is >= 0 and <= int.MaxValue;
    }

    [GeneratedRegex(@"^(\d{1,6}):(\d{1,2})$")]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(\d{1,7})\s*m(in)?$")]
    private static partial Regex Minutes();

    [GeneratedRegex(@"^(\d{1,6})\s*h\s*(?:(\d{1,2})\s*m?)?$")]
    private static partial Regex HoursAndMinutes();

    [GeneratedRegex(@"^(\d{0,6}(?:[.,]\d{1,4})?)\s*(h|hrs?|hours?)?$")]
    private static partial Regex DecimalHours();
}
