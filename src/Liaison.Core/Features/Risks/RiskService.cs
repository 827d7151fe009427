using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Risks;

/// <summary>
/// The risk register of an account and its engagements: risks, the issues that realised them, their
/// heat map and their reviews. Staff who see the account read it (an engagement's entries follow the
/// engagement's visibility); admins, account and project managers record, edit, close and delete; an
/// item's owner reviews and escalates it. A client user reads only the client-visible entries of their
/// own account, without contingency or escalation, and changes nothing.
/// </summary>
public sealed class RiskService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string What = "The risk";

    public async Task<Result<Page<RiskSummary>>> ListAsync(CurrentUser user, RiskListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (query.Probability is < RiskRules.MinScale or > RiskRules.MaxScale)
        {
            return Error.Invalid("probability", "Probability is 1 to 5.");
        }

        if (query.Impact is < RiskRules.MinScale or > RiskRules.MaxScale)
        {
            return Error.Invalid("impact", "Impact is 1 to 5.");
        }

        var (offset, limit) = paging.Value;
        var today = Today();
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckScopeAsync(db, user, query.AccountId, query.EngagementId, ct) is { } missing)
        {
            return missing;
        }

        var risks = Filter(Visible(db, user), query.AccountId, query.EngagementId);
        if (query.Kind is { } kind)
        {
            risks = risks.Where(r => r.Kind == kind);
        }

        if (query.Status is { } status)
        {
            risks = risks.Where(r => r.Status == status);
        }

        if (query.Open || query.OverdueReview)
        {
            risks = risks.Where(r => r.Status == RiskStatus.Open || r.Status == RiskStatus.Mitigating);
        }

        if (query.OverdueReview)
        {
            risks = risks.Where(r => r.NextReviewDate < today);
        }

        if (query.Mine)
        {
            var me = user.StaffId ?? Guid.Empty;
            risks = risks.Where(r => r.OwnerStaffId == me);
        }

        if (query.Probability is { } probability)
        {
            risks = risks.Where(r => r.Probability == probability);
        }

        if (query.Impact is { } impact)
        {
            risks = risks.Where(r => r.Impact == impact);
        }

        var rows = Summaries(db, risks);
        rows = query.Sort switch
        {
            RiskSort.NextReview => rows.OrderBy(r => r.Risk.NextReviewDate == null).ThenBy(r => r.Risk.NextReviewDate)
                .ThenByDescending(r => r.Risk.Score).ThenBy(r => r.Risk.Id),
            RiskSort.Newest => rows.OrderByDescending(r => r.Risk.CreatedAt).ThenByDescending(r => r.Risk.Id),
            _ => rows.OrderByDescending(r => r.Risk.Score).ThenBy(r => r.Risk.NextReviewDate == null).ThenBy(r => r.Risk.NextReviewDate)
                .ThenBy(r => r.Risk.Id),
        };
        var page = await rows.Skip(offset).Take(limit + 1).ToListAsync(ct);
        var linked = page.Select(r => r.Risk.RealisedRiskId).OfType<Guid>().Distinct().ToList();
        var seen = linked.Count == 0
            ? new Dictionary<Guid, RiskRef>()
            : await Visible(db, user).Where(r => linked.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => new RiskRef(r.Id, r.Title), ct);
        return page.Select(r => ToSummary(r, user, seen, today)).ToList().ToPage(offset, limit);
    }

    public async Task<Result<RiskView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return risk is null ? Error.NotFound(What) : await ToViewAsync(db, user, risk, ct);
    }

    public async Task<Result<RiskView>> CreateAsync(CurrentUser user, NewRiskInput input, CancellationToken ct)
    {
        if (!RiskRules.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers record risks and issues.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, input.AccountId, ct))
        {
            return Error.Invalid("accountId", "Choose an account you are on the team of.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var risk = new Risk { AccountId = input.AccountId, Kind = input.Kind, Title = input.Title.Trim() };
        if (input.OwnerStaffId is null && user.StaffId is { } me && await AccountAccess.CanTakeWorkAsync(db, input.AccountId, me, ct))
        {
            input.OwnerStaffId = me;
        }

        if (await ApplyAsync(db, user, risk, input, ct) is { } error)
        {
            return error;
        }

        db.Risks.Add(risk);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, user, risk, ct);
    }

    public async Task<Result<RiskView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, RiskInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return Error.NotFound(What);
        }

        if (!RiskRules.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit risks and issues; the owner reviews them.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && risk.Version != version)
        {
            return Error.Stale(What);
        }

        if (await ApplyAsync(db, user, risk, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, user, risk, ct);
    }

    /// <summary>The owner's review: today is the last review, and the next one is set; probability, impact, mitigation and status as given.</summary>
    public async Task<Result<RiskView>> ReviewAsync(CurrentUser user, Guid id, long? expectedVersion, RiskReviewInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return Error.NotFound(What);
        }

        if (!RiskRules.CanReview(user, risk.OwnerStaffId))
        {
            return Error.Forbidden("Only the owner and the people who run the account review a risk or issue.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var today = Today();
        if (input.NextReviewDate <= today)
        {
            return Error.Invalid("nextReviewDate", "The next review comes after today.");
        }

        if (risk.Kind == RiskKind.Issue && input.Probability is { } p && p != RiskRules.Certain)
        {
            return Error.Invalid("probability", "An issue has already happened: its probability is 5.");
        }

        if (input.Status is { } status && !(RiskRules.IsOpen(status) && RiskRules.MaySet(risk.Kind, status)))
        {
            return Error.Invalid("status", risk.Kind == RiskKind.Risk
                ? "A review keeps a risk Open or Mitigating; close it as a separate step."
                : "A review keeps an issue Open; resolve it as a separate step.");
        }

        if (expectedVersion is { } version && risk.Version != version)
        {
            return Error.Stale(What);
        }

        if (!RiskRules.IsOpen(risk.Status))
        {
            return Error.Conflict($"It is {risk.Status.ToString().ToLowerInvariant()}: only open items are reviewed. Reopen it first.");
        }

        risk.Probability = input.Probability ?? risk.Probability;
        risk.Impact = input.Impact ?? risk.Impact;
        risk.Score = RiskRules.Score(risk.Probability, risk.Impact);
        if (input.Mitigation is not null)
        {
            risk.Mitigation = Text.Clean(input.Mitigation);
        }

        risk.Status = input.Status ?? risk.Status;
        risk.NextReviewDate = input.NextReviewDate;
        risk.LastReviewedOn = today;
        risk.LastReviewedBy = user.DisplayName;
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, user, risk, ct);
    }

    /// <summary>Escalates an open item to a staff member or a named person; escalating again replaces the earlier escalation.</summary>
    public async Task<Result<RiskView>> EscalateAsync(CurrentUser user, Guid id, long? expectedVersion, RiskEscalationInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return Error.NotFound(What);
        }

        if (!RiskRules.CanReview(user, risk.OwnerStaffId))
        {
            return Error.Forbidden("Only the owner and the people who run the account escalate a risk or issue.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        string to;
        if (input.ToStaffId is { } staffId)
        {
            var name = await db.Staff.Where(s => s.Id == staffId && s.IsActive).Select(s => s.FullName).FirstOrDefaultAsync(ct);
            if (name is null)
            {
                return Error.Invalid("toStaffId", "Choose an active staff member.");
            }

            to = name;
        }
        else
        {
            to = input.To!.Trim();
        }

        if (expectedVersion is { } version && risk.Version != version)
        {
            return Error.Stale(What);
        }

        if (!RiskRules.IsOpen(risk.Status))
        {
            return Error.Conflict($"It is {risk.Status.ToString().ToLowerInvariant()}: only open items are escalated. Reopen it first.");
        }

        risk.EscalatedToStaffId = input.ToStaffId;
        risk.EscalatedTo = to;
        risk.EscalatedAt = clock.UtcNowStorable();
        risk.EscalatedByUserId = user.UserId;
        risk.EscalatedByName = user.DisplayName;
        risk.EscalationNote = Text.Clean(input.Note);
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, user, risk, ct);
    }

    /// <summary>Closes a risk (Closed) or resolves an issue (Resolved), today.</summary>
    public async Task<Result<RiskView>> CloseAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return Error.NotFound(What);
        }

        if (!RiskRules.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers close risks and issues.");
        }

        if (expectedVersion is { } version && risk.Version != version)
        {
            return Error.Stale(What);
        }

        if (!RiskRules.IsOpen(risk.Status))
        {
            return Error.Conflict(risk.Status == RiskStatus.Realised
                ? "This risk has happened: an issue records it. Resolve the issue instead."
                : $"It is already {risk.Status.ToString().ToLowerInvariant()}.");
        }

        risk.Status = RiskRules.ClosedStatus(risk.Kind);
        risk.ClosedOn = Today();
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, user, risk, ct);
    }

    /// <summary>
    /// Deletes an entry recorded by mistake (closing is how the register forgets the rest). Issues that
    /// named a deleted risk stay, unlinked; a risk only a deleted issue realised is open again.
    /// </summary>
    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var risk = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return Error.NotFound(What);
        }

        if (!RiskRules.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers delete risks and issues.");
        }

        if (expectedVersion is { } version && risk.Version != version)
        {
            return Error.Stale(What);
        }

        foreach (var issue in await db.Risks.Where(r => r.RealisedRiskId == risk.Id).ToListAsync(ct))
        {
            issue.RealisedRiskId = null;
        }

        if (risk.RealisedRiskId is { } realised)
        {
            await UnrealiseAsync(db, realised, risk.Id, ct);
        }

        db.Risks.Remove(risk);
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : Result.Ok;
    }

    /// <summary>The heat map of an account, of an engagement, or of everything the caller sees when neither is given.</summary>
    public async Task<Result<RiskHeatMap>> HeatMapAsync(CurrentUser user, Guid? accountId, Guid? engagementId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckScopeAsync(db, user, accountId, engagementId, ct) is { } missing)
        {
            return missing;
        }

        var today = Today();
        var open = Filter(Visible(db, user), accountId, engagementId)
            .Where(r => r.Status == RiskStatus.Open || r.Status == RiskStatus.Mitigating);
        var counts = await open.Where(r => r.Kind == RiskKind.Risk)
            .GroupBy(r => new { r.Probability, r.Impact })
            .Select(g => new { g.Key.Probability, g.Key.Impact, Count = g.Count() })
            .ToListAsync(ct);
        var issues = await open.CountAsync(r => r.Kind == RiskKind.Issue, ct);
        var overdue = await open.CountAsync(r => r.NextReviewDate < today, ct);
        var cells = new List<HeatMapCell>();
        for (var probability = RiskRules.MaxScale; probability >= RiskRules.MinScale; probability--)
        {
            for (var impact = RiskRules.MinScale; impact <= RiskRules.MaxScale; impact++)
            {
                var score = RiskRules.Score(probability, impact);
                var count = counts.Where(c => c.Probability == probability && c.Impact == impact).Sum(c => c.Count);
                cells.Add(new HeatMapCell(probability, impact, score, RiskRules.Level(score), count));
            }
        }

        return new RiskHeatMap(accountId, engagementId, cells, cells.Sum(c => c.Count), issues, overdue);
    }

    /// <summary>
    /// The entries the user may see: those of accounts they see, an engagement's only when they see the
    /// engagement, and for a client user only the client-visible ones.
    /// </summary>
    internal static IQueryable<Risk> Visible(LiaisonDb db, CurrentUser user)
    {
        if (user.IsAdmin)
        {
            return db.Risks;
        }

        var engagements = db.Engagements.VisibleTo(db, user);
        var risks = db.Risks.VisibleTo(db, user).Where(r => r.EngagementId == null || engagements.Any(e => e.Id == r.EngagementId));
        return user.IsClient ? risks.Where(r => r.ClientVisible) : risks;
    }

    private static IQueryable<Risk> Filter(IQueryable<Risk> risks, Guid? accountId, Guid? engagementId)
    {
        if (accountId is { } account)
        {
            risks = risks.Where(r => r.AccountId == account);
        }

        if (engagementId is { } engagement)
        {
            risks = risks.Where(r => r.EngagementId == engagement);
        }

        return risks;
    }

    /// <summary>An account or engagement the caller cannot see answers 404, like one that does not exist.</summary>
    private static async Task<Error?> CheckScopeAsync(LiaisonDb db, CurrentUser user, Guid? accountId, Guid? engagementId, CancellationToken ct)
    {
        if (accountId is { } account && !await AccountAccess.CanSeeAccountAsync(db, user, account, ct))
        {
            return Error.NotFound("The account");
        }

        if (engagementId is { } engagement && !await EngagementAccess.CanSeeAsync(db, user, engagement, ct))
        {
            return Error.NotFound("The engagement");
        }

        return null;
    }

    private async Task<Error?> ApplyAsync(LiaisonDb db, CurrentUser user, Risk risk, RiskInput input, CancellationToken ct)
    {
        var accountId = risk.AccountId;
        var isRealised = risk.Kind == RiskKind.Risk && risk.Status == RiskStatus.Realised
            && await db.Risks.AnyAsync(i => i.RealisedRiskId == risk.Id, ct);
        if (risk.Kind == RiskKind.Risk)
        {
            if (input.Probability is null)
            {
                return Error.Invalid("probability", "Give the probability, 1 to 5.");
            }

            if (input.RealisedRiskId is not null)
            {
                return Error.Invalid("realisedRiskId", "Only an issue realises a risk.");
            }

            if (isRealised && input.Status != RiskStatus.Realised)
            {
                return Error.Invalid("status", "An issue records that this risk happened: it stays realised until no issue names it.");
            }

            if (!isRealised && !RiskRules.MaySet(RiskKind.Risk, input.Status))
            {
                return Error.Invalid("status", "A risk is Open, Mitigating or Closed; it becomes realised when an issue names it.");
            }
        }
        else
        {
            if (input.Probability is { } p && p != RiskRules.Certain)
            {
                return Error.Invalid("probability", "An issue has already happened: its probability is 5.");
            }

            if (!RiskRules.MaySet(RiskKind.Issue, input.Status))
            {
                return Error.Invalid("status", "An issue is Open or Resolved.");
            }
        }

        if (input.EngagementId is { } engagementId && engagementId != risk.EngagementId
            && !await db.Engagements.VisibleTo(db, user).AnyAsync(e => e.Id == engagementId && e.AccountId == accountId, ct))
        {
            return Error.Invalid("engagementId", "Choose an engagement of the same account.");
        }

        // Someone who has left the team stays the owner of what they owned until it is reassigned.
        if (input.OwnerStaffId is { } ownerId && ownerId != risk.OwnerStaffId && !await AccountAccess.CanTakeWorkAsync(db, accountId, ownerId, ct))
        {
            return Error.Invalid("ownerStaffId", "Choose an active staff member on the account's team as the owner.");
        }

        if (input.RealisedRiskId != risk.RealisedRiskId)
        {
            if (input.RealisedRiskId is { } realisedId)
            {
                var realised = await Visible(db, user).FirstOrDefaultAsync(r => r.Id == realisedId && r.AccountId == accountId && r.Kind == RiskKind.Risk, ct);
                if (realised is null)
                {
                    return Error.Invalid("realisedRiskId", "Choose a risk of the same account.");
                }

                realised.Status = RiskStatus.Realised;
                realised.ClosedOn ??= Today();
            }

            if (risk.RealisedRiskId is { } previous)
            {
                await UnrealiseAsync(db, previous, risk.Id, ct);
            }
        }

        var status = risk.Kind == RiskKind.Risk && isRealised ? RiskStatus.Realised : input.Status;
        if (RiskRules.IsOpen(status))
        {
            risk.ClosedOn = null;
        }
        else if (risk.Status != status || risk.ClosedOn is null)
        {
            risk.ClosedOn = Today();
        }

        risk.EngagementId = input.EngagementId;
        risk.Title = input.Title.Trim();
        risk.Description = Text.Clean(input.Description);
        risk.Probability = risk.Kind == RiskKind.Issue ? RiskRules.Certain : input.Probability!.Value;
        risk.Impact = input.Impact!.Value;
        risk.Score = RiskRules.Score(risk.Probability, risk.Impact);
        risk.OwnerStaffId = input.OwnerStaffId;
        risk.Mitigation = Text.Clean(input.Mitigation);
        risk.Contingency = Text.Clean(input.Contingency);
        risk.Status = status;
        risk.NextReviewDate = input.NextReviewDate;
        risk.ClientVisible = input.ClientVisible;
        risk.RealisedRiskId = input.RealisedRiskId;
        return null;
    }

    /// <summary>A realised risk that no other issue names any more is open again.</summary>
    private static async Task UnrealiseAsync(LiaisonDb db, Guid riskId, Guid issueId, CancellationToken ct)
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is { Status: RiskStatus.Realised } && !await db.Risks.AnyAsync(i => i.RealisedRiskId == riskId && i.Id != issueId, ct))
        {
            risk.Status = RiskStatus.Open;
            risk.ClosedOn = null;
        }
    }

    private static IQueryable<SummaryRow> Summaries(LiaisonDb db, IQueryable<Risk> risks) =>
        from r in risks
        join a in db.Accounts on r.AccountId equals a.Id
        join e in db.Engagements on r.EngagementId equals e.Id into engagements
        from e in engagements.DefaultIfEmpty()
        join s in db.Staff on r.OwnerStaffId equals s.Id into owners
        from s in owners.DefaultIfEmpty()
        select new SummaryRow { Risk = r, AccountName = a.Name, EngagementName = e != null ? e.Name : null, OwnerName = s != null ? s.FullName : null };

    private static RiskSummary ToSummary(SummaryRow row, CurrentUser user, Dictionary<Guid, RiskRef> visibleRisks, DateOnly today)
    {
        var r = row.Risk;
        return new RiskSummary(
            r.Id, r.AccountId, row.AccountName, r.EngagementId, row.EngagementName, r.Kind, r.Title, r.Probability, r.Impact, r.Score,
            RiskRules.Level(r.Score), r.Status, r.OwnerStaffId, row.OwnerName, r.NextReviewDate, IsReviewOverdue(r, today),
            user.IsClient ? null : r.EscalatedAt, r.ClientVisible,
            r.RealisedRiskId is { } realised ? visibleRisks.GetValueOrDefault(realised) : null, r.Version);
    }

    private async Task<RiskView> ToViewAsync(LiaisonDb db, CurrentUser user, Risk r, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == r.AccountId).Select(a => a.Name).FirstAsync(ct);
        var engagementName = r.EngagementId is { } engagementId
            ? await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : null;
        var ownerName = r.OwnerStaffId is { } ownerId
            ? await db.Staff.Where(s => s.Id == ownerId).Select(s => s.FullName).FirstOrDefaultAsync(ct)
            : null;
        var realisedRisk = r.RealisedRiskId is { } realisedId
            ? await Visible(db, user).AsNoTracking().Where(x => x.Id == realisedId).Select(x => new RiskRef(x.Id, x.Title)).FirstOrDefaultAsync(ct)
            : null;
        var realisedBy = r.Kind == RiskKind.Risk
            ? await Visible(db, user).AsNoTracking().Where(x => x.RealisedRiskId == r.Id).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id)
                .Select(x => new RiskRef(x.Id, x.Title)).ToListAsync(ct)
            : [];
        var escalation = user.IsClient || r.EscalatedAt is not { } at
            ? null
            : new RiskEscalation(r.EscalatedToStaffId, r.EscalatedTo ?? "", at, r.EscalatedByName, r.EscalationNote);
        return new RiskView(
            r.Id, r.AccountId, accountName, r.EngagementId, engagementName, r.Kind, r.Title, r.Description, r.Probability, r.Impact, r.Score,
            RiskRules.Level(r.Score), r.Status, r.OwnerStaffId, ownerName, r.Mitigation, user.IsClient ? null : r.Contingency, r.NextReviewDate,
            IsReviewOverdue(r, Today()), r.LastReviewedOn, r.LastReviewedBy, r.ClosedOn, escalation, r.ClientVisible, realisedRisk, realisedBy,
            r.Version, r.CreatedAt, r.UpdatedAt);
    }

    private static bool IsReviewOverdue(Risk r, DateOnly today) => RiskRules.IsOpen(r.Status) && r.NextReviewDate < today;

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private sealed class SummaryRow
    {
        public required Risk Risk { get; init; }

        public required string AccountName { get; init; }

        public string? EngagementName { get; init; }

        public string? OwnerName { get; init; }
    }
}
