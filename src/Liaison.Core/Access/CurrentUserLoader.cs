using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Access;

/// <summary>Loads the principal behind a user id; a missing or disabled user is nobody.</summary>
public sealed class CurrentUserLoader(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<CurrentUser?> LoadAsync(Guid userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new CurrentUser(u.Id, u.FullName, u.Role, u.StaffId, u.ClientAccountId))
            .FirstOrDefaultAsync(ct);
    }
}
