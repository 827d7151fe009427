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
    public static IQueryable<TimeEntry> ReadableEntries(LiaisonDb db, CurrentUser user)
    {
        var entries = db.TimeEntries.AsNoTracking();
        if (user.IsAdmin)
        {
            return entries;
        }

        var me = user.StaffId ?? Guid.Empty;
        if (!EngagementAccess.CanManage(user))
        {
            return entries.Where(t => t.StaffId == me);
        }

        var visible = ManagedEngagements(db, user);
        return entries.Where(t => t.StaffId == me || visible.Contains(t.EngagementId));
    }

    /// <summary>The filters of a time list or export.</summary>
    public static IQueryable<TimeEntry> Filter(IQueryable<TimeEntry> entries, TimeEntryQuery query)
    {
        if (query.EngagementId is { } engagementId)
        {
            entries = entries.Where(t => t.EngagementId == engagementId);
        }

        if (query.AccountId is { } accountId)
        {
            entries = entries.Where(t => t.AccountId == accountId);
        }

        if (query.StaffId is { } staffId)
        {
            entries = entries.Where(t => t.StaffId == staffId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(t => t.Date >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(t => t.Date <= to);
        }

        return entries;
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
