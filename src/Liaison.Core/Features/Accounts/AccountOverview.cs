using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Accounts;

/// <summary>The account at a glance, for the agency: work in flight, time, the relationship's loose ends, risks.</summary>
/// <param name="TimeByMonth">The last twelve months, oldest first, every month present.</param>
public sealed record AccountOverview(
    Guid AccountId, string Name, AccountStatus Status, string? AccountManagerName, DateTime AsOf,
    EngagementFigures Engagements, TimeFigures Time, IReadOnlyList<OverviewMonth> TimeByMonth, RelationshipFigures Relationship,
    CommitmentFigures Commitments, DeliveryFigures Delivery, RiskFigures Risks);

/// <param name="Active">In hand-off, in delivery or on hold.</param>
public sealed record EngagementFigures(int Active, int Draft, int Green, int Amber, int Red);

/// <param name="Value">The billable value (minutes × bill rate), in minor units; null for those who do not see money.</param>
public sealed record TimeFigures(long ThisMonthMinutes, long Last12MonthsMinutes, long Last12MonthsBillableMinutes, long? Value);

public sealed record OverviewMonth(DateOnly Month, long Minutes, long? Value);

/// <param name="Breached">Open queries past their reply deadline.</param>
/// <param name="Untouched30Days">Stakeholders nobody has been in touch with for 30 days or ever.</param>
public sealed record RelationshipFigures(int OpenQueries, int Breached, DateTime? LastInteractionAt, int Stakeholders, int Untouched30Days);

public sealed record CommitmentFigures(int AgencyOpen, int AgencyOverdue, int ClientOpen, int ClientOverdue);

public sealed record DeliveryFigures(int Open, int AwaitingFilter, int WithClient);

public sealed record RiskFigures(int OpenRisks, int OpenIssues, int? TopScore);

/// <summary>
/// Computes <see cref="AccountOverview"/> from counts on indexed columns and the monthly time rollups,
/// so its cost follows the account's open work, not the length of its history.
/// </summary>
public sealed class AccountOverviewService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private static readonly RiskStatus[] OpenRiskStates = [RiskStatus.Open, RiskStatus.Mitigating];

    public async Task<Result<AccountOverview>> GetAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.AsNoTracking().VisibleTo(db, user).Where(a => a.Id == accountId)
            .Select(a => new { a.Id, a.Name, a.Status, Manager = db.Staff.Where(s => s.Id == a.AccountManagerId).Select(s => s.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("The account overview is the agency's.");
        }

        var now = clock.UtcNowStorable();
        var today = DateOnly.FromDateTime(now);
        var thisMonth = Money.MonthOf(today);
        var firstMonth = thisMonth.AddMonths(-11);
        var seesMoney = EngagementAccess.CanSeeMoney(user);

        var engagements = await db.Engagements.AsNoTracking().VisibleTo(db, user).Where(e => e.AccountId == accountId)
            .GroupBy(e => new { e.Status, e.Rag }).Select(g => new { g.Key.Status, g.Key.Rag, Count = g.Count() }).ToListAsync(ct);
        var active = engagements.Where(e => e.Status is EngagementStatus.HandOff or EngagementStatus.InDelivery or EngagementStatus.OnHold).ToList();

        var months = await db.TimeRollups.AsNoTracking().Where(r => r.AccountId == accountId && r.Month >= firstMonth)
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Minutes = g.Sum(r => r.Minutes), Billable = g.Sum(r => r.BillableMinutes), Units = g.Sum(r => r.BillableUnits) })
            .ToListAsync(ct);
        var byMonth = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(m => months.FirstOrDefault(x => x.Month == m) is { } x
            ? new OverviewMonth(m, x.Minutes, seesMoney ? Money.FromUnits(x.Units) : null)
            : new OverviewMonth(m, 0, seesMoney ? 0 : null)).ToList();
        var time = new TimeFigures(
            byMonth[^1].Minutes, months.Sum(m => m.Minutes), months.Sum(m => m.Billable), seesMoney ? Money.FromUnits(months.Sum(m => m.Units)) : null);

        var openQueries = db.Interactions.AsNoTracking().Where(i => i.AccountId == accountId && i.IsQuery && i.RepliedAt == null);
        var relationship = new RelationshipFigures(
            await openQueries.CountAsync(ct),
            await openQueries.CountAsync(i => i.SlaDueAt < now, ct),
            await db.Interactions.AsNoTracking().Where(i => i.AccountId == accountId).MaxAsync(i => (DateTime?)i.OccurredAt, ct),
            await db.Stakeholders.AsNoTracking().CountAsync(s => s.AccountId == accountId, ct),
            await db.Stakeholders.AsNoTracking().CountAsync(s => s.AccountId == accountId && (s.LastTouchAt == null || s.LastTouchAt < now.AddDays(-30)), ct));

        var commitments = await db.Commitments.AsNoTracking().Where(c => c.AccountId == accountId && c.Status == CommitmentStatus.Open)
            .GroupBy(c => new { c.Side, Overdue = c.DueDate < today }).Select(g => new { g.Key.Side, g.Key.Overdue, Count = g.Count() }).ToListAsync(ct);
        int Open(CommitmentSide side, bool overdueOnly) => commitments.Where(c => c.Side == side && (!overdueOnly || c.Overdue)).Sum(c => c.Count);

        // Deliverables and risks narrow for team members like engagements do.
        var deliverables = await DeliverableService.Visible(db, user).Where(d => d.AccountId == accountId && d.State != DeliverableState.Delivered)
            .GroupBy(d => d.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int InState(params DeliverableState[] states) => deliverables.Where(d => states.Contains(d.State)).Sum(d => d.Count);

        var visibleEngagements = db.Engagements.VisibleTo(db, user);
        var risks = await db.Risks.AsNoTracking().VisibleTo(db, user)
            .Where(r => r.AccountId == accountId && OpenRiskStates.Contains(r.Status)
                && (r.EngagementId == null || visibleEngagements.Any(e => e.Id == r.EngagementId)))
            .GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count(), Top = g.Max(r => r.Score) }).ToListAsync(ct);

        return new AccountOverview(
            account.Id, account.Name, account.Status, account.Manager, now,
            new EngagementFigures(active.Sum(e => e.Count), engagements.Where(e => e.Status == EngagementStatus.Draft).Sum(e => e.Count),
                active.Where(e => e.Rag == Rag.Green).Sum(e => e.Count), active.Where(e => e.Rag == Rag.Amber).Sum(e => e.Count),
                active.Where(e => e.Rag == Rag.Red).Sum(e => e.Count)),
            time, byMonth, relationship,
            new CommitmentFigures(Open(CommitmentSide.Agency, false), Open(CommitmentSide.Agency, true), Open(CommitmentSide.Client, false), Open(CommitmentSide.Client, true)),
            new DeliveryFigures(deliverables.Sum(d => d.Count), InState(DeliverableState.InternalReview), InState(DeliverableState.ReadyForClient, DeliverableState.ClientReview)),
            new RiskFigures(risks.Where(r => r.Kind == RiskKind.Risk).Sum(r => r.Count), risks.Where(r => r.Kind == RiskKind.Issue).Sum(r => r.Count),
                risks.Count == 0 ? null : risks.Max(r => r.Top)));
    }
}
