using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Time;

/// <summary>Closing a month: once invoiced or reported, its time and expenses must stop moving.</summary>
public sealed class MonthLockService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<MonthLockView>>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        if (user.IsClient)
        {
            return Error.Forbidden("Month locks are internal to the agency.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var rows = await (from l in db.MonthLocks
                          join u in db.Users on l.LockedBy equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby l.Month descending
                          select new MonthLockView(l.Month, u != null ? u.FullName : "", l.LockedAt)).Take(120).ToListAsync(ct);
        return rows;
    }

    public async Task<Result<MonthLockView>> LockAsync(CurrentUser user, LockInput input, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return user.IsClient ? Error.Forbidden("Month locks are internal to the agency.") : Error.Forbidden("Only admins lock months.");
        }

        var month = Money.MonthOf(input.Month);
        await using var db = await dbs.OpenAsync(user, ct);
        if (await db.MonthLocks.AnyAsync(l => l.Month == month, ct))
        {
            return Error.Conflict($"{month:MMMM yyyy} is already locked.");
        }

        var now = clock.UtcNowStorable();
        db.MonthLocks.Add(new MonthLock { Month = month, LockedBy = user.UserId, LockedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict($"{month:MMMM yyyy} is already locked.");
        }

        return new MonthLockView(month, user.DisplayName, now);
    }

    public async Task<Result> UnlockAsync(CurrentUser user, DateOnly month, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return user.IsClient ? Error.Forbidden("Month locks are internal to the agency.") : Error.Forbidden("Only admins unlock months.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var found = await db.MonthLocks.FirstOrDefaultAsync(l => l.Month == Money.MonthOf(month), ct);
        if (found is null)
        {
            return Error.NotFound("The month lock");
        }

        db.MonthLocks.Remove(found);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
