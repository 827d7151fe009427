using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Meetings;

/// <summary>
/// Commitments of both sides of an account. Staff on the team see them all; the people who run the
/// account record and edit them; the owner of an agency commitment logs progress on it. A client user
/// sees only the client-visible commitments of their own account, and may log progress on and tick off
/// the client side's — nothing else.
/// </summary>
public sealed class CommitmentService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<Page<CommitmentSummary>>> ListAsync(CurrentUser user, CommitmentListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (query.DueWithinDays is < 0 or > CommitmentRules.MaxDueWithinDays)
        {
            return Error.Invalid("dueWithinDays", $"Due within is a number of days from 0 to {CommitmentRules.MaxDueWithinDays}.");
        }

        var (offset, limit) = paging.Value;
        var today = Today();
        await using var db = await dbs.OpenAsync(user, ct);
        var commitments = Visible(db, user);
        if (query.AccountId is { } accountId)
        {
            commitments = commitments.Where(c => c.AccountId == accountId);
        }

        if (query.Side is { } side)
        {
            commitments = commitments.Where(c => c.Side == side);
        }

        if (query.Status is { } status)
        {
            commitments = commitments.Where(c => c.Status == status);
        }

        if (query.Pending)
        {
            commitments = commitments.Where(c => c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.Slipped);
        }

        if (query.Overdue)
        {
            commitments = commitments.Where(c => (c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.Slipped) && c.DueDate < today);
        }

        if (query.DueWithinDays is { } days)
        {
            var until = today.AddDays(days);
            commitments = commitments.Where(c => (c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.Slipped)
                && c.DueDate >= today && c.DueDate <= until);
        }

        if (query.Mine)
        {
            var me = user.StaffId ?? Guid.Empty;
            commitments = commitments.Where(c => c.Side == CommitmentSide.Agency && c.OwnerStaffId == me);
        }

        var rows = await Summaries(db, commitments)
            .OrderBy(r => r.Commitment.DueDate).ThenBy(r => r.Commitment.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.Select(r => ToSummary(r, today)).ToList().ToPage(offset, limit);
    }

    public async Task<Result<CommitmentView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var commitment = await LoadAsync(db, user, id, track: false, ct);
        return commitment is null ? Error.NotFound("The commitment") : await ToViewAsync(db, commitment, ct);
    }

    public async Task<Result<CommitmentView>> CreateAsync(CurrentUser user, CreateCommitmentInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers record commitments.");
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

        var commitment = new Commitment { AccountId = input.AccountId, Title = input.Title.Trim() };
        if (await ApplyAsync(db, commitment, input, ct) is { } error)
        {
            return error;
        }

        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(ct);
        return await ToViewAsync(db, commitment, ct);
    }

    public async Task<Result<CommitmentView>> UpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, CommitmentInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var commitment = await LoadAsync(db, user, id, track: true, ct);
        if (commitment is null)
        {
            return Error.NotFound("The commitment");
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit commitments.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && commitment.Version != version)
        {
            return Error.Stale("The commitment");
        }

        if (await ApplyAsync(db, commitment, input, ct) is { } error)
        {
            return error;
        }

        return await db.TrySaveAsync("The commitment", ct) is { } stale ? stale : await ToViewAsync(db, commitment, ct);
    }

    /// <summary>Adds a progress update, optionally moving the commitment to another status; done sets the done date.</summary>
    public async Task<Result<CommitmentView>> AddUpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, CommitmentUpdateInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var commitment = await LoadAsync(db, user, id, track: true, ct);
        if (commitment is null)
        {
            return Error.NotFound("The commitment");
        }

        if (CheckUpdate(user, commitment, input) is { } denied)
        {
            return denied;
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var today = Today();
        if (input.DoneOn > today)
        {
            return Error.Invalid("doneOn", "The done date cannot be in the future.");
        }

        if (expectedVersion is { } version && commitment.Version != version)
        {
            return Error.Stale("The commitment");
        }

        CommitmentStatus? changedTo = null;
        if (input.Status is { } status)
        {
            changedTo = status == commitment.Status ? null : status;
            commitment.Status = status;
            commitment.DoneOn = status == CommitmentStatus.Done ? input.DoneOn ?? commitment.DoneOn ?? today : null;
        }

        commitment.Updates.Add(new CommitmentUpdate
        {
            CommitmentId = commitment.Id,
            Text = Text.Clean(input.Text) ?? "",
            AuthorUserId = user.UserId,
            AuthorName = user.DisplayName,
            At = clock.UtcNowStorable(),
            NewStatus = changedTo,
        });
        commitment.UpdatedAt = clock.UtcNowStorable();
        return await db.TrySaveAsync("The commitment", ct) is { } stale ? stale : await ToViewAsync(db, commitment, ct);
    }

    /// <summary>Each side's commitments done on time ÷ commitments due, over the last 90 days. Internal to the agency.</summary>
    public async Task<Result<AccountReliability>> ReliabilityAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("Reliability figures are the agency's own reading of the account.");
        }

        var today = Today();
        var from = today.AddDays(-Reliability.DefaultWindowDays);
        var outcomes = await db.Commitments.AsNoTracking()
            .Where(c => c.AccountId == accountId && c.DueDate >= from && c.DueDate <= today)
            .Select(c => new { c.Side, Outcome = new CommitmentOutcome(c.DueDate, c.DoneOn, c.Status) })
            .ToListAsync(ct);
        ReliabilityScore Measure(CommitmentSide side) =>
            Reliability.Measure(outcomes.Where(o => o.Side == side).Select(o => o.Outcome), today);
        return new AccountReliability(accountId, from, today, Reliability.DefaultWindowDays, Measure(CommitmentSide.Client), Measure(CommitmentSide.Agency));
    }

    /// <summary>The commitments the user may see: a client user only the client-visible ones of their account.</summary>
    internal static IQueryable<Commitment> Visible(LiaisonDb db, CurrentUser user)
    {
        var query = db.Commitments.AsNoTracking().VisibleTo(db, user);
        return user.IsClient ? query.Where(c => c.ClientVisible) : query;
    }

    internal static IQueryable<SummaryRow> Summaries(LiaisonDb db, IQueryable<Commitment> commitments) =>
        from c in commitments
        join a in db.Accounts on c.AccountId equals a.Id
        join s in db.Staff on c.OwnerStaffId equals s.Id into staff
        from s in staff.DefaultIfEmpty()
        join k in db.Stakeholders on c.OwnerStakeholderId equals k.Id into stakeholders
        from k in stakeholders.DefaultIfEmpty()
        select new SummaryRow { Commitment = c, AccountName = a.Name, OwnerName = s != null ? s.FullName : k != null ? k.FullName : null };

    internal static CommitmentSummary ToSummary(SummaryRow row, DateOnly today)
    {
        var c = row.Commitment;
        return new CommitmentSummary(
            c.Id, c.AccountId, row.AccountName, c.MeetingId, c.Side, c.OwnerStakeholderId, c.OwnerStaffId, row.OwnerName, c.Title,
            c.DueDate, c.Status, c.DoneOn, c.ClientVisible, IsOverdue(c, today), c.Version);
    }

    private static bool IsOverdue(Commitment c, DateOnly today) => CommitmentRules.IsPending(c.Status) && c.DueDate < today;

    private static Error? CheckUpdate(CurrentUser user, Commitment commitment, CommitmentUpdateInput input)
    {
        if (!CommitmentRules.CanLogProgress(user, commitment.Side, commitment.OwnerStaffId))
        {
            return Error.Forbidden(user.IsClient
                ? "Only the agency updates its own commitments."
                : "Only the commitment's owner and the people who run the account update it.");
        }

        return input.Status is { } status && !CommitmentRules.MaySetStatus(user, status)
            ? Error.Forbidden("In the portal a commitment can be updated or marked done; the agency changes anything else.")
            : null;
    }

    private async Task<Error?> ApplyAsync(LiaisonDb db, Commitment commitment, CommitmentInput input, CancellationToken ct)
    {
        var today = Today();
        if (input.DoneOn > today)
        {
            return Error.Invalid("doneOn", "The done date cannot be in the future.");
        }

        var accountId = commitment.AccountId;
        if (input.Side == CommitmentSide.Client
            && !await db.Stakeholders.AnyAsync(s => s.Id == input.OwnerStakeholderId && s.AccountId == accountId, ct))
        {
            return Error.Invalid("ownerStakeholderId", "Choose a stakeholder of this account as the owner.");
        }

        if (input.Side == CommitmentSide.Agency && !await AccountAccess.CanTakeWorkAsync(db, accountId, input.OwnerStaffId!.Value, ct))
        {
            return Error.Invalid("ownerStaffId", "Choose an active staff member on the account's team as the owner.");
        }

        if (input.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.AccountId == accountId, ct))
        {
            return Error.Invalid("meetingId", "Choose a meeting of the same account.");
        }

        commitment.Side = input.Side;
        commitment.OwnerStakeholderId = input.Side == CommitmentSide.Client ? input.OwnerStakeholderId : null;
        commitment.OwnerStaffId = input.Side == CommitmentSide.Agency ? input.OwnerStaffId : null;
        commitment.Title = input.Title.Trim();
        commitment.DueDate = input.DueDate!.Value;
        commitment.DoneOn = input.Status == CommitmentStatus.Done
            ? input.DoneOn ?? (commitment.Status == CommitmentStatus.Done ? commitment.DoneOn : null) ?? today
            : null;
        commitment.Status = input.Status;
        commitment.ClientVisible = input.ClientVisible;
        commitment.MeetingId = input.MeetingId;
        return null;
    }

    private static async Task<Commitment?> LoadAsync(LiaisonDb db, CurrentUser user, Guid id, bool track, CancellationToken ct)
    {
        var query = db.Commitments.VisibleTo(db, user).Include(c => c.Updates).Where(c => c.Id == id);
        if (user.IsClient)
        {
            query = query.Where(c => c.ClientVisible);
        }

        return await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<CommitmentView> ToViewAsync(LiaisonDb db, Commitment c, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstAsync(ct);
        var owner = c.OwnerStaffId is { } staffId
            ? await db.Staff.Where(s => s.Id == staffId).Select(s => s.FullName).FirstOrDefaultAsync(ct)
            : await db.Stakeholders.Where(s => s.Id == c.OwnerStakeholderId).Select(s => s.FullName).FirstOrDefaultAsync(ct);
        return new CommitmentView(
            c.Id, c.AccountId, accountName, c.MeetingId, c.Side, c.OwnerStakeholderId, c.OwnerStaffId, owner, c.Title, c.DueDate, c.Status,
            c.DoneOn, c.ClientVisible, IsOverdue(c, Today()),
            [.. c.Updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new CommitmentUpdateView(u.Id, u.Text, u.AuthorName, u.At, u.NewStatus))],
            c.Version, c.CreatedAt, c.UpdatedAt);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal sealed class SummaryRow
    {
        public required Commitment Commitment { get; init; }

        public required string AccountName { get; init; }

        public string? OwnerName { get; init; }
    }
}
