using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Common.Files;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Engagements;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Deliverables;

/// <summary>
/// Deliverables of engagements and their way through review to the client. Staff who can see the
/// engagement (or are assigned to the deliverable, or review it) work on it; admins, account and project
/// managers add and edit deliverables; the moves follow <see cref="DeliverableWorkflow"/>. A client user
/// sees their account's deliverables once they were first sent to them, in the client's view only, and
/// comments, requests changes or approves in a client review.
/// </summary>
public sealed class DeliverableService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock, FileStore files)
{
    private const string What = "The deliverable";

    /// <summary>The agency's list, by due date (undated last). Client users use <see cref="ListForClientAsync"/>.</summary>
    public async Task<Result<Page<DeliverableSummary>>> ListAsync(CurrentUser user, DeliverableListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckScopeAsync(db, user, query, ct) is { } denied)
        {
            return denied;
        }

        if (user.IsClient)
        {
            return Error.Forbidden("Client users see deliverables in the client's view.");
        }

        var rows = await Ordered(Filtered(db, user, query)).Skip(offset).Take(limit + 1).Include(d => d.Assignees).ToListAsync(ct);
        return (await SummariesAsync(db, rows, ct)).ToPage(offset, limit);
    }

    /// <summary>The client's list: their account's deliverables that were sent to them.</summary>
    public async Task<Result<Page<ClientDeliverableSummary>>> ListForClientAsync(CurrentUser user, DeliverableListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckScopeAsync(db, user, query, ct) is { } denied)
        {
            return denied;
        }

        var rows = await Ordered(Filtered(db, user, query).Where(d => d.FirstSentToClientAt != null))
            .Skip(offset).Take(limit + 1)
            .Join(db.Engagements, d => d.EngagementId, e => e.Id, (d, e) => new ClientDeliverableSummary(
                d.Id, d.EngagementId, e.Name, d.Title, d.Type, d.State, d.DueDate, d.ClientRounds, d.Version))
            .ToListAsync(ct);
        return rows.ToPage(offset, limit);
    }

    /// <summary>An engagement's deliverables as a board: one column per state, in workflow order, each by due date.</summary>
    public async Task<Result<DeliverableBoard>> BoardAsync(CurrentUser user, Guid engagementId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).Where(e => e.Id == engagementId)
            .Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(ct);
        if (engagement is null)
        {
            return Error.NotFound("The engagement");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("The board is the agency's working view.");
        }

        var rows = await Ordered(Visible(db, user).Where(d => d.EngagementId == engagementId)).Include(d => d.Assignees).ToListAsync(ct);
        var items = await SummariesAsync(db, rows, ct);
        return new DeliverableBoard(engagement.Id, engagement.Name,
            [.. Enum.GetValues<DeliverableState>().Select(s => new BoardColumn(s, [.. items.Where(i => i.State == s)]))]);
    }

    /// <summary>The agency's view of one deliverable; client users find none here and use <see cref="GetForClientAsync"/>.</summary>
    public async Task<Result<DeliverableDetails>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = user.IsClient ? null : await LoadAsync(db, user, id, track: false, ct);
        return d is null ? Error.NotFound(What) : await ToDetailsAsync(db, user, d, ct);
    }

    /// <summary>The client's view of one deliverable of their account that was sent to them (staff may preview it).</summary>
    public async Task<Result<ClientDeliverableView>> GetForClientAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: false, ct);
        return d is null || d.FirstSentToClientAt is null ? Error.NotFound(What) : await ToClientViewAsync(db, user, d, ct);
    }

    public async Task<Result<DeliverableDetails>> CreateAsync(CurrentUser user, NewDeliverableInput input, CancellationToken ct)
    {
        if (!EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers add deliverables.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var engagement = await db.Engagements.AsNoTracking().VisibleTo(db, user).Where(e => e.Id == input.EngagementId)
            .Select(e => new { e.Id, e.AccountId, e.Status }).FirstOrDefaultAsync(ct);
        if (engagement is null)
        {
            return Error.Invalid("engagementId", "Choose an engagement you can see.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (EngagementRules.IsClosed(engagement.Status))
        {
            return Error.Conflict($"The engagement is {EngagementService.Labels(engagement.Status)}; it takes no new deliverables.");
        }

        var deliverable = new Deliverable { AccountId = engagement.AccountId, EngagementId = engagement.Id, Title = input.Title.Trim() };
        if (await ApplyAsync(db, deliverable, input, ct) is { } error)
        {
            return error;
        }

        db.Deliverables.Add(deliverable);
        await db.SaveChangesAsync(ct);
        return await ToDetailsAsync(db, user, deliverable, ct);
    }

    /// <summary>Edits title, type, brief, due date, assignees and reviewer, in any state.</summary>
    public async Task<Result<DeliverableDetails>> UpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, EditDeliverableInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: true, ct);
        if (d is null)
        {
            return Error.NotFound(What);
        }

        if (!EngagementAccess.CanManage(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit deliverables.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && d.Version != version)
        {
            return Error.Stale(What);
        }

        if (await ApplyAsync(db, d, input, ct) is { } error)
        {
            return error;
        }

        db.BumpIfChildrenChanged(d);
        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await ToDetailsAsync(db, user, d, ct);
    }

    /// <summary>Moves the deliverable (the agency's view back). 409 lists the moves the caller may make instead.</summary>
    public Task<Result<DeliverableDetails>> TransitionAsync(
        CurrentUser user, Guid id, long? expectedVersion, TransitionInput input, CancellationToken ct) =>
        user.IsClient
            ? Task.FromResult<Result<DeliverableDetails>>(Error.NotFound(What))
            : ChangeAsync(user, id, expectedVersion, input, (db, d, actor) => MoveAsync(db, d, actor, input, ct), ToDetailsAsync, ct);

    /// <summary>Moves the deliverable, answering with the client's view: how a client user decides a review.</summary>
    public Task<Result<ClientDeliverableView>> TransitionForClientAsync(
        CurrentUser user, Guid id, long? expectedVersion, TransitionInput input, CancellationToken ct) =>
        ChangeAsync(user, id, expectedVersion, input, (db, d, actor) => MoveAsync(db, d, actor, input, ct), ToClientViewAsync, ct);

    /// <summary>Comments in the open review round (the agency's view back).</summary>
    public Task<Result<DeliverableDetails>> AddCommentAsync(
        CurrentUser user, Guid id, long? expectedVersion, DeliverableCommentInput input, CancellationToken ct) =>
        user.IsClient
            ? Task.FromResult<Result<DeliverableDetails>>(Error.NotFound(What))
            : ChangeAsync(user, id, expectedVersion, input, (db, d, actor) => CommentAsync(db, d, actor, input, ct), ToDetailsAsync, ct);

    /// <summary>Comments in the open client review, answering with the client's view.</summary>
    public Task<Result<ClientDeliverableView>> AddCommentForClientAsync(
        CurrentUser user, Guid id, long? expectedVersion, DeliverableCommentInput input, CancellationToken ct) =>
        ChangeAsync(user, id, expectedVersion, input, (db, d, actor) => CommentAsync(db, d, actor, input, ct), ToClientViewAsync, ct);

    /// <summary>Adds the next version (a link and notes) while the work is in progress.</summary>
    public async Task<Result<VersionView>> AddVersionAsync(
        CurrentUser user, Guid id, long? expectedVersion, NewVersionInput input, CancellationToken ct)
    {
        DeliverableVersion? added = null;
        var result = await ChangeAsync(user, id, expectedVersion, input, (_, d, actor) =>
        {
            var version = DeliverableWorkflow.AddVersion(d, input.LinkUrl, input.Notes, actor, clock.UtcNowStorable());
            added = version.IsSuccess ? version.Value : null;
            return Task.FromResult(version.Error);
        }, (_, _, _, _) => Task.FromResult(0), ct);
        return result.IsSuccess ? ToVersionView(added!, shownToClient: false) : result.Error;
    }

    /// <summary>
    /// Adds the next version as an uploaded file (with notes, and a link if there is one too). Who may add a
    /// version and when is checked before the file is kept; a file whose version is then not saved is removed.
    /// </summary>
    public async Task<Result<VersionView>> AddFileVersionAsync(
        CurrentUser user, Guid id, long? expectedVersion, Stream content, string? fileName, NewFileVersionInput input, CancellationToken ct)
    {
        DeliverableVersion? added = null;
        StoredFile? stored = null;
        var result = await ChangeAsync(user, id, expectedVersion, input, async (_, d, actor) =>
        {
            if (DeliverableWorkflow.RefuseVersion(d, actor) is { } refused)
            {
                return refused;
            }

            var saved = await files.SaveAsync(content, fileName, ct);
            if (!saved.IsSuccess)
            {
                return saved.Error;
            }

            stored = saved.Value;
            var version = DeliverableWorkflow.AddVersion(d, input.LinkUrl, input.Notes, actor, clock.UtcNowStorable(), stored);
            added = version.IsSuccess ? version.Value : null;
            return version.Error;
        }, (_, _, _, _) => Task.FromResult(0), ct);
        if (!result.IsSuccess && stored is not null)
        {
            files.Delete(stored.StorageKey);
        }

        return result.IsSuccess ? ToVersionView(added!, shownToClient: false) : result.Error;
    }

    /// <summary>
    /// A version's file for download. Staff who can see the deliverable get any version's file; a client
    /// user only the files of versions a client review showed them; anyone else finds nothing.
    /// </summary>
    public async Task<Result<VersionFile>> OpenVersionFileAsync(CurrentUser user, Guid id, Guid versionId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: false, ct);
        var version = d?.Versions.FirstOrDefault(v => v.Id == versionId);
        if (d is null || version?.StoredFileName is null || (user.IsClient && !ShownVersionIds(d).Contains(version.Id)))
        {
            return Error.NotFound("The file");
        }

        var stream = files.OpenRead(version.StoredFileName);
        return stream is null
            ? Error.NotFound("The file")
            : new VersionFile(stream, version.OriginalFileName ?? "file", version.ContentType ?? "application/octet-stream", version.SizeBytes ?? 0);
    }

    /// <summary>The versions, oldest first: all of them for the agency, with their notes.</summary>
    public async Task<Result<Page<VersionView>>> ListVersionsAsync(CurrentUser user, Guid id, PageRequest page, CancellationToken ct)
    {
        var paging = page.Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var d = user.IsClient ? null : await LoadAsync(db, user, id, track: false, ct);
        if (d is null)
        {
            return Error.NotFound(What);
        }

        var shown = ShownVersionIds(d);
        var (offset, limit) = paging.Value;
        return d.Versions.OrderBy(v => v.Number).Skip(offset).Take(limit + 1)
            .Select(v => ToVersionView(v, shown.Contains(v.Id))).ToList().ToPage(offset, limit);
    }

    /// <summary>The versions the client was shown, oldest first, without the agency's notes.</summary>
    public async Task<Result<Page<ClientVersionView>>> ListVersionsForClientAsync(CurrentUser user, Guid id, PageRequest page, CancellationToken ct)
    {
        var paging = page.Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: false, ct);
        if (d is null || d.FirstSentToClientAt is null)
        {
            return Error.NotFound(What);
        }

        var (offset, limit) = paging.Value;
        return ClientVersions(d).Skip(offset).Take(limit + 1).ToList().ToPage(offset, limit);
    }

    /// <summary>The history of moves and the moves the caller may make now; internal to the agency.</summary>
    public async Task<Result<TransitionsView>> GetTransitionsAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: false, ct);
        if (d is null)
        {
            return Error.NotFound(What);
        }

        if (user.IsClient)
        {
            return Error.Forbidden("The history of a deliverable's moves is internal to the agency.");
        }

        var actor = await ActorAsync(db, user, d, ct);
        return new TransitionsView(d.Id, d.State, DeliverableWorkflow.Allowed(d, actor), ToTransitionViews(d), d.Version);
    }

    /// <summary>
    /// Checks a deliverable's fields and sets them: new assignees and a new reviewer must be people who can
    /// take the account's work (<see cref="AccountAccess.CanTakeWorkAsync"/>); people already on it stay even if
    /// they have left the team since, so an edit of the title never fails on them. Shared with triage.
    /// </summary>
    internal static async Task<Error?> ApplyAsync(LiaisonDb db, Deliverable d, EditDeliverableInput input, CancellationToken ct)
    {
        var wanted = (input.AssigneeStaffIds ?? []).Distinct().ToList();
        foreach (var staffId in wanted.Where(w => d.Assignees.All(a => a.StaffId != w)))
        {
            if (!await AccountAccess.CanTakeWorkAsync(db, d.AccountId, staffId, ct))
            {
                return Error.Invalid("assigneeStaffIds", "Assign active staff on the account's team.");
            }
        }

        if (input.ReviewerStaffId is { } reviewerId && reviewerId != d.ReviewerStaffId
            && !await AccountAccess.CanTakeWorkAsync(db, d.AccountId, reviewerId, ct))
        {
            return Error.Invalid("reviewerStaffId", "Choose an active staff member on the account's team as the reviewer.");
        }

        d.Title = input.Title.Trim();
        d.Type = input.Type;
        d.Brief = Text.Clean(input.Brief);
        d.DueDate = input.DueDate;
        d.ReviewerStaffId = input.ReviewerStaffId;
        d.Assignees.RemoveAll(a => !wanted.Contains(a.StaffId));
        foreach (var staffId in wanted.Where(w => d.Assignees.All(a => a.StaffId != w)))
        {
            d.Assignees.Add(new DeliverableAssignee { DeliverableId = d.Id, StaffId = staffId, AccountId = d.AccountId });
        }

        return null;
    }

    /// <summary>The deliverables the user may see: staff through the engagement (or being assigned or the reviewer), a client once sent to them.</summary>
    internal static IQueryable<Deliverable> Visible(LiaisonDb db, CurrentUser user)
    {
        var query = db.Deliverables.AsNoTracking().VisibleTo(db, user);
        if (user.IsClient)
        {
            return query.Where(d => d.FirstSentToClientAt != null);
        }

        if (user.Role is Role.Admin or Role.AccountManager or Role.ProjectManager)
        {
            return query;
        }

        var staffId = user.StaffId ?? Guid.Empty;
        var engagements = db.Engagements.VisibleTo(db, user);
        return query.Where(d => engagements.Any(e => e.Id == d.EngagementId)
            || d.ReviewerStaffId == staffId || d.Assignees.Any(a => a.StaffId == staffId));
    }

    private static IQueryable<Deliverable> Filtered(LiaisonDb db, CurrentUser user, DeliverableListQuery query)
    {
        var rows = Visible(db, user);
        if (query.AccountId is { } accountId)
        {
            rows = rows.Where(d => d.AccountId == accountId);
        }

        if (query.EngagementId is { } engagementId)
        {
            rows = rows.Where(d => d.EngagementId == engagementId);
        }

        if (query.State is { } state)
        {
            rows = rows.Where(d => d.State == state);
        }

        if (query.Open)
        {
            rows = rows.Where(d => d.State != DeliverableState.Delivered);
        }

        if (query.Mine)
        {
            var me = user.StaffId ?? Guid.Empty;
            rows = rows.Where(d => d.ReviewerStaffId == me || d.Assignees.Any(a => a.StaffId == me));
        }

        return rows;
    }

    private static IQueryable<Deliverable> Ordered(IQueryable<Deliverable> rows) =>
        rows.OrderBy(d => d.DueDate == null).ThenBy(d => d.DueDate).ThenBy(d => d.CreatedAt).ThenBy(d => d.Id);

    private static async Task<Error?> CheckScopeAsync(LiaisonDb db, CurrentUser user, DeliverableListQuery query, CancellationToken ct)
    {
        if (query.AccountId is { } accountId && !await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        return query.EngagementId is { } engagementId && !await EngagementAccess.CanSeeAsync(db, user, engagementId, ct)
            ? Error.NotFound("The engagement")
            : null;
    }

    /// <summary>Loads, checks and changes one deliverable through the workflow, then saves and answers with the caller's view.</summary>
    private async Task<Result<T>> ChangeAsync<T>(
        CurrentUser user, Guid id, long? expectedVersion, object input, Func<LiaisonDb, Deliverable, DeliverableActor, Task<Error?>> change,
        Func<LiaisonDb, CurrentUser, Deliverable, CancellationToken, Task<T>> view, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var d = await LoadAsync(db, user, id, track: true, ct);
        if (d is null)
        {
            return Error.NotFound(What);
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var actor = await ActorAsync(db, user, d, ct);
        if (await change(db, d, actor) is { } refused)
        {
            return refused;
        }

        if (expectedVersion is { } version && d.Version != version)
        {
            return Error.Stale(What);
        }

        return await db.TrySaveAsync(What, ct) is { } stale ? stale : await view(db, user, d, ct);
    }

    private async Task<Error?> MoveAsync(LiaisonDb db, Deliverable d, DeliverableActor actor, TransitionInput input, CancellationToken ct)
    {
        var stakeholder = await StakeholderNameAsync(db, d, input.StakeholderId, ct);
        if (!stakeholder.IsSuccess)
        {
            return stakeholder.Error;
        }

        var move = new DeliverableMove(input.To!.Value, input.Comment, input.StakeholderId, stakeholder.Value);
        return DeliverableWorkflow.Apply(d, move, actor, clock.UtcNowStorable()).Error;
    }

    private async Task<Error?> CommentAsync(LiaisonDb db, Deliverable d, DeliverableActor actor, DeliverableCommentInput input, CancellationToken ct)
    {
        var stakeholder = await StakeholderNameAsync(db, d, input.StakeholderId, ct);
        return stakeholder.IsSuccess
            ? DeliverableWorkflow.AddComment(d, input.Text, input.StakeholderId, stakeholder.Value, actor, clock.UtcNowStorable()).Error
            : stakeholder.Error;
    }

    private static async Task<Result<string?>> StakeholderNameAsync(LiaisonDb db, Deliverable d, Guid? stakeholderId, CancellationToken ct)
    {
        if (stakeholderId is not { } id)
        {
            return (string?)null;
        }

        var name = await db.Stakeholders.Where(s => s.Id == id && s.AccountId == d.AccountId).Select(s => s.FullName).FirstOrDefaultAsync(ct);
        return name is null ? Error.Invalid("stakeholderId", "Choose a stakeholder of this account.") : name;
    }

    /// <summary>The facts the workflow needs about the caller: the filter is the account's or the engagement's account manager, the designated reviewer, or an admin.</summary>
    private static async Task<DeliverableActor> ActorAsync(LiaisonDb db, CurrentUser user, Deliverable d, CancellationToken ct)
    {
        var approver = user.IsAdmin;
        if (!approver && user.StaffId is { } staffId)
        {
            approver = d.ReviewerStaffId == staffId
                || await db.Accounts.AnyAsync(a => a.Id == d.AccountId && a.AccountManagerId == staffId, ct)
                || await db.Engagements.AnyAsync(e => e.Id == d.EngagementId && e.AccountManagerId == staffId, ct);
        }

        return new DeliverableActor(user.UserId, user.DisplayName, user.IsClient, !user.IsClient && EngagementAccess.CanManage(user), approver);
    }

    private static async Task<Deliverable?> LoadAsync(LiaisonDb db, CurrentUser user, Guid id, bool track, CancellationToken ct)
    {
        var query = Visible(db, user).Where(d => d.Id == id)
            .Include(d => d.Assignees).Include(d => d.Versions).Include(d => d.Rounds).ThenInclude(r => r.Comments).Include(d => d.Transitions)
            .AsSplitQuery();
        return await (track ? query.AsTracking() : query).FirstOrDefaultAsync(ct);
    }

    private async Task<List<DeliverableSummary>> SummariesAsync(LiaisonDb db, List<Deliverable> rows, CancellationToken ct)
    {
        var engagementIds = rows.Select(r => r.EngagementId).Distinct().ToList();
        var engagements = await db.Engagements.Where(e => engagementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var names = await StaffNamesAsync(db, rows, ct);
        var today = Today();
        return
        [
            .. rows.Select(d => new DeliverableSummary(
                d.Id, d.AccountId, d.EngagementId, engagements.GetValueOrDefault(d.EngagementId, ""), d.RequestId, d.Title, d.Type, d.State,
                d.DueDate, IsOverdue(d, today), Assignees(d, names), Person(d.ReviewerStaffId, names), d.InternalRounds, d.ClientRounds,
                d.State == DeliverableState.InternalReview, d.Version)),
        ];
    }

    private static async Task<Dictionary<Guid, string>> StaffNamesAsync(LiaisonDb db, IEnumerable<Deliverable> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(d => d.Assignees.Select(a => a.StaffId).Append(d.ReviewerStaffId ?? Guid.Empty)).Distinct().ToList();
        return await db.Staff.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
    }

    private async Task<DeliverableDetails> ToDetailsAsync(LiaisonDb db, CurrentUser user, Deliverable d, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == d.AccountId).Select(a => a.Name).FirstAsync(ct);
        var engagementName = await db.Engagements.Where(e => e.Id == d.EngagementId).Select(e => e.Name).FirstAsync(ct);
        var names = await StaffNamesAsync(db, [d], ct);
        var actor = await ActorAsync(db, user, d, ct);
        var shown = ShownVersionIds(d);
        var numbers = d.Versions.ToDictionary(v => v.Id, v => v.Number);
        return new DeliverableDetails(
            d.Id, d.AccountId, accountName, d.EngagementId, engagementName, d.RequestId, d.Title, d.Type, d.Brief, d.DueDate,
            IsOverdue(d, Today()), d.State, Assignees(d, names), Person(d.ReviewerStaffId, names), d.InternalRounds, d.ClientRounds,
            d.InternalApprovedAt is { } passedAt
                ? new ApprovalView(d.InternalApprovedByName, passedAt, Number(d.InternalApprovedVersionId, numbers), null)
                : null,
            ClientApproval(d, numbers),
            d.FirstSentToClientAt, d.DeliveredAt,
            [.. d.Versions.OrderBy(v => v.Number).Select(v => ToVersionView(v, shown.Contains(v.Id)))],
            [
                .. d.Rounds.OrderBy(r => r.OpenedAt).ThenBy(r => r.Kind).ThenBy(r => r.Number).Select(r => new RoundView(
                    r.Id, r.Kind, r.Number, Number(r.VersionId, numbers), r.OpenedAt, r.OpenedByName, r.ClosedAt, r.Outcome, r.ClosedByName,
                    r.ClosedForStakeholderName,
                    [.. r.Comments.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new CommentView(c.Id, c.Side, c.AuthorName, c.StakeholderId, c.Text, c.At))])),
            ],
            ToTransitionViews(d), DeliverableWorkflow.Allowed(d, actor), d.Version, d.CreatedAt, d.UpdatedAt);
    }

    private async Task<ClientDeliverableView> ToClientViewAsync(LiaisonDb db, CurrentUser user, Deliverable d, CancellationToken ct)
    {
        var engagementName = await db.Engagements.Where(e => e.Id == d.EngagementId).Select(e => e.Name).FirstAsync(ct);
        var actor = await ActorAsync(db, user, d, ct);
        return DeliverableViews.ForClient(d, engagementName, DeliverableWorkflow.Allowed(d, actor));
    }

    private static List<ClientVersionView> ClientVersions(Deliverable d) => DeliverableViews.ClientVersions(d);

    private static HashSet<Guid> ShownVersionIds(Deliverable d) => DeliverableViews.ShownVersionIds(d);

    private static ApprovalView? ClientApproval(Deliverable d, Dictionary<Guid, int> numbers) => DeliverableViews.ClientApproval(d, numbers);

    private static List<TransitionView> ToTransitionViews(Deliverable d) =>
        [.. d.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TransitionView(t.Id, t.From, t.To, t.ByName, t.ForStakeholderName, t.At, t.Comment))];

    private static VersionView ToVersionView(DeliverableVersion v, bool shownToClient) =>
        new(v.Id, v.Number, v.LinkUrl, v.OriginalFileName, v.ContentType, v.SizeBytes, v.Notes, v.AddedByName, v.AddedAt, shownToClient);

    private static List<PersonRef> Assignees(Deliverable d, Dictionary<Guid, string> names) =>
        [.. d.Assignees.Select(a => new PersonRef(a.StaffId, names.GetValueOrDefault(a.StaffId, ""))).OrderBy(p => p.Name, StringComparer.Ordinal)];

    private static PersonRef? Person(Guid? staffId, Dictionary<Guid, string> names) =>
        staffId is { } id ? new PersonRef(id, names.GetValueOrDefault(id, "")) : null;

    private static int? Number(Guid? versionId, Dictionary<Guid, int> numbers) =>
        versionId is { } id && numbers.TryGetValue(id, out var n) ? n : null;

    private static bool IsOverdue(Deliverable d, DateOnly today) =>
        d.DueDate < today && d.State is not (DeliverableState.Approved or DeliverableState.Delivered);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>What a client may see of a deliverable, as pure functions of it, so the model test can check them too.</summary>
