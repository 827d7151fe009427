using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>
/// Time entries: by entry and by week grid. Every change updates the monthly rollups in the same
/// transaction, refuses dates in a locked month, and prices the entry with the rates of its day.
/// </summary>
public sealed class TimeService(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<Result<Page<TimeEntryView>>> ListAsync(CurrentUser user, TimeEntryQuery query, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Time entries are internal to the agency.");
        }

        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var entries = TimeRules.Filter(Readable(db, user), query);
        var rows = await (from t in entries
                          join e in db.Engagements on t.EngagementId equals e.Id
                          join s in db.Staff on t.StaffId equals s.Id
                          orderby t.Date descending, t.Id descending
                          select new TimeEntryView(t.Id, t.AccountId, t.EngagementId, e.Name, t.StaffId, s.FullName, t.Date,
                              t.Minutes, t.Billable, t.Note, t.DeliverableId, t.Version))
            .Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.ToPage(offset, limit);
    }

    public async Task<Result<TimeEntryView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var entry = user.IsClient ? null : await Readable(db, user).FirstOrDefaultAsync(t => t.Id == id, ct);
        return entry is null ? Error.NotFound("The time entry") : await ToViewAsync(db, entry, ct);
    }

    public async Task<Result<TimeEntryView>> CreateAsync(CurrentUser user, TimeEntryInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var entry = new TimeEntry();
        if (await ApplyAsync(db, user, entry, input, ct) is { } error)
        {
            return error;
        }

        db.TimeEntries.Add(entry);
        await SaveAsync(db, [Rollups.Contribution.Of(entry)], [], ct);
        return await ToViewAsync(db, entry, ct);
    }

    public async Task<Result<TimeEntryView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, TimeEntryInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var entry = user.IsClient ? null : await Readable(db, user).AsTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (entry is null)
        {
            return Error.NotFound("The time entry");
        }

        if (expectedVersion is { } version && entry.Version != version)
        {
            return Error.Stale("The time entry");
        }

        var before = Rollups.Contribution.Of(entry);
        if (await TimeRules.CheckUnlockedAsync(db, [entry.Date], ct) is { } locked)
        {
            return locked;
        }

        if (await ApplyAsync(db, user, entry, input, ct) is { } error)
        {
            return error;
        }

        return await SaveAsync(db, [Rollups.Contribution.Of(entry)], [before], ct) is { } stale
            ? stale
            : await ToViewAsync(db, entry, ct);
    }

    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var entry = user.IsClient ? null : await Readable(db, user).AsTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (entry is null)
        {
            return Error.NotFound("The time entry");
        }

        if (entry.StaffId != user.StaffId && !EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("You can remove only your own time.");
        }

        if (expectedVersion is { } version && entry.Version != version)
        {
            return Error.Stale("The time entry");
        }

        if (await TimeRules.CheckUnlockedAsync(db, [entry.Date], ct) is { } locked)
        {
            return locked;
        }

        db.TimeEntries.Remove(entry);
        return await SaveAsync(db, [], [Rollups.Contribution.Of(entry)], ct) is { } stale ? stale : Result.Ok;
    }

    /// <summary>A person's week: minutes per engagement, billable or not, per day, and the engagements they may log to.</summary>
    public async Task<Result<WeekView>> GetWeekAsync(CurrentUser user, Guid? staffId, DateOnly anyDay, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var resolved = await ResolveStaffAsync(db, user, staffId, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var person = resolved.Value;
        var monday = Money.WeekOf(anyDay);
        var sunday = monday.AddDays(6);
        var entries = await db.TimeEntries.AsNoTracking()
            .Where(t => t.StaffId == person.Id && t.Date >= monday && t.Date <= sunday).ToListAsync(ct);
        var open = await LoggableAsync(db, person.Id, ct);
        var engagementIds = entries.Select(t => t.EngagementId).Distinct().ToList();
        var names = await (from e in db.Engagements
                           join a in db.Accounts on e.AccountId equals a.Id
                           where engagementIds.Contains(e.Id)
                           select new WeekEngagement(e.Id, e.Name, a.Name)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var e in open)
        {
            names.TryAdd(e.Id, e);
        }

        var rows = entries.GroupBy(t => (t.EngagementId, t.Billable))
            .Select(g =>
            {
                var minutes = new int[7];
                foreach (var t in g)
                {
                    minutes[t.Date.DayNumber - monday.DayNumber] += t.Minutes;
                }

                var name = names[g.Key.EngagementId];
                return new WeekRowView(g.Key.EngagementId, name.Name, name.AccountName, g.Key.Billable, minutes);
            })
            .OrderBy(r => r.AccountName).ThenBy(r => r.EngagementName).ThenByDescending(r => r.Billable).ToList();
        var months = new[] { Money.MonthOf(monday), Money.MonthOf(sunday) }.Distinct().ToList();
        var locked = await db.MonthLocks.Where(l => months.Contains(l.Month)).Select(l => l.Month).ToListAsync(ct);
        var lockedDays = Enumerable.Range(0, 7).Select(i => locked.Contains(Money.MonthOf(monday.AddDays(i)))).ToArray();
        return new WeekView(person.Id, person.FullName, monday, rows, open, lockedDays, person.WeeklyCapacityMinutes);
    }

    /// <summary>
    /// Saves a whole week grid in one transaction. A cell that changed updates its one entry, or adds
    /// one, or removes it when set to zero; a cell that holds several entries takes the difference on
    /// its latest entry. Untouched cells are left exactly as they were.
    /// </summary>
    public async Task<Result<WeekView>> SaveWeekAsync(CurrentUser user, WeekInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var resolved = await ResolveStaffAsync(db, user, input.StaffId, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var person = resolved.Value;
        var monday = Money.WeekOf(input.WeekStart);
        if (monday != input.WeekStart)
        {
            return Error.Invalid("weekStart", "A week starts on a Monday.");
        }

        if (input.Rows.Count > 100 || input.Rows.Any(r => r.Minutes is not { Length: 7 } || r.Minutes.Any(m => m is < 0 or > 24 * 60)))
        {
            return Error.Invalid("rows", "Each row has seven days of 0 to 24 hours.");
        }

        if (input.Rows.GroupBy(r => (r.EngagementId, r.Billable)).Any(g => g.Count() > 1))
        {
            return Error.Invalid("rows", "An engagement appears twice with the same billable setting.");
        }

        var entries = await db.TimeEntries.Where(t => t.StaffId == person.Id && t.Date >= monday && t.Date <= monday.AddDays(6))
            .OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var wanted = input.Rows.SelectMany(r => r.Minutes.Select((m, i) => (r.EngagementId, r.Billable, Day: monday.AddDays(i), Minutes: m)))
            .ToDictionary(x => (x.EngagementId, x.Billable, x.Day), x => x.Minutes);
        // Rows left out of the input are cleared too: the grid is the whole week.
        foreach (var t in entries)
        {
            wanted.TryAdd((t.EngagementId, t.Billable, t.Date), 0);
        }

        var changed = wanted.Where(w => entries.Where(t => (t.EngagementId, t.Billable, t.Date) == w.Key).Sum(t => t.Minutes) != w.Value).ToList();
        if (await TimeRules.CheckUnlockedAsync(db, changed.Select(c => c.Key.Day), ct) is { } locked)
        {
            return locked;
        }

        var engagementIds = changed.Select(c => c.Key.EngagementId).Distinct().ToList();
        var engagements = await db.Engagements.AsNoTracking().VisibleTo(db, user).Where(e => engagementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var added = new List<Rollups.Contribution>();
        var removed = new List<Rollups.Contribution>();
        var pricing = new Dictionary<Guid, Func<Guid, DateOnly, (long Cost, long Bill)>>();
        foreach (var ((engagementId, billable, day), minutes) in changed)
        {
            if (!engagements.TryGetValue(engagementId, out var engagement))
            {
                return Error.Invalid("rows", "One of the engagements does not exist or is not yours to log to.");
            }

            if (minutes > 0 && await TimeRules.CheckLoggerAsync(db, user, engagement, person.Id, ct) is { } refused)
            {
                return refused.Kind == ErrorKind.Validation ? Error.Invalid("rows", $"{person.FullName} is not a member of {engagement.Name}.") : refused;
            }

            var cell = entries.Where(t => (t.EngagementId, t.Billable, t.Date) == (engagementId, billable, day)).ToList();
            var delta = minutes - cell.Sum(t => t.Minutes);
            if (cell.Count == 0)
            {
                if (!pricing.TryGetValue(engagementId, out var price))
                {
                    price = pricing[engagementId] = await TimeRules.PricingAsync(db, engagementId, [person.Id], ct);
                }

                var (cost, bill) = price(person.Id, day);
                var entry = new TimeEntry
                {
                    AccountId = engagement.AccountId, EngagementId = engagementId, StaffId = person.Id, Date = day,
                    Minutes = minutes, Billable = billable, CostRate = cost, BillRate = bill,
                };
                db.TimeEntries.Add(entry);
                added.Add(Rollups.Contribution.Of(entry));
                continue;
            }

            var last = cell[^1];
            removed.Add(Rollups.Contribution.Of(last));
            if (last.Minutes + delta <= 0)
            {
                if (minutes > 0)
                {
                    return Error.Invalid("rows", $"{day:ddd d MMM} on {engagement.Name} holds several entries; change them in the entry list.");
                }

                db.TimeEntries.RemoveRange(cell);
                removed.AddRange(cell.Take(cell.Count - 1).Select(Rollups.Contribution.Of));
            }
            else
            {
                last.Minutes += delta;
                added.Add(Rollups.Contribution.Of(last));
            }
        }

        if (await SaveAsync(db, added, removed, ct) is { } stale)
        {
            return stale;
        }

        return await GetWeekAsync(user, person.Id, monday, ct);
    }

    private static async Task<Error?> SaveAsync(LiaisonDb db, List<Rollups.Contribution> added, List<Rollups.Contribution> removed, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.TrySaveAsync("The time entry", ct) is { } stale)
        {
            return stale;
        }

        await Rollups.ApplyAsync(db, added, removed, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Validates and applies an entry's fields, pricing it with the rates of its day.</summary>
    private static async Task<Error?> ApplyAsync(LiaisonDb db, CurrentUser user, TimeEntry entry, TimeEntryInput input, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Only agency staff log time.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var staffId = input.StaffId ?? user.StaffId;
        if (staffId is not { } person)
        {
            return Error.Invalid("staffId", "Say whose time this is.");
        }

        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(e => e.Id == input.EngagementId, ct);
        if (engagement is null)
        {
            return Error.Invalid("engagementId", "Choose an engagement you are on.");
        }

        if (await TimeRules.CheckLoggerAsync(db, user, engagement, person, ct) is { } refused)
        {
            return refused;
        }

        if (input.DeliverableId is { } deliverableId
            && !await db.PlannedDeliverables.AnyAsync(d => d.Id == deliverableId && d.EngagementId == engagement.Id, ct))
        {
            return Error.Invalid("deliverableId", "The deliverable is not one of this engagement's.");
        }

        if (await TimeRules.CheckUnlockedAsync(db, [input.Date], ct) is { } locked)
        {
            return locked;
        }

        var (cost, bill) = (await TimeRules.PricingAsync(db, engagement.Id, [person], ct))(person, input.Date);
        entry.AccountId = engagement.AccountId;
        entry.EngagementId = engagement.Id;
        entry.StaffId = person;
        entry.Date = input.Date;
        entry.Minutes = input.Minutes;
        entry.Billable = input.Billable;
        entry.Note = Text.Clean(input.Note);
        entry.DeliverableId = input.DeliverableId;
        entry.CostRate = cost;
        entry.BillRate = bill;
        return null;
    }

    private static IQueryable<TimeEntry> Readable(LiaisonDb db, CurrentUser user) => TimeRules.ReadableEntries(db, user);

    private static async Task<Result<Staff.StaffMember>> ResolveStaffAsync(LiaisonDb db, CurrentUser user, Guid? staffId, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Only agency staff log time.");
        }

        var id = staffId ?? user.StaffId;
        if (id is null)
        {
            return Error.Invalid("staffId", "Say whose week to open.");
        }

        if (id != user.StaffId && !EngagementAccess.CanManage(user))
        {
            return Error.NotFound("The staff member");
        }

        var person = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return person is null ? Error.NotFound("The staff member") : person;
    }

    private static async Task<List<WeekEngagement>> LoggableAsync(LiaisonDb db, Guid staffId, CancellationToken ct) =>
        await (from e in db.Engagements
               join a in db.Accounts on e.AccountId equals a.Id
               where e.Status != EngagementStatus.Completed && e.Status != EngagementStatus.Cancelled
                   && (e.ProjectManagerId == staffId || e.AccountManagerId == staffId
                       || db.EngagementMembers.Any(m => m.EngagementId == e.Id && m.StaffId == staffId))
               orderby a.Name, e.Name
               select new WeekEngagement(e.Id, e.Name, a.Name)).Take(200).ToListAsync(ct);

    private static async Task<TimeEntryView> ToViewAsync(LiaisonDb db, TimeEntry t, CancellationToken ct)
    {
        var engagement = await db.Engagements.Where(e => e.Id == t.EngagementId).Select(e => e.Name).FirstAsync(ct);
        var staff = await db.Staff.Where(s => s.Id == t.StaffId).Select(s => s.FullName).FirstAsync(ct);
        return new TimeEntryView(t.Id, t.AccountId, t.EngagementId, engagement, t.StaffId, staff, t.Date, t.Minutes, t.Billable,
            t.Note, t.DeliverableId, t.Version);
    }
}
