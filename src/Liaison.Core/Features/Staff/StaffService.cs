using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Staff;

public sealed record StaffView(Guid Id, string FullName, string Email, string? JobTitle, bool IsActive, bool HasSignIn);

public sealed record StaffListQuery(string? Search = null, bool IncludeInactive = false, int? Limit = null, string? Cursor = null);

/// <summary>The agency's people. Every staff user may see the directory; client users may not.</summary>
public sealed class StaffService(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<Result<Page<StaffView>>> ListAsync(CurrentUser user, StaffListQuery query, CancellationToken ct)
    {
        if (!user.IsStaff)
        {
            return Error.Forbidden("The staff directory is internal to the agency.");
        }

        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var staff = db.Staff.AsNoTracking();
        if (!query.IncludeInactive)
        {
            staff = staff.Where(s => s.IsActive);
        }

        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            staff = staff.Where(s => s.FullName.ToLower().Contains(term) || s.Email.ToLower().Contains(term)
                || (s.JobTitle != null && s.JobTitle.ToLower().Contains(term)));
        }

        var rows = await staff.OrderBy(s => s.FullName).ThenBy(s => s.Id).Skip(offset).Take(limit + 1)
            .Select(s => new StaffView(s.Id, s.FullName, s.Email, s.JobTitle, s.IsActive, s.UserId != null))
            .ToListAsync(ct);
        return rows.ToPage(offset, limit);
    }
}
