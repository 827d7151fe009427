using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Engagements;

/// <summary>Engagements of accounts: initiation (saved as drafts step by step), status, RAG and progress.</summary>
public sealed class EngagementService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<Page<EngagementSummary>>> ListAsync(CurrentUser user, EngagementListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var engagements = db.Engagements.AsNoTracking().VisibleTo(db, user);
        if (query.AccountId is { } accountId)
        {
            engagements = engagements.Where(e => e.AccountId == accountId);
        }

        if (query.Status is { } status)
        {
            engagements = engagements.Where(e => e.Status == status);
        }

        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            engagements = engagements.Where(e => e.Name.ToLower().Contains(term));
        }

        if (query.MineOnly && user.StaffId is { } me)
        {
            engagements = engagements.Where(e => e.ProjectManagerId == me || e.AccountManagerId == me
                || db.EngagementMembers.Any(m => m.EngagementId == e.Id && m.StaffId == me));
        }

        var rows = from e in engagements
                   join a in db.Accounts on e.AccountId equals a.Id
                   join pm in db.Staff on e.ProjectManagerId equals pm.Id into pms
                   from pm in pms.DefaultIfEmpty()
                   select new
                   {
                       Engagement = e,
                       AccountName = a.Name,
                       PmName = pm != null ? pm.FullName : null,
                       StatusRank = e.Status == EngagementStatus.Draft ? 0 : e.Status == EngagementStatus.HandOff ? 1
                           : e.Status == EngagementStatus.InDelivery ? 2 : e.Status == EngagementStatus.OnHold ? 3
                           : e.Status == EngagementStatus.Completed ? 4 : 5,
                   };
        var ordered = (query.Sort, query.Descending) switch
        {
            (EngagementSort.Account, false) => rows.OrderBy(r => r.AccountName).ThenBy(r => r.Engagement.Name),
            (EngagementSort.Account, true) => rows.OrderByDescending(r => r.AccountName).ThenBy(r => r.Engagement.Name),
            (EngagementSort.Status, false) => rows.OrderBy(r => r.StatusRank).ThenBy(r => r.Engagement.Name),
            (EngagementSort.Status, true) => rows.OrderByDescending(r => r.StatusRank).ThenBy(r => r.Engagement.Name),
            (EngagementSort.Start, false) => rows.OrderBy(r => r.Engagement.StartDate == null).ThenBy(r => r.Engagement.StartDate),
            (EngagementSort.Start, true) => rows.OrderBy(r => r.Engagement.StartDate == null).ThenByDescending(r => r.Engagement.StartDate),
            (EngagementSort.End, false) => rows.OrderBy(r => r.Engagement.EndDate == null).ThenBy(r => r.Engagement.EndDate),
            (EngagementSort.End, true) => rows.OrderBy(r => r.Engagement.EndDate == null).ThenByDescending(r => r.Engagement.EndDate),
            (_, true) => rows.OrderByDescending(r => r.Engagement.Name),
            _ => rows.OrderBy(r => r.Engagement.Name),
        };

        var page = await ordered.ThenBy(r => r.Engagement.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return page.Select(r => new EngagementSummary(
                r.Engagement.Id, r.Engagement.AccountId, r.AccountName, r.Engagement.Name, r.Engagement.Type, r.Engagement.Status,
                r.Engagement.Rag, r.Engagement.StartDate, r.Engagement.EndDate, r.PmName, r.Engagement.Version))
            .ToList().ToPage(offset, limit);
    }

    public async Task<Result<EngagementView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await LoadAsync(db, user, id, ct);
        return engagement is null || user.IsClient ? Error.NotFound("The engagement") : await ToViewAsync(db, engagement, ct);
    }

    /// <summary>The client's view of an engagement of their own account.</summary>
    public async Task<Result<ClientEngagementView>> GetForClientAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var e = await LoadAsync(db, user, id, ct);
        return e is null ? Error.NotFound("The engagement") : ToClientView(e);
    }

    public async Task<Result<EngagementView>> CreateAsync(CurrentUser user, CreateEngagementInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanCreateAccount(user))
        {
            return Error.Forbidden("Only admins and account managers start engagements.");
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

        var account = await db.Accounts.FirstAsync(a => a.Id == input.AccountId, ct);
        var engagement = new Engagement { AccountId = input.AccountId, Name = input.Name.Trim() };
        input.AccountManagerId ??= account.AccountManagerId ?? user.StaffId;
        if (await ApplyAsync(db, engagement, input, ct) is { } error)
        {
            return error;
        }

        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, engagement, ct);
    }

    /// <summary>Saves the initiation as it stands; a draft may be saved at any step with fields still blank.</summary>
    public async Task<Result<EngagementView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, EngagementInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await LoadAsync(db, user, id, ct, track: true);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        if (!EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit engagements.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && engagement.Version != version)
        {
            return Error.Stale("The engagement");
        }

        if (await ApplyAsync(db, engagement, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync("The engagement", ct) is { } stale ? stale : await ToViewAsync(db, engagement, ct);
    }

    public async Task<Result<EngagementView>> SetRagAsync(CurrentUser user, Guid id, long? expectedVersion, RagInput input, CancellationToken ct)
    {
        if (input.Rag != Rag.Green && string.IsNullOrWhiteSpace(input.Reason))
        {
            return Error.Invalid("reason", "Say why the engagement is amber or red.");
        }

        if (input.Reason?.Length > 1000)
        {
            return Error.Invalid("reason", "Keep the reason under 1,000 characters.");
        }

        return await ChangeAsync(user, id, expectedVersion, ct: ct, change: (_, e) =>
        {
            e.Rag = input.Rag;
            e.RagReason = Text.Clean(input.Reason);
            e.RagSetOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return Task.FromResult<Error?>(null);
        });
    }

    public async Task<Result<EngagementView>> SetStatusAsync(CurrentUser user, Guid id, long? expectedVersion, StatusInput input, CancellationToken ct) =>
        await ChangeAsync(user, id, expectedVersion, ct: ct, change: async (db, e) =>
        {
            var from = e.Status;
            var to = input.Status;
            if (from == to)
            {
                return null;
            }

            var allowed = NextStatuses(from);
            if (!allowed.Contains(to))
            {
                var hint = from == EngagementStatus.Draft && to == EngagementStatus.HandOff
                    ? " Send the hand-off brief to the project manager instead."
                    : "";
                return Error.Conflict($"An engagement that is {Labels(from)} cannot become {Labels(to)}." +
                    (allowed.Count > 0 ? $" It can become: {string.Join(", ", allowed.Select(Labels))}." : "") + hint);
            }

            if (to == EngagementStatus.InDelivery && from == EngagementStatus.HandOff)
            {
                if (e.HandOff.AcknowledgedAt is null)
                {
                    return Error.Conflict("The project manager has not acknowledged the hand-off brief yet.");
                }

                if (await db.HandOffQuestions.AnyAsync(q => q.EngagementId == e.Id && q.Answer == null, ct))
                {
                    return Error.Conflict("The project manager's questions on the hand-off are not all answered yet.");
                }
            }

            if (to == EngagementStatus.Draft)
            {
                e.HandOff = new HandOff();
            }

            e.Status = to;
            return null;
        });

    /// <summary>
    /// The statuses an engagement may move to from <paramref name="from"/>. A draft reaches hand-off
    /// only by sending the brief; hand-off reaches delivery only once the PM acknowledged it.
    /// </summary>
    public static IReadOnlyList<EngagementStatus> NextStatuses(EngagementStatus from) => from switch
    {
        EngagementStatus.Draft => [EngagementStatus.Cancelled],
        EngagementStatus.HandOff => [EngagementStatus.InDelivery, EngagementStatus.Draft, EngagementStatus.Cancelled],
        EngagementStatus.InDelivery => [EngagementStatus.OnHold, EngagementStatus.Completed, EngagementStatus.Cancelled],
        EngagementStatus.OnHold => [EngagementStatus.InDelivery, EngagementStatus.Cancelled],
        EngagementStatus.Completed => [EngagementStatus.InDelivery],
        _ => [],
    };

    public async Task<Result<EngagementView>> SetProgressAsync(CurrentUser user, Guid id, long? expectedVersion, ProgressInput input, CancellationToken ct)
    {
        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        return await ChangeAsync(user, id, expectedVersion, ct: ct, change: (db, e) =>
        {
            e.Budget.PercentComplete = input.Percent;
            db.ProgressReadings.Add(new ProgressReading
            {
                EngagementId = e.Id,
                On = input.On ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                Percent = input.Percent,
            });
            return Task.FromResult<Error?>(null);
        });
    }

    private async Task<Result<EngagementView>> ChangeAsync(
        CurrentUser user, Guid id, long? expectedVersion, Func<LiaisonDb, Engagement, Task<Error?>> change, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await LoadAsync(db, user, id, ct, track: true);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        if (!EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers change engagements.");
        }

        if (expectedVersion is { } version && engagement.Version != version)
        {
            return Error.Stale("The engagement");
        }

        if (await change(db, engagement) is { } error)
        {
            return error;
        }

        engagement.UpdatedAt = clock.UtcNowStorable();
        return await db.TrySaveAsync("The engagement", ct) is { } stale ? stale : await ToViewAsync(db, engagement, ct);
    }

    internal static async Task<Engagement?> LoadAsync(LiaisonDb db, CurrentUser user, Guid id, CancellationToken ct, bool track = false)
    {
        var query = db.Engagements.VisibleTo(db, user)
            .Include(e => e.Members).Include(e => e.Deliverables).Include(e => e.Phases).Include(e => e.Milestones)
            .AsSplitQuery();
        return await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, ct);
    }

    private static async Task<Error?> ApplyAsync(LiaisonDb db, Engagement e, EngagementInput input, CancellationToken ct)
    {
        var people = new[] { input.AccountManagerId, input.ProjectManagerId }.OfType<Guid>()
            .Concat((input.Members ?? []).Select(m => m.StaffId)).Distinct().ToList();
        var known = await db.Staff.Where(s => people.Contains(s.Id) && s.IsActive).Select(s => s.Id).ToListAsync(ct);
        if (input.AccountManagerId is { } am && !known.Contains(am))
        {
            return Error.Invalid("accountManagerId", "Choose an active staff member as account manager.");
        }

        if (input.ProjectManagerId is { } pm && !known.Contains(pm))
        {
            return Error.Invalid("projectManagerId", "Choose an active staff member as project manager.");
        }

        if ((input.Members ?? []).Any(m => !known.Contains(m.StaffId)))
        {
            return Error.Invalid("members", "Every member must be an active staff member.");
        }

        if (e.Type != input.Type && e.Status != EngagementStatus.Draft)
        {
            return Error.Invalid("type", "The type of an engagement can change only while it is a draft.");
        }

        // Retainer periods are whole calendar months, which is what the monthly rollups sum.
        if (input.Type == EngagementType.Retainer && input.StartDate is { Day: not 1 })
        {
            return Error.Invalid("startDate", "A retainer starts on the first of a month, so that its periods are whole months.");
        }

        e.Name = input.Name.Trim();
        e.Type = input.Type;
        e.Methodology = input.Methodology;
        e.InitiationStep = Math.Max(e.InitiationStep, input.InitiationStep);
        e.ClientNeeds = Text.Clean(input.ClientNeeds);
        e.Goals = [.. (input.Goals ?? []).Select(Text.Clean).OfType<string>()];
        e.ClientExpectations = Text.Clean(input.ClientExpectations);
        e.KnownRisks = Text.Clean(input.KnownRisks);
        e.StartDate = input.StartDate;
        e.EndDate = input.EndDate;
        e.AccountManagerId = input.AccountManagerId;
        e.ProjectManagerId = input.ProjectManagerId;
        e.ReportCadence = input.ReportCadence;
        e.InternalNotes = Text.Clean(input.InternalNotes);

        if (input.Members is { } members)
        {
            e.Members.RemoveAll(m => members.All(x => x.StaffId != m.StaffId));
            foreach (var m in members)
            {
                var role = Text.Clean(m.Role) ?? "Team member";
                if (e.Members.Find(x => x.StaffId == m.StaffId) is { } existing)
                {
                    existing.Role = role;
                }
                else
                {
                    e.Members.Add(new EngagementMember { EngagementId = e.Id, StaffId = m.StaffId, Role = role });
                }
            }
        }

        if (input.Deliverables is { } deliverables)
        {
            e.Deliverables.RemoveAll(d => deliverables.All(x => x.Id != d.Id));
            for (var i = 0; i < deliverables.Count; i++)
            {
                var d = deliverables[i];
                var target = e.Deliverables.Find(x => x.Id == d.Id);
                if (target is null)
                {
                    target = new PlannedDeliverable { EngagementId = e.Id };
                    e.Deliverables.Add(target);
                }

                (target.Title, target.DueDate, target.Position) = (d.Title.Trim(), d.DueDate, i);
            }
        }

        if (input.Phases is { } phases)
        {
            e.Phases.Clear();
            e.Phases.AddRange(phases.Select((p, i) => new Phase
            {
                EngagementId = e.Id, Name = p.Name.Trim(), StartDate = p.StartDate, EndDate = p.EndDate, Position = i,
            }));
        }

        if (input.Milestones is { } milestones)
        {
            e.Milestones.RemoveAll(m => milestones.All(x => x.Id != m.Id));
            foreach (var m in milestones)
            {
                var target = e.Milestones.Find(x => x.Id == m.Id);
                if (target is null)
                {
                    target = new Milestone { EngagementId = e.Id };
                    e.Milestones.Add(target);
                }

                (target.Name, target.DueDate, target.DoneOn) = (m.Name.Trim(), m.DueDate, m.DoneOn);
            }
        }

        // Whoever works on an engagement must be able to see its account: join them to the team.
        var staffOnEngagement = e.Members.Select(m => m.StaffId)
            .Concat(new[] { e.AccountManagerId, e.ProjectManagerId }.OfType<Guid>()).Distinct().ToList();
        var onTeam = await db.AccountTeamMembers.Where(t => t.AccountId == e.AccountId && staffOnEngagement.Contains(t.StaffId))
            .Select(t => t.StaffId).ToListAsync(ct);
        foreach (var staffId in staffOnEngagement.Except(onTeam))
        {
            db.AccountTeamMembers.Add(new AccountTeamMember
            {
                AccountId = e.AccountId,
                StaffId = staffId,
                Role = staffId == e.ProjectManagerId ? TeamRole.ProjectManager
                    : staffId == e.AccountManagerId ? TeamRole.AccountManager : TeamRole.Specialist,
                AddedAt = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc),
            });
        }

        return null;
    }

    internal static async Task<EngagementView> ToViewAsync(LiaisonDb db, Engagement e, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == e.AccountId).Select(a => a.Name).FirstAsync(ct);
        var people = e.Members.Select(m => m.StaffId)
            .Concat(new[] { e.AccountManagerId, e.ProjectManagerId, e.HandOff.SentBy, e.HandOff.AcknowledgedBy }.OfType<Guid>())
            .Distinct().ToList();
        var questions = await db.HandOffQuestions.AsNoTracking().Where(q => q.EngagementId == e.Id)
            .OrderBy(q => q.AskedAt).ToListAsync(ct);
        people.AddRange(questions.Select(q => q.AskedBy).Concat(questions.Select(q => q.AnsweredBy).OfType<Guid>()));
        var staff = await db.Staff.AsNoTracking().Where(s => people.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (s.FullName, s.Discipline), ct);
        string? Name(Guid? id) => id is { } x && staff.TryGetValue(x, out var s) ? s.FullName : null;

        var handOff = new HandOffView(
            e.HandOff.Brief, e.HandOff.SentAt, Name(e.HandOff.SentBy), e.HandOff.AcknowledgedAt, Name(e.HandOff.AcknowledgedBy),
            [.. questions.Select(q => new HandOffQuestionView(q.Id, q.Question, Name(q.AskedBy) ?? "", q.AskedAt, q.Answer, Name(q.AnsweredBy), q.AnsweredAt))],
            e.HandOff.AcknowledgedAt is not null && questions.All(q => q.Answer is not null));
        return new EngagementView(
            e.Id, e.AccountId, accountName, e.Name, e.Type, e.Methodology, e.Status, e.InitiationStep, e.ClientNeeds, e.Goals,
            e.ClientExpectations, e.KnownRisks, e.StartDate, e.EndDate, e.AccountManagerId, Name(e.AccountManagerId),
            e.ProjectManagerId, Name(e.ProjectManagerId), e.Rag, e.RagReason, e.RagSetOn, e.ReportCadence, e.InternalNotes,
            [.. e.Members.OrderBy(m => Name(m.StaffId)).Select(m => new MemberView(
                m.StaffId, Name(m.StaffId) ?? "", staff.TryGetValue(m.StaffId, out var s) ? s.Discipline : Staff.Discipline.Other, m.Role))],
            Deliverables(e), Phases(e), Milestones(e), handOff, e.Version, e.CreatedAt, e.UpdatedAt);
    }

    private static ClientEngagementView ToClientView(Engagement e) => new(
        e.Id, e.AccountId, e.Name, e.Type, e.Methodology, e.Status, e.Goals, e.StartDate, e.EndDate, e.Rag,
        Deliverables(e), Phases(e), Milestones(e), e.Version);

    private static List<DeliverableView> Deliverables(Engagement e) =>
        [.. e.Deliverables.OrderBy(d => d.Position).Select(d => new DeliverableView(d.Id, d.Title, d.DueDate))];

    private static List<PhaseView> Phases(Engagement e) =>
        [.. e.Phases.OrderBy(p => p.Position).Select(p => new PhaseView(p.Id, p.Name, p.StartDate, p.EndDate))];

    private static List<MilestoneView> Milestones(Engagement e) =>
        [.. e.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Name).Select(m => new MilestoneView(m.Id, m.Name, m.DueDate, m.DoneOn))];

    internal static string Labels(EngagementStatus status) => status switch
    {
        EngagementStatus.HandOff => "in hand-off",
        EngagementStatus.InDelivery => "in delivery",
        EngagementStatus.OnHold => "on hold",
        _ => status.ToString().ToLowerInvariant(),
    };
}
