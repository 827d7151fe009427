using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Accounts;

/// <summary>Accounts and their teams: the use cases behind the account pages and /api/v1/accounts.</summary>
public sealed class AccountService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<Page<AccountSummary>>> ListAsync(CurrentUser user, AccountListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var accounts = db.Accounts.AsNoTracking().VisibleTo(db, user);
        if (!query.IncludeArchived)
        {
            accounts = accounts.Where(a => a.ArchivedAt == null);
        }

        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            accounts = accounts.Where(a => a.Name.ToLower().Contains(term) || (a.Industry != null && a.Industry.ToLower().Contains(term)));
        }

        if (query.Status is { } status)
        {
            accounts = accounts.Where(a => a.Status == status);
        }

        // Tier is internal: a client filtering or sorting by it could learn their own account's tier.
        if (query.Tier is { } tier && !user.IsClient)
        {
            accounts = accounts.Where(a => a.Tier == tier);
        }

        if (query.AccountManagerId is { } managerId)
        {
            accounts = accounts.Where(a => a.AccountManagerId == managerId);
        }

        var rows = from a in accounts
                   join m in db.Staff on a.AccountManagerId equals m.Id into managers
                   from m in managers.DefaultIfEmpty()
                   select new { Account = a, ManagerName = m != null ? m.FullName : null };

        // Enums are stored as text; rank them in their declared order, not alphabetically.
        var ranked = rows.Select(r => new
        {
            r.Account,
            r.ManagerName,
            StatusRank = r.Account.Status == AccountStatus.Prospect ? 0
                : r.Account.Status == AccountStatus.Onboarding ? 1
                : r.Account.Status == AccountStatus.Active ? 2
                : r.Account.Status == AccountStatus.AtRisk ? 3
                : r.Account.Status == AccountStatus.OnHold ? 4 : 5,
            TierRank = r.Account.Tier == AccountTier.Strategic ? 0
                : r.Account.Tier == AccountTier.Key ? 1
                : r.Account.Tier == AccountTier.Standard ? 2 : 3,
        });

        var sort = user.IsClient && query.Sort == AccountSort.Tier ? AccountSort.Name : query.Sort;
        var ordered = (sort, query.Descending) switch
        {
            (AccountSort.Status, false) => ranked.OrderBy(r => r.StatusRank).ThenBy(r => r.Account.Name),
            (AccountSort.Status, true) => ranked.OrderByDescending(r => r.StatusRank).ThenBy(r => r.Account.Name),
            (AccountSort.Tier, false) => ranked.OrderBy(r => r.TierRank).ThenBy(r => r.Account.Name),
            (AccountSort.Tier, true) => ranked.OrderByDescending(r => r.TierRank).ThenBy(r => r.Account.Name),
            (AccountSort.Manager, false) => ranked.OrderBy(r => r.ManagerName == null).ThenBy(r => r.ManagerName).ThenBy(r => r.Account.Name),
            (AccountSort.Manager, true) => ranked.OrderBy(r => r.ManagerName == null).ThenByDescending(r => r.ManagerName).ThenBy(r => r.Account.Name),
            (AccountSort.Renewal, false) => ranked.OrderBy(r => r.Account.RenewalDate == null).ThenBy(r => r.Account.RenewalDate).ThenBy(r => r.Account.Name),
            (AccountSort.Renewal, true) => ranked.OrderBy(r => r.Account.RenewalDate == null).ThenByDescending(r => r.Account.RenewalDate).ThenBy(r => r.Account.Name),
            (AccountSort.Updated, false) => ranked.OrderBy(r => r.Account.UpdatedAt),
            (AccountSort.Updated, true) => ranked.OrderByDescending(r => r.Account.UpdatedAt),
            (_, true) => ranked.OrderByDescending(r => r.Account.Name),
            _ => ranked.OrderBy(r => r.Account.Name),
        };

        var items = await ordered
            .ThenBy(r => r.Account.Id)
            .Skip(offset)
            .Take(limit + 1)
            .Select(r => new AccountSummary(
                r.Account.Id,
                r.Account.Name,
                r.Account.Status,
                user.IsClient ? null : r.Account.Tier,
                r.Account.Industry,
                r.Account.AccountManagerId,
                r.ManagerName,
                r.Account.RenewalDate,
                r.Account.ArchivedAt))
            .ToListAsync(ct);
        return items.ToPage(offset, limit);
    }

    public async Task<Result<AccountDetails>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var details = await QueryDetails(db, user, id).FirstOrDefaultAsync(ct);
        return details is null ? Error.NotFound("The account") : details;
    }

    public async Task<Result<AccountDetails>> CreateAsync(CurrentUser user, AccountInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanCreateAccount(user))
        {
            return Error.Forbidden("Only admins and account managers can create accounts.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var managerId = input.AccountManagerId ?? (user.Role == Role.AccountManager ? user.StaffId : null);
        if (managerId is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, ct))
        {
            return Error.Invalid("accountManagerId", "The account manager must be an active staff member.");
        }

        var account = new Account { Name = input.Name.Trim() };
        Apply(account, input, managerId);
        db.Accounts.Add(account);
        await JoinTeamAsync(db, account.Id, managerId, TeamRole.AccountManager, ct);

        // An account manager who opens an account for someone else still keeps sight of it.
        if (user.Role == Role.AccountManager && user.StaffId != managerId)
        {
            await JoinTeamAsync(db, account.Id, user.StaffId, TeamRole.AccountManager, ct);
        }

        await db.SaveChangesAsync(ct);
        return await QueryDetails(db, user, account.Id).FirstAsync(ct);
    }

    public async Task<Result<AccountDetails>> UpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, AccountInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and the account's managers can edit it.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && account.Version != version)
        {
            return Error.Stale("The account");
        }

        if (input.AccountManagerId is { } managerId && managerId != account.AccountManagerId
            && !await db.Staff.AnyAsync(s => s.Id == managerId && s.IsActive, ct))
        {
            return Error.Invalid("accountManagerId", "The account manager must be an active staff member.");
        }

        Apply(account, input, input.AccountManagerId);
        await JoinTeamAsync(db, account.Id, input.AccountManagerId, TeamRole.AccountManager, ct);
        if (await db.TrySaveAsync("The account", ct) is { } error)
        {
            return error;
        }

        return await QueryDetails(db, user, id).FirstAsync(ct);
    }

    /// <summary>Archiving hides an account from the default lists; its history stays.</summary>
    public async Task<Result> ArchiveAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and the account's managers can archive it.");
        }

        if (expectedVersion is { } version && account.Version != version)
        {
            return Error.Stale("The account");
        }

        if (account.ArchivedAt is not null)
        {
            return Result.Ok;
        }

        account.ArchivedAt = clock.UtcNowStorable();
        return await db.TrySaveAsync("The account", ct) is { } error ? error : Result.Ok;
    }

    public async Task<Result<AccountDetails>> RestoreAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and the account's managers can restore it.");
        }

        account.ArchivedAt = null;
        if (await db.TrySaveAsync("The account", ct) is { } error)
        {
            return error;
        }

        return await QueryDetails(db, user, id).FirstAsync(ct);
    }

    public async Task<Result<Page<TeamMemberView>>> ListTeamAsync(CurrentUser user, Guid accountId, PageRequest page, CancellationToken ct)
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

        var members = await QueryTeam(db, accountId, null).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return members.ToPage(offset, limit);
    }

    public async Task<Result<TeamMemberView>> AddTeamMemberAsync(CurrentUser user, Guid accountId, TeamMemberInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and the account's managers can change its team.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var staffId = input.StaffId!.Value;
        if (!await db.Staff.AnyAsync(s => s.Id == staffId && s.IsActive, ct))
        {
            return Error.Invalid("staffId", "Choose an active staff member.");
        }

        var member = await db.AccountTeamMembers.FirstOrDefaultAsync(t => t.AccountId == accountId && t.StaffId == staffId, ct);
        if (member is null)
        {
            db.AccountTeamMembers.Add(new AccountTeamMember
            {
                AccountId = accountId, StaffId = staffId, Role = input.Role, AddedAt = clock.UtcNowStorable(),
            });
        }
        else
        {
            member.Role = input.Role;
        }

        await db.SaveChangesAsync(ct);
        return await QueryTeam(db, accountId, staffId).FirstAsync(ct);
    }

    public async Task<Result> RemoveTeamMemberAsync(CurrentUser user, Guid accountId, Guid staffId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and the account's managers can change its team.");
        }

        var member = await db.AccountTeamMembers.FirstOrDefaultAsync(t => t.AccountId == accountId && t.StaffId == staffId, ct);
        if (member is null)
        {
            return Error.NotFound("The team member");
        }

        if (await db.Accounts.AnyAsync(a => a.Id == accountId && a.AccountManagerId == staffId, ct))
        {
            return Error.Conflict("This person is the account manager. Choose another account manager before removing them from the team.");
        }

        db.AccountTeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static IQueryable<TeamMemberView> QueryTeam(LiaisonDb db, Guid accountId, Guid? staffId) =>
        from t in db.AccountTeamMembers.AsNoTracking()
        join s in db.Staff on t.StaffId equals s.Id
        where t.AccountId == accountId && (staffId == null || t.StaffId == staffId)
        // Roles are stored as text: rank them in their declared order, the account manager first.
        let rank = t.Role == TeamRole.AccountManager ? 0 : t.Role == TeamRole.ProjectManager ? 1 : t.Role == TeamRole.Strategist ? 2
            : t.Role == TeamRole.Creative ? 3 : t.Role == TeamRole.Developer ? 4 : t.Role == TeamRole.Specialist ? 5 : 6
        orderby rank, s.FullName, s.Id
        select new TeamMemberView(s.Id, s.FullName, s.JobTitle, s.Email, t.Role, t.AddedAt);

    private static IQueryable<AccountDetails> QueryDetails(LiaisonDb db, CurrentUser user, Guid id) =>
        from a in db.Accounts.AsNoTracking().VisibleTo(db, user)
        where a.Id == id
        join m in db.Staff on a.AccountManagerId equals m.Id into managers
        from m in managers.DefaultIfEmpty()
        select new AccountDetails(
            a.Id,
            a.Name,
            a.Status,
            user.IsClient ? null : a.Tier,
            a.Industry,
            a.Website,
            a.AccountManagerId,
            m != null ? m.FullName : null,
            a.ContractStart,
            a.ContractEnd,
            a.RenewalDate,
            user.IsClient ? null : a.Notes,
            a.ArchivedAt,
            a.Version,
            a.CreatedAt,
            a.UpdatedAt);

    private static void Apply(Account account, AccountInput input, Guid? managerId)
    {
        account.Name = input.Name.Trim();
        account.Status = input.Status;
        account.Tier = input.Tier;
        account.Industry = Text.Clean(input.Industry);
        account.Website = Text.Clean(input.Website);
        account.AccountManagerId = managerId;
        account.ContractStart = input.ContractStart;
        account.ContractEnd = input.ContractEnd;
        account.RenewalDate = input.RenewalDate;
        account.Notes = Text.Clean(input.Notes);
    }

    /// <summary>Puts a staff member on the team unless they already are; the manager always is.</summary>
    private async Task JoinTeamAsync(LiaisonDb db, Guid accountId, Guid? staffId, TeamRole role, CancellationToken ct)
    {
        if (staffId is not { } id
            || db.AccountTeamMembers.Local.Any(t => t.AccountId == accountId && t.StaffId == id)
            || await db.AccountTeamMembers.AnyAsync(t => t.AccountId == accountId && t.StaffId == id, ct))
        {
            return;
        }

        db.AccountTeamMembers.Add(new AccountTeamMember
        {
            AccountId = accountId, StaffId = id, Role = role, AddedAt = clock.UtcNowStorable(),
        });
    }
}
