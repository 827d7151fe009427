namespace Liaison.Core.Features.Engagements;

/// <param name="Used">Consumed so far, in the budget's unit (minutes, or minor units of money).</param>
/// <param name="AtCompletion">Used plus the recent daily burn carried to the end date.</param>
public sealed record BurnForecast(long Used, long Budget, decimal? BurnPercent, decimal? ElapsedPercent, long AtCompletion, bool Overrun);

/// <summary>Budget burn beside time elapsed, and where the recent burn rate ends up.</summary>
public static class Forecast
{
    /// <summary>The window the recent burn rate is measured over.</summary>
    public const int RecentDays = 28;

    /// <param name="recent">Consumed in the <see cref="RecentDays"/> days up to <paramref name="today"/>.</param>
    public static BurnForecast Project(long used, long budget, long recent, DateOnly? start, DateOnly? end, DateOnly today)
    {
        decimal? elapsed = null;
        long atCompletion = used;
        if (start is { } s && end is { } e && e >= s)
        {
            var total = e.DayNumber - s.DayNumber + 1;
            var gone = Math.Clamp(today.DayNumber - s.DayNumber + 1, 0, total);
            elapsed = Math.Round(gone * 100m / total, 1, MidpointRounding.AwayFromZero);
            var daysLeft = total - gone;
            atCompletion = used + (long)Math.Round(recent * (decimal)daysLeft / RecentDays, MidpointRounding.AwayFromZero);
        }

        var burn = budget > 0 ? Math.Round(used * 100m / budget, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
        return new BurnForecast(used, budget, burn, elapsed, atCompletion, budget > 0 && atCompletion > budget);
    }
}
