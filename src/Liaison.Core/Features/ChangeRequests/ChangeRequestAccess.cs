using Liaison.Core.Access;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;

namespace Liaison.Core.Features.ChangeRequests;

/// <summary>
/// Who sees and does what with change requests. Whoever sees the engagement sees its change requests,
/// except that client users never see drafts. Staff on the engagement draft and edit; the account
/// manager (or an admin) proposes and applies; the client decides, and the people who run the
/// engagement may record the client's decision on their behalf.
/// </summary>
public static class ChangeRequestAccess
{
    public static IQueryable<ChangeRequest> VisibleTo(this IQueryable<ChangeRequest> query, LiaisonDb db, CurrentUser user)
    {
        if (user.IsAdmin)
        {
            return query;
        }

        var engagements = db.Engagements.VisibleTo(db, user);
        query = query.Where(c => engagements.Any(e => e.Id == c.EngagementId));
        return user.IsClient ? query.Where(c => c.State != ChangeRequestState.Draft) : query;
    }

    public static bool CanDraft(CurrentUser user) => user.IsStaff;

    /// <summary>Proposing to the client and applying to the budget are the account manager's (or an admin's).</summary>
    public static bool CanProposeAndApply(CurrentUser user) => user.Role is Role.Admin or Role.AccountManager;

    /// <summary>The client decides; admins, account and project managers may record the decision for them.</summary>
    public static bool CanRecordDecision(CurrentUser user) => user.IsClient || EngagementAccess.CanManage(user);
}
