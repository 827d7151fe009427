using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Stakeholders;

/// <summary>
/// Keeps <see cref="Stakeholder.LastTouchAt"/> equal to the latest interaction or held meeting with
/// the person. Derived data: written with a bulk update after the change is saved, in its transaction,
/// so it neither bumps the stakeholder's version (nobody's edit goes stale) nor fills the audit log.
/// </summary>
public static class StakeholderTouches
{
    /// <summary>Key people: sponsors, decision makers and anyone of influence 4 or 5.</summary>
    public static bool IsKey(IReadOnlyCollection<StakeholderRole> roles, int influence) =>
        influence >= 4 || roles.Contains(StakeholderRole.Sponsor) || roles.Contains(StakeholderRole.DecisionMaker);

    /// <summary>Saves the change and refreshes the last touch of the people it involved, in one transaction.</summary>
    public static async Task<Common.Error?> SaveAsync(LiaisonDb db, string what, IEnumerable<Guid> touchedStakeholders, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.TrySaveAsync(what, ct) is { } stale)
        {
            return stale;
        }

        await RefreshAsync(db, touchedStakeholders, ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public static async Task RefreshAsync(LiaisonDb db, IEnumerable<Guid> stakeholderIds, CancellationToken ct)
    {
        var ids = stakeholderIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var byInteraction = await (from x in db.InteractionStakeholders
                                   join i in db.Interactions on x.InteractionId equals i.Id
                                   where ids.Contains(x.StakeholderId)
                                   group i.OccurredAt by x.StakeholderId into g
                                   select new { StakeholderId = g.Key, Last = g.Max() })
            .ToDictionaryAsync(r => r.StakeholderId, r => r.Last, ct);
        var byMeeting = await (from a in db.MeetingStakeholders
                               join m in db.Meetings on a.MeetingId equals m.Id
                               where ids.Contains(a.StakeholderId) && m.Status == MeetingStatus.Held
                               group m.StartsAt by a.StakeholderId into g
                               select new { StakeholderId = g.Key, Last = g.Max() })
            .ToDictionaryAsync(r => r.StakeholderId, r => r.Last, ct);

        foreach (var id in ids)
        {
            DateTime? last = (byInteraction.TryGetValue(id, out var i), byMeeting.TryGetValue(id, out var m)) switch
            {
                (true, true) => i > m ? i : m,
                (true, false) => i,
                (false, true) => m,
                _ => null,
            };
            await db.Stakeholders.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastTouchAt, last), ct);
        }
    }
}
