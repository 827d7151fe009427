using Liaison.Core.Access;
using Liaison.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

public static class DbContextFactoryExtensions
{
    /// <summary>A context for one operation, with the actor the audit log will name.</summary>
    public static async Task<LiaisonDb> OpenAsync(this IDbContextFactory<LiaisonDb> factory, CurrentUser? actor, CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }

    /// <summary>Saves, turning a lost race on a record's version into a stale-version error.</summary>
    public static async Task<Error?> TrySaveAsync(this LiaisonDb db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale(what);
        }
    }
}
