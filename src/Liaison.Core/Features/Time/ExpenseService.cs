using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>Expenses of engagements; the same who-may-log and month-lock rules as time.</summary>
public sealed class ExpenseService(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<Result<Page<ExpenseView>>> ListAsync(CurrentUser user, TimeEntryQuery query, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Expenses are internal to the agency.");
        }

        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var expenses = TimeRules.Filter(Readable(db, user), query);
        var rows = await (from x in expenses
                          join e in db.Engagements on x.EngagementId equals e.Id
                          join s in db.Staff on x.StaffId equals s.Id
                          orderby x.Date descending, x.Id descending
                          select new ExpenseView(x.Id, x.AccountId, x.EngagementId, e.Name, x.StaffId, s.FullName, x.Date, x.Amount,
                              x.Category, x.Billable, x.Note, x.Version))
            .Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.ToPage(offset, limit);
    }

    public async Task<Result<ExpenseView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var expense = user.IsClient ? null : await Readable(db, user).FirstOrDefaultAsync(x => x.Id == id, ct);
        return expense is null ? Error.NotFound("The expense") : await ToViewAsync(db, expense, ct);
    }

    public async Task<Result<ExpenseView>> CreateAsync(CurrentUser user, ExpenseInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var expense = new Expense();
        if (await ApplyAsync(db, user, expense, input, ct) is { } error)
        {
            return error;
        }

        db.Expenses.Add(expense);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, expense, ct);
    }

    public async Task<Result<ExpenseView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, ExpenseInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var expense = user.IsClient ? null : await Readable(db, user).AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (expense is null)
        {
            return Error.NotFound("The expense");
        }

        if (expectedVersion is { } version && expense.Version != version)
        {
            return Error.Stale("The expense");
        }

        if (await TimeRules.CheckUnlockedAsync(db, [expense.Date], ct) is { } locked)
        {
            return locked;
        }

        if (await ApplyAsync(db, user, expense, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync("The expense", ct) is { } stale ? stale : await ToViewAsync(db, expense, ct);
    }

    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var expense = user.IsClient ? null : await Readable(db, user).AsTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (expense is null)
        {
            return Error.NotFound("The expense");
        }

        if (expense.StaffId != user.StaffId && !EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("You can remove only your own expenses.");
        }

        if (expectedVersion is { } version && expense.Version != version)
        {
            return Error.Stale("The expense");
        }

        if (await TimeRules.CheckUnlockedAsync(db, [expense.Date], ct) is { } locked)
        {
            return locked;
        }

        db.Expenses.Remove(expense);
        return await db.TrySaveAsync("The expense", ct) is { } stale ? stale : Result.Ok;
    }

    private static async Task<Error?> ApplyAsync(LiaisonDb db, CurrentUser user, Expense expense, ExpenseInput input, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Only agency staff log expenses.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (input.Date == default)
        {
            return Error.Invalid("date", "Give the date of the expense.");
        }

        if ((input.StaffId ?? user.StaffId) is not { } person)
        {
            return Error.Invalid("staffId", "Say who spent the money.");
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

        if (await TimeRules.CheckUnlockedAsync(db, [input.Date], ct) is { } locked)
        {
            return locked;
        }

        expense.AccountId = engagement.AccountId;
        expense.EngagementId = engagement.Id;
        expense.StaffId = person;
        expense.Date = input.Date;
        expense.Amount = input.Amount;
        expense.Category = input.Category;
        expense.Billable = input.Billable;
        expense.Note = Text.Clean(input.Note);
        return null;
    }

    private static IQueryable<Expense> Readable(LiaisonDb db, CurrentUser user) =>
        TimeRules.Readable(db.Expenses.AsNoTracking(), db, user);

    private static async Task<ExpenseView> ToViewAsync(LiaisonDb db, Expense x, CancellationToken ct)
    {
        var engagement = await db.Engagements.Where(e => e.Id == x.EngagementId).Select(e => e.Name).FirstAsync(ct);
        var staff = await db.Staff.Where(s => s.Id == x.StaffId).Select(s => s.FullName).FirstAsync(ct);
        return new ExpenseView(x.Id, x.AccountId, x.EngagementId, engagement, x.StaffId, staff, x.Date, x.Amount, x.Category,
            x.Billable, x.Note, x.Version);
    }
}
