using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.ChangeRequests;

/// <summary>
/// Change requests of engagements: drafted by the staff on the engagement, proposed to the client by
/// the account manager, approved or rejected by the client (or recorded for them), and applied to the
/// engagement's budget and end date in one transaction, which the audit log records before and after.
/// </summary>
public sealed class ChangeRequestService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock, ClientRequestService requests)
{
    private const string What = "The change request";

    /// <summary>The most a fixed fee or an hours cap may reach, as the budget form allows.</summary>
    private const long MaxFixedFee = 100_000_000_000;

    private const int MaxHoursCapMinutes = 10_000_000;

    public const string RetainerRule =
        "A retainer's hours and fee a period change by contract, from a period onwards: edit its budget for that. " +
        "A change request on a retainer moves its end date and deliverables only.";

    private const string NoEndDate = "The engagement has no end date to move; give it one first.";

    public async Task<Result<Page<ChangeRequestView>>> ListAsync(CurrentUser user, ChangeRequestListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (query.EngagementId is { } engagementId && !await EngagementAccess.CanSeeAsync(db, user, engagementId, ct))
        {
            return Error.NotFound("The engagement");
        }

        if (query.AccountId is { } accountId && !await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        var rows = db.ChangeRequests.AsNoTracking().VisibleTo(db, user);
        if (query.EngagementId is { } engagement)
        {
            rows = rows.Where(c => c.EngagementId == engagement);
        }

        if (query.AccountId is { } account)
        {
            rows = rows.Where(c => c.AccountId == account);
        }

        if (query.State is { } state)
        {
            rows = rows.Where(c => c.State == state);
        }

        var page = await rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return (await ToViewsAsync(db, user, page, ct)).ToPage(offset, limit);
    }

    public async Task<Result<ChangeRequestView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var change = await db.ChangeRequests.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(c => c.Id == id, ct);
        return change is null ? Error.NotFound(What) : await ToViewAsync(db, user, change, ct);
    }

