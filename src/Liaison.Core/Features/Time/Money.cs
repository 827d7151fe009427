namespace Liaison.Core.Features.Time;

/// <summary>
/// The arithmetic of money and time. Money is <c>long</c> minor units (cents), time is minutes,
/// rates are minor units per hour. Products of minutes and rates ("units") are summed exactly and
/// divided by 60 once, rounding half away from zero, so no cent is lost to per-entry rounding.
/// </summary>
public static class Money
{
    public static long Units(long minutes, long ratePerHour) => checked(minutes * ratePerHour);

    /// <summary>Minute-rate units to minor units of money.</summary>
    public static long FromUnits(long units) => (long)Math.Round(units / 60m, MidpointRounding.AwayFromZero);

    /// <summary>part ÷ whole as a percentage with one decimal; null when there is no whole to divide by.</summary>
    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>amount × numerator ÷ denominator, rounded half away from zero.</summary>
    public static long Share(long amount, long numerator, long denominator) =>
        denominator == 0 ? 0 : (long)Math.Round(amount * (decimal)numerator / denominator, MidpointRounding.AwayFromZero);

    /// <summary>Minor units as a plain amount with two decimals, e.g. 1234567 → "12,345.67".</summary>
    public static string Format(long minor) => (minor / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Minutes as hours and minutes, e.g. 90 → "1:30".</summary>
    public static string Hours(long minutes) => $"{(minutes < 0 ? "-" : "")}{Math.Abs(minutes) / 60}:{Math.Abs(minutes) % 60:00}";

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The Monday of the ISO week the day falls in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
