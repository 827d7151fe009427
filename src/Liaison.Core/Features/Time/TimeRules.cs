using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>The rules time entries and expenses share: who may log for whom, where, and when.</summary>
internal static class TimeRules
{
    /// <summary>The engagements whose entries a manager may read; others read only their own.</summary>
    public static IQueryable<Guid> ManagedEngagements(LiaisonDb db, CurrentUser user) =>
        db.Engagements.VisibleTo(db, user).Select(e => e.Id);

    /// <summary>Admins read every entry; managers the entries of engagements they see; everyone their own.</summary>
    public static IQueryable<TimeEntry> ReadableEntries(LiaisonDb db, CurrentUser user) => Readable(db.TimeEntries.AsNoTracking(), db, user);

    /// <summary>The same rule for time entries and expenses.</summary>
    public static IQueryable<T> Readable<T>(IQueryable<T> work, LiaisonDb db, CurrentUser user)
        where T : class, IDatedWork
    {
        if (user.IsAdmin)
        {
            return work;
        }

        var me = user.StaffId ?? Guid.Empty;
        if (!EngagementAccess.CanManage(user))
        {
            return work.Where(t => t.StaffId == me);
        }

        var visible = ManagedEngagements(db, user);
        return work.Where(t => t.StaffId == me || visible.Contains(t.EngagementId));
    }

    /// <summary>The filters of a time or expense list or export.</summary>
    public static IQueryable<T> Filter<T>(IQueryable<T> work, TimeEntryQuery query)
        where T : class, IDatedWork
    {
        if (query.EngagementId is { } engagementId)
        {
            work = work.Where(t => t.EngagementId == engagementId);
        }

        if (query.AccountId is { } accountId)
        {
            work = work.Where(t => t.AccountId == accountId);
        }

        if (query.StaffId is { } staffId)
        {
            work = work.Where(t => t.StaffId == staffId);
        }

        if (query.From is { } from)
        {
            work = work.Where(t => t.Date >= from);
        }

        if (query.To is { } to)
        {
            work = work.Where(t => t.Date <= to);
        }

        return work;
    }

    /// <summary>Checks that <paramref name="staffId"/> may log on the engagement and the caller may log for them.</summary>
    public static async Task<Error?> CheckLoggerAsync(LiaisonDb db, CurrentUser user, Engagement engagement, Guid staffId, CancellationToken ct)
    {
        if (staffId != user.StaffId && !EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("You can log only your own time and expenses.");
        }

        if (EngagementRules.IsClosed(engagement.Status))
        {
            return Error.Conflict($"The engagement is {EngagementService.Labels(engagement.Status)}; it takes no more time or expenses.");
        }

        var belongs = engagement.ProjectManagerId == staffId || engagement.AccountManagerId == staffId
            || await db.EngagementMembers.AnyAsync(m => m.EngagementId == engagement.Id && m.StaffId == staffId, ct);
        return belongs ? null : Error.Invalid("engagementId", "Time and expenses go only to engagements the person is a member of.");
    }

    public static async Task<Error?> CheckUnlockedAsync(LiaisonDb db, IEnumerable<DateOnly> days, CancellationToken ct)
    {
        var months = days.Select(Money.MonthOf).Distinct().ToList();
        var locked = await db.MonthLocks.Where(l => months.Contains(l.Month)).Select(l => l.Month).OrderBy(m => m).FirstOrDefaultAsync(ct);
        return locked == default
            ? null
            : Error.Conflict($"{locked:MMMM yyyy} is locked for time and expenses; an admin must unlock it before anything dated in it changes.");
    }

    /// <summary>Prices a day of a person's work on an engagement with the rates in force that day.</summary>
    public static async Task<Func<Guid, DateOnly, (long Cost, long Bill)>> PricingAsync(
        LiaisonDb db, Guid engagementId, IReadOnlyCollection<Guid> staffIds, CancellationToken ct)
    {
        var people = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var rates = (await db.StaffRates.AsNoTracking().Where(r => staffIds.Contains(r.StaffId)).ToListAsync(ct))
            .ToLookup(r => r.StaffId);
        var card = await db.RateCardLines.AsNoTracking().Where(l => l.EngagementId == engagementId).ToListAsync(ct);
        return (staffId, day) => people.TryGetValue(staffId, out var person)
            ? (RateTimeline.EffectiveOn(rates[staffId], day)?.CostRate ?? 0, RateTimeline.BillRateOn(person, rates[staffId], card, day))
            : (0, 0);
    }
}
