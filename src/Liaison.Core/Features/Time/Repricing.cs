using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Re-applies rates to logged time after a rate or rate card changes, then rebuilds the rollups of
/// the engagements touched. Entries in locked months keep their prices.
/// </summary>
internal static class Repricing
{
    public static async Task RepriceAsync(LiaisonDb db, Guid? staffId, Guid? engagementId, DateOnly? from, CancellationToken ct)
    {
        var locked = await db.MonthLocks.Select(l => l.Month).ToListAsync(ct);
        var query = db.TimeEntries.AsQueryable();
        if (staffId is { } s)
        {
            query = query.Where(t => t.StaffId == s);
        }

        if (engagementId is { } e)
        {
            query = query.Where(t => t.EngagementId == e);
        }

        if (from is { } day)
        {
            query = query.Where(t => t.Date >= day);
        }

        var entries = (await query.ToListAsync(ct)).Where(t => !locked.Contains(Money.MonthOf(t.Date))).ToList();
        var touched = new HashSet<Guid>();
        foreach (var group in entries.GroupBy(t => t.EngagementId))
        {
            var price = await TimeRules.PricingAsync(db, group.Key, [.. group.Select(t => t.StaffId).Distinct()], ct);
            foreach (var t in group)
            {
                var (cost, bill) = price(t.StaffId, t.Date);
                if (t.CostRate != cost || t.BillRate != bill)
                {
                    (t.CostRate, t.BillRate) = (cost, bill);
                    touched.Add(t.EngagementId);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await Rollups.RebuildAsync(db, touched, ct);
    }
}