    public async Task<Result<ChangeRequestView>> CreateAsync(CurrentUser user, NewChangeRequestInput input, CancellationToken ct)
    {
        if (!ChangeRequestAccess.CanDraft(user))
        {
            return Error.Forbidden("Change requests are drafted by the agency; a client approves or rejects the ones proposed to them.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(e => e.Id == input.EngagementId, ct);
        if (engagement is null)
        {
            return Error.Invalid("engagementId", "Choose an engagement you work on.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (NotOpenForChange(engagement) is { } closed)
        {
            return closed;
        }

        var change = new ChangeRequest
        {
            AccountId = engagement.AccountId, EngagementId = engagement.Id, Title = input.Title.Trim(), CreatedBy = user.UserId,
            RequestId = input.RequestId,
        };
        if (await ApplyInputAsync(db, change, engagement, input, ct) is { } error)
        {
            return error;
        }

        // Raised from a client request: the request is triaged as this change request in the same save.
        if (input.RequestId is { } requestId && await LinkRequestAsync(db, user, requestId, change, ct) is { } unlinked)
        {
            return unlinked;
        }

        db.ChangeRequests.Add(change);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, user, change, ct);
    }

    private async Task<Error?> LinkRequestAsync(LiaisonDb db, CurrentUser user, Guid requestId, ChangeRequest change, CancellationToken ct)
    {
        var requestAccount = await db.ClientRequests.Where(r => r.Id == requestId).Select(r => (Guid?)r.AccountId).FirstOrDefaultAsync(ct);
        if (requestAccount != change.AccountId)
        {
            return Error.Invalid("requestId", "Choose a request of this engagement's account.");
        }

        var error = await requests.MarkAsChangeRequestAsync(db, user, requestId, change.Id, ct);
        return error?.Kind == ErrorKind.NotFound ? Error.Invalid("requestId", "Choose a request of this engagement's account.") : error;
    }

    /// <summary>Edits a draft; a proposed change request is frozen, so the client approves exactly what was proposed.</summary>
    public async Task<Result<ChangeRequestView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, ChangeRequestInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var change = await db.ChangeRequests.VisibleTo(db, user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return Error.NotFound(What);
        }

        if (!ChangeRequestAccess.CanDraft(user))
        {
            return Error.Forbidden("Change requests are drafted by the agency.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && change.Version != version)
        {
            return Error.Stale(What);
        }

        if (change.State != ChangeRequestState.Draft)
        {
            return Error.Conflict($"The change request is {Label(change.State)}: only a draft can be edited, so the client decides on exactly what was proposed. Draft a new one instead.");
        }

        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == change.EngagementId, ct);
        if (await ApplyInputAsync(db, change, engagement, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToViewAsync(db, user, change, ct);
    }

    /// <summary>Deletes a draft; once proposed, a change request stays in the log whatever the client decides.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var change = await db.ChangeRequests.VisibleTo(db, user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return Error.NotFound(What);
        }

        if (!user.IsStaff || (change.CreatedBy != user.UserId && !EngagementAccess.CanManage(user)))
        {
            return Error.Forbidden("Only the change request's author and the people who run the engagement delete a draft.");
        }

        if (expectedVersion is { } version && change.Version != version)
        {
            return Error.Stale(What);
        }

        if (change.State != ChangeRequestState.Draft)
        {
            return Error.Conflict($"The change request is {Label(change.State)}: only drafts are deleted, so that what was put to the client stays in the log.");
        }

        db.ChangeRequests.Remove(change);
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : Result.Ok;
    }

    /// <summary>Puts a draft to the client: from now on it is frozen and the client can see and decide it.</summary>
    public async Task<Result<ChangeRequestView>> ProposeAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct) =>
        await ActAsync(user, id, ct: ct, action: async (db, change) =>
        {
            if (!ChangeRequestAccess.CanProposeAndApply(user))
            {
                return Error.Forbidden("The account manager (or an admin) proposes change requests to the client.");
            }

            if (expectedVersion is { } version && change.Version != version)
            {
                return Error.Stale(What);
            }

            if (change.State != ChangeRequestState.Draft)
            {
                return Error.Conflict($"The change request is {Label(change.State)}: only a draft can be proposed.");
            }

            var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == change.EngagementId, ct);
            if ((NotOpenForChange(engagement) ?? ImpactError(engagement, change.HoursDeltaMinutes, change.FeeDelta, change.EndDateShiftDays)) is { } error)
            {
                return Error.Conflict(error.Message);
            }

            change.State = ChangeRequestState.Proposed;
            change.ProposedAt = clock.UtcNowStorable();
            change.ProposedBy = user.UserId;
            return null;
        });

    /// <summary>
    /// Records the client's yes: by a client user of the account, or by the people who run the engagement
    /// on the client's behalf. With <see cref="ChangeRequestDecisionInput.Apply"/>, an account manager or
    /// admin also applies it, in the same transaction.
    /// </summary>
    public Task<Result<ChangeRequestView>> ApproveAsync(CurrentUser user, Guid id, long? expectedVersion, ChangeRequestDecisionInput input, CancellationToken ct) =>
        DecideAsync(user, id, expectedVersion, input, ChangeRequestState.Approved, ct);

    public Task<Result<ChangeRequestView>> RejectAsync(CurrentUser user, Guid id, long? expectedVersion, ChangeRequestDecisionInput input, CancellationToken ct) =>
        DecideAsync(user, id, expectedVersion, input, ChangeRequestState.Rejected, ct);

    /// <summary>
    /// Applies an approved change to the engagement: its budget and end date move, and the change request
    /// keeps the scope before and after. One save, so the audit log has both records' old and new values.
    /// </summary>
    public async Task<Result<ChangeRequestView>> ApplyAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct) =>
        await ActAsync(user, id, ct: ct, action: async (db, change) =>
        {
            if (!ChangeRequestAccess.CanProposeAndApply(user))
            {
                return Error.Forbidden("The account manager (or an admin) applies approved changes to the engagement.");
            }

            if (expectedVersion is { } version && change.Version != version)
            {
                return Error.Stale(What);
            }

            if (change.State != ChangeRequestState.Approved)
            {
                return Error.Conflict(change.State == ChangeRequestState.Applied
                    ? "The change request is already applied."
                    : $"The change request is {Label(change.State)}: only an approved one can be applied.");
            }

            return await ApplyToEngagementAsync(db, user, change, ct);
        });

