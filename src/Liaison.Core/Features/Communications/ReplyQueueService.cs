using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// The queries still waiting for a reply, most urgent first, and how fast the agency replies: the
/// median and 90th percentile in business time, per account and per account manager.
/// </summary>
public sealed class ReplyQueueService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public const int DefaultWindowDays = 90;

    public const int MaxWindowDays = 366;

    /// <summary>
    /// Open queries by deadline. Business time left grows with the deadline under one calendar, and
    /// across accounts the deadline is the moment that matters, so ordering by it is the queue's order.
    /// </summary>
    public async Task<Result<Page<AwaitingReply>>> AwaitingAsync(CurrentUser user, AwaitingReplyQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (await InteractionService.CheckReadAsync(db, user, query.AccountId, ct) is { } denied)
        {
            return denied;
        }

        var open = db.Interactions.AsNoTracking().VisibleTo(db, user).Where(i => i.IsQuery && i.RepliedAt == null && i.SlaDueAt != null);
        if (query.AccountId is { } accountId)
        {
            open = open.Where(i => i.AccountId == accountId);
        }

        if (query.Mine)
        {
            var me = user.StaffId ?? Guid.Empty;
            open = open.Where(i => i.AssigneeStaffId == me);
        }

        var page = await open.OrderBy(i => i.SlaDueAt).ThenBy(i => i.Id).Skip(offset).Take(limit + 1)
            .Include(i => i.Stakeholders).ToListAsync(ct);
        var names = await InteractionService.NamesAsync(db, page, ct);
        var calendars = await CalendarsAsync(db, page.Select(i => i.AccountId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = page.Select(i =>
        {
            var due = i.SlaDueAt!.Value;
            var calendar = calendars[i.AccountId];
            var left = now <= due ? calendar.BusinessTimeBetween(now, due) : -calendar.BusinessTimeBetween(due, now);
            return new AwaitingReply(
                i.Id, i.AccountId, names.Accounts.GetValueOrDefault(i.AccountId, ""), i.Subject, i.Channel, i.OccurredAt,
                i.Priority ?? QueryPriority.Normal, names.StaffRef(i.AssigneeStaffId), due, InteractionService.BusinessMinutes(left),
                SlaPolicy.IsBreached(due, null, now), names.StakeholdersOf(i));
        }).ToList();
        return items.ToPage(offset, limit);
    }

    /// <summary>Reply times of the queries the account received in the last <paramref name="days"/> days.</summary>
    public async Task<Result<AccountReplyTimes>> ForAccountAsync(CurrentUser user, Guid accountId, int? days, CancellationToken ct)
    {
        var window = Window(days);
        if (!window.IsSuccess)
        {
            return window.Error;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (await InteractionService.CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-window.Value);
        var rows = await Received(db, user, since, accountId).ToListAsync(ct);
        return new AccountReplyTimes(accountId, window.Value, since, Figures(rows, now));
    }

    /// <summary>Reply times grouped by each visible account's current account manager.</summary>
    public async Task<Result<ReplyTimesByManager>> ByAccountManagerAsync(CurrentUser user, int? days, CancellationToken ct)
    {
        var window = Window(days);
        if (!window.IsSuccess)
        {
            return window.Error;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (await InteractionService.CheckReadAsync(db, user, null, ct) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-window.Value);
        var rows = await Received(db, user, since, accountId: null).ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().VisibleTo(db, user)
            .Select(a => new { a.Id, a.AccountManagerId }).ToListAsync(ct);
        var managerOf = accounts.ToDictionary(a => a.Id, a => a.AccountManagerId);
        var managerIds = accounts.Select(a => a.AccountManagerId).OfType<Guid>().Distinct().ToList();
        var managerNames = await db.Staff.AsNoTracking().Where(s => managerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);

        var rowsByManager = rows.ToLookup(r => managerOf.GetValueOrDefault(r.AccountId));
        var managers = accounts.GroupBy(a => a.AccountManagerId)
            .Select(g =>
            {
                var theirs = rowsByManager[g.Key].ToList();
                var name = g.Key is { } id ? managerNames.GetValueOrDefault(id, "Unknown") : "No account manager";
                return new ManagerReplyTimes(g.Key, name, g.Count(), Figures(theirs, now));
            })
            .OrderBy(m => m.AccountManagerId is null).ThenBy(m => m.AccountManagerName, StringComparer.CurrentCulture)
            .ToList();
        return new ReplyTimesByManager(window.Value, since, managers);
    }

    private static Result<int> Window(int? days) => days switch
    {
        null => DefaultWindowDays,
        >= 1 and <= MaxWindowDays => days.Value,
        _ => Error.Invalid("days", $"The window must be 1 to {MaxWindowDays} days."),
    };

    private static IQueryable<ReceivedQuery> Received(LiaisonDb db, CurrentUser user, DateTime since, Guid? accountId)
    {
        var queries = db.Interactions.AsNoTracking().VisibleTo(db, user).Where(i => i.IsQuery && i.OccurredAt >= since && i.SlaDueAt != null);
        if (accountId is { } id)
        {
            queries = queries.Where(i => i.AccountId == id);
        }

        return queries.Select(i => new ReceivedQuery(i.AccountId, i.SlaDueAt!.Value, i.RepliedAt, i.ReplyBusinessMinutes));
    }

    internal static ReplyTimeFigures Figures(IReadOnlyCollection<ReceivedQuery> rows, DateTime now)
    {
        var replied = rows.Where(r => r.RepliedAt is not null).ToList();
        var open = rows.Where(r => r.RepliedAt is null).ToList();
        var durations = replied.Select(r => TimeSpan.FromMinutes(r.ReplyBusinessMinutes ?? 0)).ToList();
        return new ReplyTimeFigures(
            rows.Count, replied.Count, replied.Count(r => r.RepliedAt > r.SlaDueAt), open.Count, open.Count(r => now > r.SlaDueAt),
            Minutes(ReplyStatistics.Median(durations)), Minutes(ReplyStatistics.Percentile90(durations)));
    }

    private static int? Minutes(TimeSpan? value) => value is { } span ? InteractionService.BusinessMinutes(span) : null;

    private static async Task<Dictionary<Guid, BusinessCalendar>> CalendarsAsync(LiaisonDb db, IEnumerable<Guid> accountIds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        var stored = await db.AccountSlaPolicies.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, ct);
        return ids.ToDictionary(id => id, id => (stored.GetValueOrDefault(id) ?? new AccountSlaPolicy { AccountId = id }).Resolve().Calendar);
    }

    internal sealed record ReceivedQuery(Guid AccountId, DateTime SlaDueAt, DateTime? RepliedAt, int? ReplyBusinessMinutes);
}
