using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Revenue, cost and margin per engagement and per account for a date range. Whole months come from
/// the monthly rollups; only the partial months at the edges of a range read entries, through the
/// (engagement, date) index, so the cost of a report does not grow with the years of history.
/// </summary>
public sealed class ProfitabilityService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    /// <summary>The longest range one report covers; a wider one would be a portfolio export.</summary>
    public const int MaxMonths = 60;

    public async Task<Result<EngagementProfitability>> ForEngagementAsync(
        CurrentUser user, Guid id, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).Include(e => e.Milestones)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        if (!EngagementAccess.CanSeeMoney(user))
        {
            return Error.Forbidden("Profitability is visible to admins, account managers and project managers.");
        }

        var today = Today();
        var range = Range(from ?? engagement.StartDate ?? Money.MonthOf(today), to ?? engagement.EndDate ?? today);
        if (!range.IsSuccess)
        {
            return range.Error;
        }

        var results = await ComputeAsync(db, [engagement], range.Value.From, range.Value.To, today, detailed: true, ct);
        return results[0];
    }

    public async Task<Result<AccountProfitability>> ForAccountAsync(
        CurrentUser user, Guid accountId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (!EngagementAccess.CanSeeMoney(user))
        {
            return Error.Forbidden("Profitability is visible to admins, account managers and project managers.");
        }

        var today = Today();
        var range = Range(from ?? new DateOnly(today.Year, 1, 1), to ?? new DateOnly(today.Year, 12, 31));
        if (!range.IsSuccess)
        {
            return range.Error;
        }

        var (start, end) = range.Value;
        var engagements = await db.Engagements.AsNoTracking().Include(e => e.Milestones)
            .Where(e => e.AccountId == accountId && e.Status != EngagementStatus.Draft && e.Status != EngagementStatus.Cancelled)
            .Where(e => (e.StartDate == null || e.StartDate <= end) && (e.EndDate == null || e.EndDate >= start))
            .OrderBy(e => e.Name).AsSplitQuery().ToListAsync(ct);
        var lines = await ComputeAsync(db, engagements, start, end, today, detailed: false, ct);
        var months = lines.SelectMany(l => l.Months).GroupBy(m => m.Month).OrderBy(g => g.Key)
            .Select(g => new MonthFigures(g.Key, g.Sum(m => m.Revenue), g.Sum(m => m.Cost), g.Sum(m => m.Margin), g.Sum(m => m.Minutes)))
            .ToList();
        var revenue = lines.Sum(l => l.Revenue);
        var cost = lines.Sum(l => l.Cost);
        return new AccountProfitability(account.Id, account.Name, start, end, revenue, cost, revenue - cost,
            Money.Percent(revenue - cost, revenue), lines.Sum(l => l.Minutes), months, lines);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static Result<(DateOnly From, DateOnly To)> Range(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return Error.Invalid("to", "The end of the range is before its start.");
        }

        return (to.Year - from.Year) * 12 + to.Month - from.Month >= MaxMonths
            ? Error.Invalid("to", $"A report covers at most {MaxMonths} months.")
            : (from, to);
    }

    private static async Task<List<EngagementProfitability>> ComputeAsync(
        LiaisonDb db, List<Engagement> engagements, DateOnly from, DateOnly to, DateOnly today, bool detailed, CancellationToken ct)
    {
        var ids = engagements.Select(e => e.Id).ToList();
        var time = await TimeSums.InRangeAsync(db, ids, from, to, ct);
        var expenses = await db.Expenses.AsNoTracking().Where(x => ids.Contains(x.EngagementId) && x.Date >= from && x.Date <= to)
            .GroupBy(x => new { x.EngagementId, x.Date.Year, x.Date.Month })
            .Select(g => new { g.Key.EngagementId, g.Key.Year, g.Key.Month, All = g.Sum(x => x.Amount), Billable = g.Sum(x => x.Billable ? x.Amount : 0) })
            .ToListAsync(ct);
        var readings = await db.ProgressReadings.AsNoTracking().Where(r => ids.Contains(r.EngagementId)).ToListAsync(ct);
        var names = detailed
            ? await db.Staff.AsNoTracking().Where(s => time.Select(t => t.StaffId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct)
            : [];

        // Everything per engagement is read up front in a few queries, so the cost follows the number of
        // queries, not the number of engagements (an account can have hundreds).
        var allMonths = await db.TimeRollups.AsNoTracking().Where(r => ids.Contains(r.EngagementId))
            .GroupBy(r => new { r.EngagementId, r.Month })
            .Select(g => new { g.Key.EngagementId, g.Key.Month, Minutes = g.Sum(r => r.Minutes), Value = g.Sum(r => r.ValueUnits) })
            .ToListAsync(ct);
        var monthsOf = allMonths.ToLookup(m => m.EngagementId);
        var recent = await BudgetService.RecentAsync(db, ids, today, ct);
        var cellsOf = time.ToLookup(t => t.EngagementId);
        var expensesOf = expenses.ToLookup(x => x.EngagementId);
        var readingsOf = readings.ToLookup(r => r.EngagementId);

        var results = new List<EngagementProfitability>();
        foreach (var e in engagements)
        {
            var cells = cellsOf[e.Id].ToList();
            var months = new List<MonthFigures>();
            for (var month = Money.MonthOf(from); month <= to; month = month.AddMonths(1))
            {
                var first = month < from ? from : month;
                var last = month.AddMonths(1).AddDays(-1) > to ? to : month.AddMonths(1).AddDays(-1);
                var inMonth = cells.Where(c => c.Month == month).ToList();
                var spent = expensesOf[e.Id].FirstOrDefault(x => x.Year == month.Year && x.Month == month.Month);
                var timeCost = Money.FromUnits(inMonth.Sum(c => c.CostUnits));
                var revenue = e.Type switch
                {
                    EngagementType.TimeAndMaterials => Money.FromUnits(inMonth.Sum(c => c.BillableUnits)) + (spent?.Billable ?? 0),
                    EngagementType.FixedFee => Recognition.InRange(day => e.Budget.Recognition == RevenueRecognition.Milestones
                        ? Recognition.ByMilestones(e.Budget.FixedFee ?? 0, e.Milestones, day)
                        : Recognition.ByPercentComplete(e.Budget.FixedFee ?? 0, readingsOf[e.Id], day), first, last),
                    _ => RetainerFees(e, first, last),
                };
                var cost = timeCost + (spent?.All ?? 0);
                months.Add(new MonthFigures(month, revenue, cost, revenue - cost, inMonth.Sum(c => c.Minutes)));
            }

            var totalRevenue = months.Sum(m => m.Revenue);
            var totalTimeCost = months.Sum(m => m.Cost) - expensesOf[e.Id].Sum(x => x.All);
            var totalCost = months.Sum(m => m.Cost);
            var byMonth = monthsOf[e.Id].ToDictionary(m => m.Month, m => (m.Minutes, m.Value));
            var (burn, _) = BudgetService.Burn(e, today, byMonth, recent.GetValueOrDefault(e.Id));
            results.Add(new EngagementProfitability(
                e.Id, e.AccountId, e.Name, e.Type, from, to, totalRevenue, totalTimeCost, totalCost - totalTimeCost, totalCost,
                totalRevenue - totalCost, Money.Percent(totalRevenue - totalCost, totalRevenue), cells.Sum(c => c.Minutes),
                cells.Sum(c => c.BillableMinutes), EngagementRules.UnitOf(e.Type), burn, months,
                detailed ? BurnUp(e, byMonth) : [],
                detailed
                    ? [.. cells.GroupBy(c => c.StaffId).Select(g => new StaffFigures(g.Key, names.GetValueOrDefault(g.Key) ?? "", g.Sum(c => c.Minutes),
                        g.Sum(c => c.BillableMinutes), Money.FromUnits(g.Sum(c => c.CostUnits)), Money.FromUnits(g.Sum(c => c.BillableUnits))))
                        .OrderByDescending(s => s.Minutes)]
                    : []));
        }

        return results;
    }

    /// <summary>Retainer revenue: the fee of every period that starts within the range.</summary>
    private static long RetainerFees(Engagement e, DateOnly first, DateOnly last)
    {
        if (e.StartDate is not { } start || e.Budget.RetainerFeePerPeriod is not { } fee)
        {
            return 0;
        }

        var periods = RetainerLedger.Periods(start, e.EndDate is { } end && end < last ? end : last, e.Budget.RetainerPeriod);
        return periods.Count(p => p.Start >= first && p.Start <= last) * fee;
    }

    /// <summary>Cumulative consumption by month from the first month with time, against the budget.</summary>
    private static List<BurnPoint> BurnUp(Engagement e, Dictionary<DateOnly, (long Minutes, long Value)> byMonth)
    {
        if (byMonth.Count == 0)
        {
            return [];
        }

        var points = new List<BurnPoint>();
        long cumulative = 0;
        var budget = EngagementRules.BudgetedAmount(e);
        var first = e.StartDate is { } s ? Money.MonthOf(s) : byMonth.Keys.Min();
        var last = byMonth.Keys.Max();
        var periodsSoFar = 0;
        for (var month = first < byMonth.Keys.Min() ? first : byMonth.Keys.Min(); month <= last; month = month.AddMonths(1))
        {
            var (minutes, value) = byMonth.GetValueOrDefault(month);
            var consumed = EngagementRules.Consumed(e.Type, minutes, value);
            cumulative += consumed;
            if (e.Type == EngagementType.Retainer && e.StartDate is { } start
                && (month.Year - start.Year) * 12 + month.Month - start.Month is var offset && offset >= 0
                && offset % RetainerLedger.MonthsPer(e.Budget.RetainerPeriod) == 0)
            {
                periodsSoFar++;
            }

            points.Add(new BurnPoint(month, consumed, cumulative, e.Type == EngagementType.Retainer ? budget * periodsSoFar : budget));
        }

        return points;
    }
}