    /// <summary>The engagement's scope log: original scope, approved changes, current scope and growth.</summary>
    public async Task<Result<ScopeLog>> ScopeAsync(CurrentUser user, Guid engagementId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).FirstOrDefaultAsync(e => e.Id == engagementId, ct);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        var changes = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.EngagementId == engagementId && c.State != ChangeRequestState.Draft && c.State != ChangeRequestState.Rejected)
            .ToListAsync(ct);
        return BuildScope(engagement, changes, EngagementAccess.CanSeeMoney(user));
    }

    /// <summary>
    /// The scope log from the engagement as it is and its change requests. The original scope is the one
    /// the first applied change found; growth sums the applied changes, as a percentage of the original
    /// where it has hours or a fee. Without <paramref name="seesMoney"/>, budget amounts are left out.
    /// </summary>
    public static ScopeLog BuildScope(Engagement engagement, IReadOnlyList<ChangeRequest> changes, bool seesMoney)
    {
        var applied = changes.Where(c => c.State == ChangeRequestState.Applied).OrderBy(c => c.AppliedAt).ThenBy(c => c.Id).ToList();
        var current = Figures(engagement);
        var original = applied.FirstOrDefault() is { } first ? new ScopeFigures(first.BeforeHoursMinutes, first.BeforeFee, first.BeforeEndDate) : current;
        var hours = applied.Sum(c => c.HoursDeltaMinutes);
        var fee = applied.Sum(c => c.FeeDelta);
        ScopeFigures? Shown(ScopeFigures? figures) => figures is null || seesMoney ? figures : figures with { Fee = null };

        var log = changes
            .Where(c => c.State is ChangeRequestState.Applied or ChangeRequestState.Approved)
            .OrderBy(c => c.AppliedAt is null).ThenBy(c => c.AppliedAt).ThenBy(c => c.DecidedAt).ThenBy(c => c.Id)
            .Select(c => new ScopeChange(
                c.Id, c.Title, c.State, c.DecidedAt, c.AppliedAt, c.HoursDeltaMinutes, c.FeeDelta, c.EndDateShiftDays,
                Shown(c.AppliedAt is null ? null : new ScopeFigures(c.BeforeHoursMinutes, c.BeforeFee, c.BeforeEndDate)),
                Shown(c.AppliedAt is null ? null : new ScopeFigures(c.AfterHoursMinutes, c.AfterFee, c.AfterEndDate))))
            .ToList();
        var growth = new ScopeGrowth(
            hours, Money.Percent(hours, original.HoursMinutes ?? 0),
            seesMoney ? fee : null, seesMoney ? Money.Percent(fee, original.Fee ?? 0) : null,
            applied.Sum(c => c.EndDateShiftDays));
        return new ScopeLog(engagement.Id, engagement.Type, Shown(original)!, log, Shown(current)!, growth,
            changes.Count(c => c.State == ChangeRequestState.Proposed));
    }

    /// <summary>
    /// The scope once a change is applied, by engagement type: a fixed fee grows by the fee change; a
    /// time-and-materials hours cap by the hours (an uncapped one stays uncapped; its fee change is the
    /// client's estimate at the rate card, and there is no money budget to move); a retainer's hours and
    /// fee never move (<see cref="RetainerRule"/>); the end date moves by the shift.
    /// </summary>
    public static ScopeFigures Projected(EngagementType type, ScopeFigures current, int hoursDeltaMinutes, long feeDelta, int endDateShiftDays) => new(
        type == EngagementType.TimeAndMaterials && current.HoursMinutes is { } cap ? cap + hoursDeltaMinutes : current.HoursMinutes,
        type == EngagementType.FixedFee && current.Fee is { } fee ? fee + feeDelta : current.Fee,
        current.EndDate?.AddDays(endDateShiftDays));

    /// <summary>The figures of the engagement's scope that change requests move, by engagement type.</summary>
    public static ScopeFigures Figures(Engagement e) => e.Type switch
    {
        EngagementType.FixedFee => new ScopeFigures(null, e.Budget.FixedFee, e.EndDate),
        EngagementType.Retainer => new ScopeFigures(e.Budget.RetainerMinutesPerPeriod, e.Budget.RetainerFeePerPeriod, e.EndDate),
        _ => new ScopeFigures(e.Budget.HoursCapMinutes, null, e.EndDate),
    };

    private async Task<Result<ChangeRequestView>> DecideAsync(
        CurrentUser user, Guid id, long? expectedVersion, ChangeRequestDecisionInput input, ChangeRequestState decision, CancellationToken ct) =>
        await ActAsync(user, id, ct: ct, action: async (db, change) =>
        {
            if (!ChangeRequestAccess.CanRecordDecision(user))
            {
                return Error.Forbidden("The client decides on a change request; admins, account managers and project managers may record the decision for them.");
            }

            if (input.Apply && (decision != ChangeRequestState.Approved || !ChangeRequestAccess.CanProposeAndApply(user)))
            {
                return decision == ChangeRequestState.Approved
                    ? Error.Forbidden("Only the account manager (or an admin) applies a change; record the approval without applying it.")
                    : Error.Invalid("apply", "A rejected change request is not applied.");
            }

            if (InputValidation.Validate(input) is { } invalid)
            {
                return invalid;
            }

            if (expectedVersion is { } version && change.Version != version)
            {
                return Error.Stale(What);
            }

            if (change.State != ChangeRequestState.Proposed)
            {
                return Error.Conflict($"The change request is {Label(change.State)}: only a proposed one can be approved or rejected.");
            }

            if (input.StakeholderId is { } stakeholderId)
            {
                if (user.IsClient)
                {
                    return Error.Invalid("stakeholderId", "A client user decides in their own name; leave the stakeholder out.");
                }

                if (!await db.Stakeholders.AnyAsync(s => s.Id == stakeholderId && s.AccountId == change.AccountId, ct))
                {
                    return Error.Invalid("stakeholderId", "Choose a stakeholder of the engagement's account.");
                }
            }

            change.State = decision;
            change.DecidedAt = clock.UtcNowStorable();
            change.DecidedBy = user.UserId;
            change.DecidedForStakeholderId = input.StakeholderId;
            change.DecisionNote = Text.Clean(input.Note);
            return input.Apply ? await ApplyToEngagementAsync(db, user, change, ct) : null;
        });

    /// <summary>Loads the visible change request, runs the action on it and saves, or returns the action's error unsaved.</summary>
    private async Task<Result<ChangeRequestView>> ActAsync(
        CurrentUser user, Guid id, Func<LiaisonDb, ChangeRequest, Task<Error?>> action, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var change = await db.ChangeRequests.VisibleTo(db, user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return Error.NotFound(What);
        }

        if (await action(db, change) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync("The change request or its engagement", ct) is { } stale ? stale : await ToViewAsync(db, user, change, ct);
    }

    /// <summary>
    /// Moves the engagement's budget and end date by the change (see <see cref="Projected"/>) and keeps the
    /// scope before and after on the change request. Nothing is saved here.
    /// </summary>
    private async Task<Error?> ApplyToEngagementAsync(LiaisonDb db, CurrentUser user, ChangeRequest change, CancellationToken ct)
    {
        var e = await db.Engagements.FirstAsync(x => x.Id == change.EngagementId, ct);
        if ((NotOpenForChange(e) ?? ImpactError(e, change.HoursDeltaMinutes, change.FeeDelta, change.EndDateShiftDays)) is { } invalid)
        {
            return Error.Conflict(invalid.Message);
        }

        var before = Figures(e);
        var after = Projected(e.Type, before, change.HoursDeltaMinutes, change.FeeDelta, change.EndDateShiftDays);
        if (e.Type == EngagementType.FixedFee && change.FeeDelta != 0 && before.Fee is null)
        {
            return Error.Conflict("The engagement has no fixed fee yet: set its budget before applying a change to it.");
        }

        if (after.Fee is < 0 or > MaxFixedFee && after.Fee != before.Fee)
        {
            return Error.Conflict($"Applying it would make the fixed fee {Money.Format(after.Fee.Value)}; a fee is between 0.00 and 1,000,000,000.00.");
        }

        if (after.HoursMinutes is < 0 or > MaxHoursCapMinutes && after.HoursMinutes != before.HoursMinutes)
        {
            return Error.Conflict($"Applying it would make the hours cap {Money.Hours(after.HoursMinutes.Value)} hours; a cap is between 0 and 166,666 hours.");
        }

        if (after.EndDate is { } end && e.StartDate is { } start && end < start && after.EndDate != before.EndDate)
        {
            return Error.Conflict($"Applying it would end the engagement on {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}.");
        }

        if (e.Type == EngagementType.FixedFee)
        {
            e.Budget.FixedFee = after.Fee;
        }
        else if (e.Type == EngagementType.TimeAndMaterials)
        {
            e.Budget.HoursCapMinutes = after.HoursMinutes;
        }

        e.EndDate = after.EndDate;
        (change.BeforeHoursMinutes, change.BeforeFee, change.BeforeEndDate) = (before.HoursMinutes, before.Fee, before.EndDate);
        (change.AfterHoursMinutes, change.AfterFee, change.AfterEndDate) = (after.HoursMinutes, after.Fee, after.EndDate);
        change.State = ChangeRequestState.Applied;
        change.AppliedAt = clock.UtcNowStorable();
        change.AppliedBy = user.UserId;
        return null;
    }

    private static async Task<Error?> ApplyInputAsync(LiaisonDb db, ChangeRequest change, Engagement engagement, ChangeRequestInput input, CancellationToken ct)
    {
        if (ImpactError(engagement, input.HoursDeltaMinutes, input.FeeDelta, input.EndDateShiftDays) is { } impact)
        {
            return impact;
        }

        if (input.RequestedByStakeholderId is { } stakeholderId
            && !await db.Stakeholders.AnyAsync(s => s.Id == stakeholderId && s.AccountId == engagement.AccountId, ct))
        {
            return Error.Invalid("requestedByStakeholderId", "Choose a stakeholder of the engagement's account.");
        }

        if (input.RequestedByStaffId is { } staffId && staffId != change.RequestedByStaffId
            && !await db.Staff.AnyAsync(s => s.Id == staffId && s.IsActive, ct))
        {
            return Error.Invalid("requestedByStaffId", "Choose an active member of the agency's staff.");
        }

        change.Title = input.Title.Trim();
        change.Description = Text.Clean(input.Description);
        change.Reason = Text.Clean(input.Reason);
        change.RequestedByStakeholderId = input.RequestedByStakeholderId;
        change.RequestedByStaffId = input.RequestedByStaffId;
        change.HoursDeltaMinutes = input.HoursDeltaMinutes;
        change.FeeDelta = input.FeeDelta;
        change.EndDateShiftDays = input.EndDateShiftDays;
        change.AffectedDeliverableIds = [.. (input.AffectedDeliverableIds ?? []).Distinct()];
        change.AffectedDeliverables = Text.Clean(input.AffectedDeliverables);
        change.InternalNotes = Text.Clean(input.InternalNotes);
        return null;
    }

    /// <summary>What the engagement cannot take of this impact, as a field error.</summary>
    private static Error? ImpactError(Engagement engagement, int hoursDeltaMinutes, long feeDelta, int endDateShiftDays)
    {
        if (engagement.Type == EngagementType.Retainer && (hoursDeltaMinutes != 0 || feeDelta != 0))
        {
            return Error.Invalid(hoursDeltaMinutes != 0 ? "hoursDeltaMinutes" : "feeDelta", RetainerRule);
        }

        return endDateShiftDays != 0 && engagement.EndDate is null ? Error.Invalid("endDateShiftDays", NoEndDate) : null;
    }

    /// <summary>
    /// Change requests are for agreed scope: an engagement in hand-off, delivery or on hold. A draft's scope
    /// is still being written (edit the engagement); a completed or cancelled one has none left to change.
    /// </summary>
    private static Error? NotOpenForChange(Engagement engagement) =>
        engagement.Status is EngagementStatus.HandOff or EngagementStatus.InDelivery or EngagementStatus.OnHold
            ? null
            : Error.Conflict(engagement.Status == EngagementStatus.Draft
                ? "The engagement is still a draft: change its initiation directly. Change requests are for scope the client has agreed."
                : $"The engagement is {EngagementService.Labels(engagement.Status)}: it has no scope left to change. Reopen it first.");

    internal static string Label(ChangeRequestState state) => state.ToString().ToLowerInvariant();

    private static async Task<ChangeRequestView> ToViewAsync(LiaisonDb db, CurrentUser user, ChangeRequest change, CancellationToken ct) =>
        (await ToViewsAsync(db, user, [change], ct))[0];

    /// <summary>The views of a page, with every name it mentions looked up in four queries whatever its size.</summary>
    private static async Task<List<ChangeRequestView>> ToViewsAsync(LiaisonDb db, CurrentUser user, IReadOnlyList<ChangeRequest> page, CancellationToken ct)
    {
        var engagementIds = page.Select(c => c.EngagementId).Distinct().ToList();
        var stakeholderIds = page.Select(c => c.RequestedByStakeholderId).Concat(page.Select(c => c.DecidedForStakeholderId))
            .OfType<Guid>().Distinct().ToList();
        var staffIds = page.Select(c => c.RequestedByStaffId).OfType<Guid>().Distinct().ToList();
        var userIds = page.SelectMany(c => new[] { c.CreatedBy, c.ProposedBy, c.DecidedBy, c.AppliedBy }).OfType<Guid>().Distinct().ToList();
        var engagements = await db.Engagements.AsNoTracking().Where(e => engagementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => stakeholderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        PersonRef? Ref(Dictionary<Guid, string> names, Guid? id) => id is { } x && names.TryGetValue(x, out var name) ? new PersonRef(x, name) : null;
        string? UserName(Guid? id) => id is { } x ? users.GetValueOrDefault(x) : null;

        return [.. page.Select(c => new ChangeRequestView(
            c.Id, c.AccountId, c.EngagementId, engagements.GetValueOrDefault(c.EngagementId, ""), c.Title, c.Description, c.Reason,
            Ref(stakeholders, c.RequestedByStakeholderId), Ref(staff, c.RequestedByStaffId), c.HoursDeltaMinutes, c.FeeDelta, c.EndDateShiftDays,
            c.AffectedDeliverableIds, c.AffectedDeliverables, c.RequestId, user.IsClient ? null : c.InternalNotes,
            c.State, UserName(c.CreatedBy), c.ProposedAt, UserName(c.ProposedBy), c.DecidedAt, UserName(c.DecidedBy),
            Ref(stakeholders, c.DecidedForStakeholderId), c.DecisionNote, c.AppliedAt, UserName(c.AppliedBy), c.Version, c.CreatedAt, c.UpdatedAt))];
    }
}
