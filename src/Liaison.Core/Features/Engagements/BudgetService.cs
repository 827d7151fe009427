using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Engagements;

/// <summary>The budget of an engagement, its burn and forecast, and a retainer's period ledger.</summary>
public sealed class BudgetService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<BudgetView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        return EngagementAccess.CanSeeMoney(user)
            ? await ToViewAsync(db, engagement, Today(), ct)
            : Error.Forbidden("Budgets are visible to admins, account managers and project managers.");
    }

    public async Task<Result<BudgetView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, BudgetInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.VisibleTo(db, user).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        if (!EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers set budgets.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && engagement.Version != version)
        {
            return Error.Stale("The engagement");
        }

        if (engagement.Type == EngagementType.Retainer && engagement.StartDate is { Day: not 1 })
        {
            return Error.Invalid("retainerPeriod", "A retainer's periods start on the first of a month; move the start date to the 1st.");
        }

        var card = input.RateCard ?? [];
        var staffIds = card.Select(l => l.StaffId).OfType<Guid>().ToList();
        if (staffIds.Count > 0 && await db.Staff.CountAsync(s => staffIds.Contains(s.Id), ct) != staffIds.Count)
        {
            return Error.Invalid("rateCard", "A rate card line names someone who is not on the staff.");
        }

        engagement.Budget = new Budget
        {
            FixedFee = input.FixedFee,
            Recognition = input.Recognition,
            HoursCapMinutes = input.HoursCapMinutes,
            RetainerPeriod = input.RetainerPeriod,
            RetainerMinutesPerPeriod = input.RetainerMinutesPerPeriod,
            RetainerFeePerPeriod = input.RetainerFeePerPeriod,
            RolloverPercent = input.RolloverPercent,
            PercentComplete = engagement.Budget.PercentComplete,
        };

        var existing = await db.RateCardLines.Where(l => l.EngagementId == id).ToListAsync(ct);
        var cardChanged = existing.Count != card.Count || existing.Any(l => !card.Any(c =>
            c.StaffId == l.StaffId && c.Discipline == (l.StaffId is null ? l.Discipline : null) && c.BillRate == l.BillRate));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (cardChanged)
        {
            db.RateCardLines.RemoveRange(existing);
            db.RateCardLines.AddRange(card.Select(l => new RateCardLine
            {
                EngagementId = id, StaffId = l.StaffId, Discipline = l.StaffId is null ? l.Discipline : null, BillRate = l.BillRate,
            }));
        }

        if (await db.TrySaveAsync("The engagement", ct) is { } stale)
        {
            return stale;
        }

        if (cardChanged)
        {
            await Repricing.RepriceAsync(db, staffId: null, engagementId: id, from: null, ct);
        }

        await transaction.CommitAsync(ct);
        return await ToViewAsync(db, engagement, Today(), ct);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal static async Task<BudgetView> ToViewAsync(LiaisonDb db, Engagement e, DateOnly today, CancellationToken ct)
    {
        var card = await (from l in db.RateCardLines.AsNoTracking()
                          where l.EngagementId == e.Id
                          join s in db.Staff on l.StaffId equals s.Id into people
                          from s in people.DefaultIfEmpty()
                          select new RateCardLineView(l.StaffId, s != null ? s.FullName : null, l.Discipline, l.BillRate)).ToListAsync(ct);
        var months = await db.TimeRollups.AsNoTracking().Where(r => r.EngagementId == e.Id)
            .GroupBy(r => r.Month).Select(g => new { Month = g.Key, Minutes = g.Sum(r => r.Minutes), Value = g.Sum(r => r.ValueUnits) })
            .ToListAsync(ct);
        var (burn, ledger) = await BurnAsync(db, e, today, months.ToDictionary(m => m.Month, m => (m.Minutes, m.Value)), ct);
        var b = e.Budget;
        return new BudgetView(e.Id, e.Type, b.FixedFee, b.Recognition, b.HoursCapMinutes, b.RetainerPeriod, b.RetainerMinutesPerPeriod,
            b.RetainerFeePerPeriod, b.RolloverPercent, b.PercentComplete, card, EngagementRules.UnitOf(e.Type), burn, ledger, e.Version);
    }

    /// <summary>Burn and forecast in the budget's unit, and the retainer ledger up to today's period.</summary>
    internal static async Task<(BurnForecast? Burn, IReadOnlyList<RetainerPeriodLine> Ledger)> BurnAsync(
        LiaisonDb db, Engagement e, DateOnly today, IReadOnlyDictionary<DateOnly, (long Minutes, long Value)> byMonth, CancellationToken ct)
    {
        var recent = await RecentAsync(db, [e.Id], today, ct);
        return Burn(e, today, byMonth, recent.GetValueOrDefault(e.Id));
    }

    /// <summary>The time of the forecast's recent window (minutes, and minutes × bill rate) of each engagement, in one query.</summary>
    internal static async Task<Dictionary<Guid, (long Minutes, long Value)>> RecentAsync(
        LiaisonDb db, IReadOnlyCollection<Guid> engagementIds, DateOnly today, CancellationToken ct)
    {
        var recentFrom = today.AddDays(1 - Forecast.RecentDays);
        return await db.TimeEntries.AsNoTracking().Where(t => engagementIds.Contains(t.EngagementId) && t.Date >= recentFrom && t.Date <= today)
            .GroupBy(t => t.EngagementId).Select(g => new { g.Key, Minutes = g.Sum(t => (long)t.Minutes), Value = g.Sum(t => t.Minutes * t.BillRate) })
            .ToDictionaryAsync(g => g.Key, g => (g.Minutes, g.Value), ct);
    }

    /// <summary>Burn and forecast from the engagement's months and its recent time; no database.</summary>
    internal static (BurnForecast? Burn, IReadOnlyList<RetainerPeriodLine> Ledger) Burn(
        Engagement e, DateOnly today, IReadOnlyDictionary<DateOnly, (long Minutes, long Value)> byMonth, (long Minutes, long Value) recent)
    {
        var recentConsumed = e.Type == EngagementType.FixedFee ? Money.FromUnits(recent.Value) : recent.Minutes;
        var used = EngagementRules.Consumed(e.Type, byMonth.Values.Sum(m => m.Minutes), byMonth.Values.Sum(m => m.Value));

        if (e.Type != EngagementType.Retainer)
        {
            var budget = EngagementRules.BudgetedAmount(e);
            return (budget > 0 ? Forecast.Project(used, budget, recentConsumed, e.StartDate, e.EndDate, today) : null, []);
        }

        if (e.StartDate is not { } start || e.Budget.RetainerMinutesPerPeriod is not { } perPeriod)
        {
            return (null, []);
        }

        var last = e.EndDate is { } end && end < today ? end : today;
        var ledger = RetainerLedger.Build(start, last < start ? start : last, e.Budget.RetainerPeriod, perPeriod,
            e.Budget.RetainerFeePerPeriod ?? 0, e.Budget.RolloverPercent, byMonth.ToDictionary(m => m.Key, m => m.Value.Minutes));
        var current = ledger[^1];
        return (Forecast.Project(current.UsedMinutes, current.AllowanceMinutes, recentConsumed, current.Start, current.End, today), ledger);
    }
}
