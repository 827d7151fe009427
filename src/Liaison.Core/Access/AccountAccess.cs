using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Access;

/// <summary>
/// Who may see and change which account: the one place the rule of DESIGN.md rule 4 lives.
/// Admins see every account; other staff see the accounts whose team they are on; a client user
/// sees only their own account. Everything else is invisible, which callers report as 404.
/// </summary>
public static class AccountAccess
{
    /// <summary>Filters any account-owned set to the rows the user may see.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, LiaisonDb db, CurrentUser user)
        where T : class, IAccountOwned
    {
        if (user.IsAdmin)
        {
            return query;
        }

        if (user.IsClient)
        {
            var own = user.ClientAccountId ?? Guid.Empty;
            return query.Where(x => x.AccountId == own);
        }

        var staffId = user.StaffId ?? Guid.Empty;
        return query.Where(x => db.AccountTeamMembers.Any(t => t.AccountId == x.AccountId && t.StaffId == staffId));
    }

    public static IQueryable<Account> VisibleTo(this IQueryable<Account> query, LiaisonDb db, CurrentUser user)
    {
        if (user.IsAdmin)
        {
            return query;
        }

        if (user.IsClient)
        {
            var own = user.ClientAccountId ?? Guid.Empty;
            return query.Where(a => a.Id == own);
        }

        var staffId = user.StaffId ?? Guid.Empty;
        return query.Where(a => db.AccountTeamMembers.Any(t => t.AccountId == a.Id && t.StaffId == staffId));
    }

    public static Task<bool> CanSeeAccountAsync(LiaisonDb db, CurrentUser user, Guid accountId, CancellationToken ct) =>
        db.Accounts.VisibleTo(db, user).AnyAsync(a => a.Id == accountId, ct);

    /// <summary>
    /// Whether the role may edit account data (name, status, dates, team). Being on the team is checked
    /// by <see cref="VisibleTo(IQueryable{Account}, LiaisonDb, CurrentUser)"/>, which every caller applies first.
    /// </summary>
    /// <summary>Whether a staff member can be given the account's work (own a promise, answer a query): active, and on its team or an admin.</summary>
    public static Task<bool> CanTakeWorkAsync(LiaisonDb db, Guid accountId, Guid staffId, CancellationToken ct) =>
        db.Staff.AnyAsync(s => s.Id == staffId && s.IsActive
            && (db.AccountTeamMembers.Any(t => t.AccountId == accountId && t.StaffId == s.Id)
                || db.Users.Any(u => u.StaffId == s.Id && u.Role == Role.Admin && !u.IsDisabled)), ct);

    public static bool CanEditAccount(CurrentUser user) => user.IsAdmin || user.Role == Role.AccountManager;

    /// <summary>Only admins and account managers open new accounts.</summary>
    public static bool CanCreateAccount(CurrentUser user) => user.IsAdmin || user.Role == Role.AccountManager;

    /// <summary>
    /// Stakeholders carry the agency's private assessment (influence, support, notes), so only staff
    /// handle them; team members may read but the people who run the relationship edit.
    /// </summary>
    public static bool CanReadStakeholders(CurrentUser user) => user.IsStaff;

    public static bool CanEditStakeholders(CurrentUser user) =>
        user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager;

    /// <summary>
    /// Recommendations and insights are the agency's working notes on the relationship: staff on the
    /// team read them, client users never do (403 on their account's list, 404 on a single record).
    /// </summary>
    public static bool CanReadWorkingNotes(CurrentUser user) => user.IsStaff;

    public static bool CanEditWorkingNotes(CurrentUser user) =>
        user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager;

    public static bool CanSeeAudit(CurrentUser user) => user.IsAdmin;

    /// <summary>
    /// The relationship's records (account plan, meetings, commitments) are run by the people who run
    /// the account; other staff on the team read them. Being on the team is checked first.
    /// </summary>
    public static bool CanManageRelationship(CurrentUser user) =>
        user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager;
}
