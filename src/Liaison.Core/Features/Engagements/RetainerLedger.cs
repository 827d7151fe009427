using Liaison.Core.Features.Time;

namespace Liaison.Core.Features.Engagements;

/// <param name="AllowanceMinutes">The period's own hours plus what rolled in.</param>
/// <param name="RemainingMinutes">Allowance less used; negative when the period ran over.</param>
/// <param name="RolledOutMinutes">What carries into the next period.</param>
public sealed record RetainerPeriodLine(
    DateOnly Start, DateOnly End, long Fee, long AllowanceMinutes, long RolledInMinutes, long UsedMinutes,
    long RemainingMinutes, long RolledOutMinutes);

/// <summary>
/// The period ledger of a retainer. Periods start on the engagement's start date (the first of a
/// month) and last one or three months. Unused hours carry into the next period only, capped at
/// <c>rolloverPercent</c> of one period's hours; rolled-over hours are used first, so they never
/// roll twice.
/// </summary>
public static class RetainerLedger
{
    public static int MonthsPer(RetainerPeriod period) => period == RetainerPeriod.Quarterly ? 3 : 1;

    /// <summary>The periods from <paramref name="start"/> up to and including the one holding <paramref name="last"/>.</summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Periods(DateOnly start, DateOnly last, RetainerPeriod period)
    {
        var months = MonthsPer(period);
        var periods = new List<(DateOnly, DateOnly)>();
        for (var from = start; from <= last; from = from.AddMonths(months))
        {
            periods.Add((from, from.AddMonths(months).AddDays(-1)));
        }

        return periods;
    }

    /// <param name="usedByMonth">Minutes logged per month (first day of month).</param>
    public static IReadOnlyList<RetainerPeriodLine> Build(
        DateOnly start, DateOnly last, RetainerPeriod period, long minutesPerPeriod, long feePerPeriod, int rolloverPercent,
        IReadOnlyDictionary<DateOnly, long> usedByMonth)
    {
        var cap = Money.Share(minutesPerPeriod, rolloverPercent, 100);
        var lines = new List<RetainerPeriodLine>();
        long rolledIn = 0;
        foreach (var (from, to) in Periods(start, last, period))
        {
            long used = 0;
            for (var month = from; month <= to; month = month.AddMonths(1))
            {
                used += usedByMonth.GetValueOrDefault(month);
            }

            var allowance = minutesPerPeriod + rolledIn;
            var remaining = allowance - used;
            // Rolled-in hours are spent first: only the period's own unused hours may roll on.
            var ownUnused = Math.Max(0, Math.Min(remaining, minutesPerPeriod));
            var rolledOut = Math.Min(ownUnused, cap);
            lines.Add(new RetainerPeriodLine(from, to, feePerPeriod, allowance, rolledIn, used, remaining, rolledOut));
            rolledIn = rolledOut;
        }

        return lines;
    }
}
