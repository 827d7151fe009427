using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Keeps <see cref="TimeRollup"/> rows equal to the sum of their entries. Changes add signed deltas
/// with one atomic upsert per cell inside the caller's transaction, so concurrent writers to the
/// same cell cannot lose each other's minutes; <see cref="RebuildAsync"/> recomputes cells from the
/// entries and may be run any number of times.
/// </summary>
public static class Rollups
{
    private const string UpsertSql = """
        INSERT INTO "TimeRollups" ("EngagementId", "StaffId", "Month", "AccountId", "Minutes", "BillableMinutes", "CostUnits", "BillableUnits", "ValueUnits")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})
        ON CONFLICT ("EngagementId", "StaffId", "Month") DO UPDATE SET
            "Minutes" = "TimeRollups"."Minutes" + excluded."Minutes",
            "BillableMinutes" = "TimeRollups"."BillableMinutes" + excluded."BillableMinutes",
            "CostUnits" = "TimeRollups"."CostUnits" + excluded."CostUnits",
            "BillableUnits" = "TimeRollups"."BillableUnits" + excluded."BillableUnits",
            "ValueUnits" = "TimeRollups"."ValueUnits" + excluded."ValueUnits"
        """;

    /// <summary>The part of a time entry a rollup sums, captured before and after a change.</summary>
    public readonly record struct Contribution(
        Guid AccountId, Guid EngagementId, Guid StaffId, DateOnly Date, int Minutes, bool Billable, long CostRate, long BillRate)
    {
        public static Contribution Of(TimeEntry t) =>
            new(t.AccountId, t.EngagementId, t.StaffId, t.Date, t.Minutes, t.Billable, t.CostRate, t.BillRate);
    }

    /// <summary>Adds <paramref name="added"/> and takes away <paramref name="removed"/>; call inside the transaction that saved them.</summary>
    public static async Task ApplyAsync(LiaisonDb db, IEnumerable<Contribution> added, IEnumerable<Contribution> removed, CancellationToken ct)
    {
        var deltas = added.Select(c => (c, Sign: 1L)).Concat(removed.Select(c => (c, Sign: -1L)))
            .GroupBy(x => (x.c.EngagementId, x.c.StaffId, Month: Money.MonthOf(x.c.Date)))
            .Select(g => new TimeRollup
            {
                EngagementId = g.Key.EngagementId,
                StaffId = g.Key.StaffId,
                Month = g.Key.Month,
                AccountId = g.First().c.AccountId,
                Minutes = g.Sum(x => x.Sign * x.c.Minutes),
                BillableMinutes = g.Sum(x => x.c.Billable ? x.Sign * x.c.Minutes : 0),
                CostUnits = g.Sum(x => x.Sign * Money.Units(x.c.Minutes, x.c.CostRate)),
                BillableUnits = g.Sum(x => x.c.Billable ? x.Sign * Money.Units(x.c.Minutes, x.c.BillRate) : 0),
                ValueUnits = g.Sum(x => x.Sign * Money.Units(x.c.Minutes, x.c.BillRate)),
            })
            .Where(r => r.Minutes != 0 || r.BillableMinutes != 0 || r.CostUnits != 0 || r.ValueUnits != 0 || r.BillableUnits != 0)
            .OrderBy(r => r.EngagementId).ThenBy(r => r.StaffId).ThenBy(r => r.Month);

        // Keys go in as the provider stores them: SQLite keeps GUIDs and dates as text.
        var sqlite = db.Database.IsSqlite();
        foreach (var r in deltas)
        {
            await db.Database.ExecuteSqlRawAsync(UpsertSql,
                [Key(r.EngagementId, sqlite), Key(r.StaffId, sqlite), sqlite ? r.Month.ToString("yyyy-MM-dd") : r.Month,
                 Key(r.AccountId, sqlite), r.Minutes, r.BillableMinutes, r.CostUnits, r.BillableUnits, r.ValueUnits], ct);
        }
    }

    /// <summary>Recomputes every rollup cell of the engagements from their entries.</summary>
    public static async Task RebuildAsync(LiaisonDb db, IReadOnlyCollection<Guid> engagementIds, CancellationToken ct)
    {
        foreach (var chunk in engagementIds.Chunk(500))
        {
            await db.TimeRollups.Where(r => chunk.Contains(r.EngagementId)).ExecuteDeleteAsync(ct);
            var cells = await TimeSums.ByMonthAsync(db.TimeEntries.AsNoTracking().Where(t => chunk.Contains(t.EngagementId)), ct);
            db.TimeRollups.AddRange(cells.Select(c => new TimeRollup
            {
                EngagementId = c.EngagementId,
                StaffId = c.StaffId,
                AccountId = c.AccountId,
                Month = c.Month,
                Minutes = c.Minutes,
                BillableMinutes = c.BillableMinutes,
                CostUnits = c.CostUnits,
                BillableUnits = c.BillableUnits,
                ValueUnits = c.ValueUnits,
            }));
            await db.SaveChangesAsync(ct);
        }
    }

    private static object Key(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;
}
