namespace Liaison.Core.Features.Communications;

/// <summary>
/// Typical and worst-case reply times. Percentiles interpolate linearly between the two nearest
/// ranks (the "inclusive" method of Excel's PERCENTILE.INC and NumPy's default): the median of an
/// even count is the mean of the middle two, and small samples do not jump from value to value.
/// </summary>
public static class ReplyStatistics
{
    /// <summary>The 50th percentile, or null when there are no replies.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> durations) => Percentile(durations, 50);

    /// <summary>The 90th percentile, or null when there are no replies.</summary>
    public static TimeSpan? Percentile90(IEnumerable<TimeSpan> durations) => Percentile(durations, 90);

    /// <param name="percent">From 0 (the shortest) to 100 (the longest).</param>
    public static TimeSpan? Percentile(IEnumerable<TimeSpan> durations, decimal percent)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);

        var sorted = durations.Select(d => d.Ticks).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        // Decimal keeps the interpolation exact to the tick, where double would lose the low bits.
        var rank = percent / 100m * (sorted.Length - 1);
        var below = (int)decimal.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = rank - below;
        var ticks = sorted[below] + ((sorted[above] - sorted[below]) * fraction);
        return TimeSpan.FromTicks((long)decimal.Round(ticks, MidpointRounding.AwayFromZero));
    }
}
