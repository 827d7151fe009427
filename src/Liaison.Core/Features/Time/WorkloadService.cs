using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

public sealed record WeekLoad(DateOnly WeekStart, long Minutes, decimal? PercentOfCapacity);

public sealed record StaffWorkload(Guid StaffId, string FullName, int CapacityMinutes, IReadOnlyList<WeekLoad> Weeks);

/// <param name="AccountMinutes">Of the person's time, what went to this account.</param>
public sealed record TeamMemberLoad(Guid StaffId, string FullName, long Minutes, long AccountMinutes, long CapacityMinutes, decimal? PercentOfCapacity);

public sealed record AccountTeamWorkload(Guid AccountId, DateOnly From, DateOnly To, IReadOnlyList<TeamMemberLoad> Members, decimal? PercentOfCapacity);

/// <summary>
/// Hours logged against capacity: per person per week, and per account team over the last four
/// weeks (the team's side of the account's balance). Both read a bounded window of entries through
/// the (date, staff) index, never the whole history.
/// </summary>
public sealed class WorkloadService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public const int MaxWeeks = 26;

    public async Task<Result<IReadOnlyList<StaffWorkload>>> ForStaffAsync(CurrentUser user, DateOnly? until, int weeks, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Workload is internal to the agency.");
        }

        if (weeks is < 1 or > MaxWeeks)
        {
            return Error.Invalid("weeks", $"Show between 1 and {MaxWeeks} weeks.");
        }

        var lastMonday = Money.WeekOf(until ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var from = lastMonday.AddDays(-7 * (weeks - 1));
        var to = lastMonday.AddDays(6);
        await using var db = await dbs.OpenAsync(user, ct);
        var people = db.Staff.AsNoTracking().Where(s => s.IsActive);
        if (!Engagements.EngagementAccess.CanManage(user))
        {
            var me = user.StaffId ?? Guid.Empty;
            people = people.Where(s => s.Id == me);
        }

        var staff = await people.OrderBy(s => s.FullName).Take(500).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        var logged = await db.TimeEntries.AsNoTracking().Where(t => t.Date >= from && t.Date <= to && ids.Contains(t.StaffId))
            .GroupBy(t => new { t.StaffId, t.Date }).Select(g => new { g.Key.StaffId, g.Key.Date, Minutes = g.Sum(t => (long)t.Minutes) })
            .ToListAsync(ct);
        var byWeek = logged.GroupBy(l => (l.StaffId, Week: Money.WeekOf(l.Date))).ToDictionary(g => g.Key, g => g.Sum(l => l.Minutes));
        return staff.Select(s => new StaffWorkload(s.Id, s.FullName, s.WeeklyCapacityMinutes,
                [.. Enumerable.Range(0, weeks).Select(i => from.AddDays(7 * i)).Select(w =>
                {
                    var minutes = byWeek.GetValueOrDefault((s.Id, w));
                    return new WeekLoad(w, minutes, Money.Percent(minutes, s.WeeklyCapacityMinutes));
                })]))
            .ToList();
    }

    public async Task<Result<AccountTeamWorkload>> ForAccountTeamAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("Workload is internal to the agency.");
        }

        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-27);
        var team = await (from t in db.AccountTeamMembers
                          join s in db.Staff on t.StaffId equals s.Id
                          where t.AccountId == accountId
                          select new { s.Id, s.FullName, s.WeeklyCapacityMinutes }).ToListAsync(ct);
        var ids = team.Select(t => t.Id).ToList();
        var logged = await db.TimeEntries.AsNoTracking().Where(t => t.Date >= from && t.Date <= to && ids.Contains(t.StaffId))
            .GroupBy(t => t.StaffId)
            .Select(g => new { StaffId = g.Key, Minutes = g.Sum(t => (long)t.Minutes), OnAccount = g.Sum(t => t.AccountId == accountId ? (long)t.Minutes : 0L) })
            .ToDictionaryAsync(x => x.StaffId, ct);
        var members = team.OrderBy(t => t.FullName).Select(t =>
        {
            var load = logged.GetValueOrDefault(t.Id);
            var capacity = t.WeeklyCapacityMinutes * 4L;
            return new TeamMemberLoad(t.Id, t.FullName, load?.Minutes ?? 0, load?.OnAccount ?? 0, capacity, Money.Percent(load?.Minutes ?? 0, capacity));
        }).ToList();
        return new AccountTeamWorkload(accountId, from, to, members, Money.Percent(members.Sum(m => m.Minutes), members.Sum(m => m.CapacityMinutes)));
    }
}
