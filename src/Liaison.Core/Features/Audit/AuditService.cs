using System.Text.Json;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Audit;

/// <param name="Changes">Each changed field with its old and new value: { "Name": { "old": "A", "new": "B" } }.</param>
public sealed record AuditView(long Id, DateTime At, string ActorName, string EntityType, string EntityId, AuditAction Action, JsonElement Changes);

/// <summary>Reads the audit log; only admins may, and only through the accounts they can see.</summary>
public sealed class AuditService(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<Result<Page<AuditView>>> ListForAccountAsync(CurrentUser user, Guid accountId, PageRequest page, CancellationToken ct)
    {
        var paging = page.Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanSeeAudit(user))
        {
            return Error.Forbidden("Only admins can read the audit log.");
        }

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.AccountId == accountId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(offset).Take(limit + 1)
            .ToListAsync(ct);
        return rows.Select(a => new AuditView(a.Id, a.At, a.ActorName, a.EntityType, a.EntityId, a.Action, ParseChanges(a.Changes)))
            .ToList().ToPage(offset, limit);
    }

    private static JsonElement ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
