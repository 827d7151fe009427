using Liaison.Core.Access;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Engagements;

/// <summary>
/// Who sees and runs which engagement. Admins see all; account and project managers see the
/// engagements of the accounts whose team they are on; other team members see the engagements
/// they are members of; a client user sees their account's engagements once they leave draft.
/// </summary>
public static class EngagementAccess
{
    public static IQueryable<Engagement> VisibleTo(this IQueryable<Engagement> query, LiaisonDb db, CurrentUser user)
    {
        if (user.IsAdmin)
        {
            return query;
        }

        if (user.IsClient)
        {
            var own = user.ClientAccountId ?? Guid.Empty;
            return query.Where(e => e.AccountId == own && e.Status != EngagementStatus.Draft && e.Status != EngagementStatus.HandOff);
        }

        var staffId = user.StaffId ?? Guid.Empty;
        if (user.Role is Role.AccountManager or Role.ProjectManager)
        {
            return query.Where(e => db.AccountTeamMembers.Any(t => t.AccountId == e.AccountId && t.StaffId == staffId));
        }

        return query.Where(e => e.ProjectManagerId == staffId || e.AccountManagerId == staffId
            || db.EngagementMembers.Any(m => m.EngagementId == e.Id && m.StaffId == staffId));
    }

    public static Task<bool> CanSeeAsync(LiaisonDb db, CurrentUser user, Guid engagementId, CancellationToken ct) =>
        db.Engagements.VisibleTo(db, user).AnyAsync(e => e.Id == engagementId, ct);

    /// <summary>Admins, and account and project managers on the account's team (visibility is checked first).</summary>
    public static bool CanManage(CurrentUser user) => user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager;

    /// <summary>Costs, rates, budgets and margins: the people who answer for the money.</summary>
    public static bool CanSeeMoney(CurrentUser user) => user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager;
}
