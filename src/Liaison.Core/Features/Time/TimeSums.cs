using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>Time summed per engagement, person and month over a date range.</summary>
public static class TimeSums
{
    public sealed record Cell(
        Guid EngagementId, Guid StaffId, Guid AccountId, DateOnly Month, long Minutes, long BillableMinutes, long CostUnits, long BillableUnits, long ValueUnits);

    /// <summary>Sums entries per engagement, person and month in the database: the shape of a rollup row.</summary>
    public static async Task<List<Cell>> ByMonthAsync(IQueryable<TimeEntry> entries, CancellationToken ct)
    {
        var sums = await entries
            .GroupBy(t => new { t.EngagementId, t.StaffId, t.AccountId, t.Date.Year, t.Date.Month })
            .Select(g => new
            {
                g.Key,
                Minutes = g.Sum(t => (long)t.Minutes),
                BillableMinutes = g.Sum(t => t.Billable ? (long)t.Minutes : 0L),
                CostUnits = g.Sum(t => t.Minutes * t.CostRate),
                BillableUnits = g.Sum(t => t.Billable ? t.Minutes * t.BillRate : 0L),
                ValueUnits = g.Sum(t => t.Minutes * t.BillRate),
            })
            .ToListAsync(ct);
        return [.. sums.Select(p => new Cell(p.Key.EngagementId, p.Key.StaffId, p.Key.AccountId, new DateOnly(p.Key.Year, p.Key.Month, 1),
            p.Minutes, p.BillableMinutes, p.CostUnits, p.BillableUnits, p.ValueUnits))];
    }

    /// <summary>
    /// Whole months of the range come from the rollups; the partial first and last months are summed
    /// from their entries (at most two months of one engagement's days).
    /// </summary>
    public static async Task<List<Cell>> InRangeAsync(LiaisonDb db, IReadOnlyCollection<Guid> engagementIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var firstWhole = from.Day == 1 ? from : Money.MonthOf(from).AddMonths(1);
        var afterLastWhole = to.AddDays(1).Day == 1 ? to.AddDays(1) : Money.MonthOf(to);
        var cells = new List<Cell>();
        if (firstWhole < afterLastWhole)
        {
            cells.AddRange(await db.TimeRollups.AsNoTracking()
                .Where(r => engagementIds.Contains(r.EngagementId) && r.Month >= firstWhole && r.Month < afterLastWhole)
                .Select(r => new Cell(r.EngagementId, r.StaffId, r.AccountId, r.Month, r.Minutes, r.BillableMinutes, r.CostUnits, r.BillableUnits, r.ValueUnits))
                .ToListAsync(ct));
        }

        var edges = new List<(DateOnly From, DateOnly To)>();
        if (firstWhole >= afterLastWhole)
        {
            edges.Add((from, to));
        }
        else
        {
            if (from < firstWhole)
            {
                edges.Add((from, firstWhole.AddDays(-1)));
            }

            if (afterLastWhole <= to)
            {
                edges.Add((afterLastWhole, to));
            }
        }

        foreach (var (start, end) in edges)
        {
            cells.AddRange(await ByMonthAsync(db.TimeEntries.AsNoTracking()
                .Where(t => engagementIds.Contains(t.EngagementId) && t.Date >= start && t.Date <= end), ct));
        }

        return cells;
    }
}