public static class DeliverableViews
{
    /// <summary>
    /// The client's view: only client rounds, only the versions they were shown, no notes, no brief, no internal moves.
    /// </summary>
    public static ClientDeliverableView ForClient(Deliverable d, string engagementName, IReadOnlyList<DeliverableState> allowed)
    {
        var versions = d.Versions.ToDictionary(v => v.Id);
        var numbers = d.Versions.ToDictionary(v => v.Id, v => v.Number);
        return new ClientDeliverableView(
            d.Id, d.AccountId, d.EngagementId, engagementName, d.Title, d.Type, d.DueDate, d.State, d.ClientRounds,
            [
                .. d.Rounds.Where(r => r.Kind == ReviewKind.Client).OrderBy(r => r.Number).Select(r => new ClientRoundView(
                    r.Number,
                    r.VersionId is { } id && versions.TryGetValue(id, out var v) ? ToClient(v) : null,
                    r.OpenedAt, r.ClosedAt, r.Outcome,
                    [.. r.Comments.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new ClientCommentView(c.Id, c.Side, c.AuthorName, c.Text, c.At))])),
            ],
            ClientVersions(d), ClientApproval(d, numbers), d.DeliveredAt, allowed, d.Version);
    }

    /// <summary>The versions some client round showed.</summary>
    public static HashSet<Guid> ShownVersionIds(Deliverable d) =>
        [.. d.Rounds.Where(r => r.Kind == ReviewKind.Client && r.VersionId is not null).Select(r => r.VersionId!.Value)];

    public static List<ClientVersionView> ClientVersions(Deliverable d)
    {
        var shown = ShownVersionIds(d);
        return [.. d.Versions.Where(v => shown.Contains(v.Id)).OrderBy(v => v.Number).Select(ToClient)];
    }

    public static ApprovalView? ClientApproval(Deliverable d, Dictionary<Guid, int> numbers)
    {
        if (d.ClientApprovedAt is not { } at)
        {
            return null;
        }

        var round = d.Rounds.Where(r => r.Kind == ReviewKind.Client && r.Outcome == ReviewOutcome.Approved).MaxBy(r => r.Number);
        var version = round?.VersionId is { } id && numbers.TryGetValue(id, out var n) ? n : (int?)null;
        return new ApprovalView(d.ClientApprovedByName, at, version, d.ClientApprovedByStakeholderId is null ? null : round?.ClosedByName);
    }

    private static ClientVersionView ToClient(DeliverableVersion v) => new(v.Id, v.Number, v.LinkUrl, v.OriginalFileName, v.ContentType, v.SizeBytes);
}
