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
        var now = clock.UtcNowStorable();
        var today = DateOnly.FromDateTime(now);
        var untouchedSince = now.AddDays(-30);

        // The sets counted, narrowed as their own pages narrow them (team members see the engagements they are on).
        var engagements = db.Engagements.VisibleTo(db, user).Where(e => e.AccountId == accountId);
        var active = engagements.Where(e => e.Status == EngagementStatus.HandOff || e.Status == EngagementStatus.InDelivery || e.Status == EngagementStatus.OnHold);
        var openQueries = db.Interactions.Where(i => i.AccountId == accountId && i.IsQuery && i.RepliedAt == null);
        var stakeholders = db.Stakeholders.Where(s => s.AccountId == accountId);
        var commitments = db.Commitments.Where(c => c.AccountId == accountId && c.Status == CommitmentStatus.Open);
        var deliverables = DeliverableService.Visible(db, user).Where(d => d.AccountId == accountId && d.State != DeliverableState.Delivered);
        var risks = db.Risks.VisibleTo(db, user).Where(r => r.AccountId == accountId && OpenRiskStates.Contains(r.Status)
            && (r.EngagementId == null || engagements.Any(e => e.Id == r.EngagementId)));

        // One round trip for every count: they become scalar subqueries of a single SELECT.
        var a = await db.Accounts.AsNoTracking().VisibleTo(db, user).Where(x => x.Id == accountId).Select(x => new
        {
            x.Id, x.Name, x.Status,
            Manager = db.Staff.Where(s => s.Id == x.AccountManagerId).Select(s => s.FullName).FirstOrDefault(),
            Active = active.Count(), Draft = engagements.Count(e => e.Status == EngagementStatus.Draft),
            Green = active.Count(e => e.Rag == Rag.Green), Amber = active.Count(e => e.Rag == Rag.Amber), Red = active.Count(e => e.Rag == Rag.Red),
            OpenQueries = openQueries.Count(), Breached = openQueries.Count(i => i.SlaDueAt < now),
            LastInteractionAt = db.Interactions.Where(i => i.AccountId == accountId).Max(i => (DateTime?)i.OccurredAt),
            Stakeholders = stakeholders.Count(), Untouched = stakeholders.Count(s => s.LastTouchAt == null || s.LastTouchAt < untouchedSince),
            AgencyOpen = commitments.Count(c => c.Side == CommitmentSide.Agency),
            AgencyOverdue = commitments.Count(c => c.Side == CommitmentSide.Agency && c.DueDate < today),
            ClientOpen = commitments.Count(c => c.Side == CommitmentSide.Client),
            ClientOverdue = commitments.Count(c => c.Side == CommitmentSide.Client && c.DueDate < today),
            Open = deliverables.Count(), AwaitingFilter = deliverables.Count(d => d.State == DeliverableState.InternalReview),
            WithClient = deliverables.Count(d => d.State == DeliverableState.ReadyForClient || d.State == DeliverableState.ClientReview),
            OpenRisks = risks.Count(r => r.Kind == RiskKind.Risk), OpenIssues = risks.Count(r => r.Kind == RiskKind.Issue),
            TopScore = risks.Max(r => (int?)r.Score),
        }).FirstOrDefaultAsync(ct);
        if (a is null)
        {
            return Error.NotFound("The account");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("The account overview is the agency's.");
        }

        var seesMoney = EngagementAccess.CanSeeMoney(user);
        var thisMonth = Money.MonthOf(today);
        var firstMonth = thisMonth.AddMonths(-11);
        var months = await db.TimeRollups.AsNoTracking().Where(r => r.AccountId == accountId && r.Month >= firstMonth)
            .GroupBy(r => r.Month)
            .Select(g => new { Month = g.Key, Minutes = g.Sum(r => r.Minutes), Billable = g.Sum(r => r.BillableMinutes), Units = g.Sum(r => r.BillableUnits) })
            .ToListAsync(ct);
        var byMonth = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(m => months.FirstOrDefault(x => x.Month == m) is { } x
            ? new OverviewMonth(m, x.Minutes, seesMoney ? Money.FromUnits(x.Units) : null)
            : new OverviewMonth(m, 0, seesMoney ? 0 : null)).ToList();
        var time = new TimeFigures(
            byMonth[^1].Minutes, months.Sum(m => m.Minutes), months.Sum(m => m.Billable), seesMoney ? Money.FromUnits(months.Sum(m => m.Units)) : null);

        return new AccountOverview(
            a.Id, a.Name, a.Status, a.Manager, now,
            new EngagementFigures(a.Active, a.Draft, a.Green, a.Amber, a.Red), time, byMonth,
            new RelationshipFigures(a.OpenQueries, a.Breached, a.LastInteractionAt, a.Stakeholders, a.Untouched),
            new CommitmentFigures(a.AgencyOpen, a.AgencyOverdue, a.ClientOpen, a.ClientOverdue),
            new DeliveryFigures(a.Open, a.AwaitingFilter, a.WithClient),
            new RiskFigures(a.OpenRisks, a.OpenIssues, a.TopScore));
    }
}
