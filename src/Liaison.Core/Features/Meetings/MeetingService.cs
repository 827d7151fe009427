using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Meetings;

/// <summary>
/// Account meetings. Staff on the account's team see them, the people who run the account arrange
/// and edit them, and a client user sees their own account's meetings without the internal notes.
/// </summary>
public sealed class MeetingService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<Page<MeetingSummary>>> ListAsync(CurrentUser user, MeetingListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (query.From is { } first && query.To is { } last && last < first)
        {
            return Error.Invalid("to", "The end of the range is before its start.");
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var meetings = db.Meetings.AsNoTracking().VisibleTo(db, user);
        if (query.AccountId is { } accountId)
        {
            meetings = meetings.Where(m => m.AccountId == accountId);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            meetings = meetings.Where(m => m.StartsAt >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            meetings = meetings.Where(m => m.StartsAt < end);
        }

        if (query.Status is { } status)
        {
            meetings = meetings.Where(m => m.Status == status);
        }

        var rows = from m in meetings
                   join a in db.Accounts on m.AccountId equals a.Id
                   select new { Meeting = m, AccountName = a.Name };
        var ordered = query.Descending
            ? rows.OrderByDescending(r => r.Meeting.StartsAt).ThenByDescending(r => r.Meeting.Id)
            : rows.OrderBy(r => r.Meeting.StartsAt).ThenBy(r => r.Meeting.Id);
        var page = await ordered.Skip(offset).Take(limit + 1).ToListAsync(ct);
        return page.Select(r => ToSummary(r.Meeting, r.AccountName)).ToList().ToPage(offset, limit);
    }

    /// <summary>The agency's view of a meeting; client users get <see cref="GetForClientAsync"/>.</summary>
    public async Task<Result<MeetingView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: false, ct);
        return meeting is null || user.IsClient ? Error.NotFound("The meeting") : await ToViewAsync(db, meeting, ct);
    }

    public async Task<Result<ClientMeetingView>> GetForClientAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: false, ct);
        if (meeting is null)
        {
            return Error.NotFound("The meeting");
        }

        var v = await ToViewAsync(db, meeting, ct);
        return new ClientMeetingView(
            v.Id, v.AccountId, v.AccountName, v.Title, v.Type, v.StartsAt, v.EndsAt, v.TimeZone, v.LocalStartsAt, v.DurationMinutes,
            v.Location, v.Stakeholders, v.Staff, v.Agenda, v.Decisions, v.Status, v.Version);
    }

    public async Task<Result<MeetingView>> CreateAsync(CurrentUser user, CreateMeetingInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers arrange meetings.");
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

        var meeting = new Meeting { AccountId = input.AccountId, Title = input.Title.Trim() };
        if (await ApplyAsync(db, meeting, input, ct) is { } error)
        {
            return error;
        }

        db.Meetings.Add(meeting);
        await AccountPlanService.RefreshLastReviewedAsync(db, meeting.AccountId, meeting, deleted: false, ct);
        await StakeholderTouches.SaveAsync(db, "The meeting", Attendees(meeting), ct);
        return await ToViewAsync(db, meeting, ct);
    }

    public async Task<Result<MeetingView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, MeetingInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: true, ct);
        if (meeting is null)
        {
            return Error.NotFound("The meeting");
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit meetings.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && meeting.Version != version)
        {
            return Error.Stale("The meeting");
        }

        var attendedBefore = Attendees(meeting).ToList();
        if (await ApplyAsync(db, meeting, input, ct) is { } error)
        {
            return error;
        }

        db.BumpIfChildrenChanged(meeting);
        await AccountPlanService.RefreshLastReviewedAsync(db, meeting.AccountId, meeting, deleted: false, ct);
        return await StakeholderTouches.SaveAsync(db, "The meeting", attendedBefore.Concat(Attendees(meeting)), ct) is { } stale
            ? stale
            : await ToViewAsync(db, meeting, ct);
    }

    /// <summary>Deletes the meeting; commitments made at it stay, no longer linked to it.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: true, ct);
        if (meeting is null)
        {
            return Error.NotFound("The meeting");
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers delete meetings.");
        }

        if (expectedVersion is { } version && meeting.Version != version)
        {
            return Error.Stale("The meeting");
        }

        foreach (var commitment in await db.Commitments.Where(c => c.MeetingId == id).ToListAsync(ct))
        {
            commitment.MeetingId = null;
        }

        db.Meetings.Remove(meeting);
        await AccountPlanService.RefreshLastReviewedAsync(db, meeting.AccountId, meeting, deleted: true, ct);
        return await StakeholderTouches.SaveAsync(db, "The meeting", Attendees(meeting), ct) is { } stale ? stale : Result.Ok;
    }

    /// <summary>
    /// What to go through at the meeting: both sides' open commitments, the plan's initiatives not yet
    /// done, and the account's engagement milestones of the next 60 days. For the agency's team only.
    /// </summary>
    public async Task<Result<MeetingPreparation>> PrepareAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: false, ct);
        if (meeting is null)
        {
            return Error.NotFound("The meeting");
        }

        if (user.IsClient)
        {
            return Error.Forbidden("Preparing a meeting is for the agency's team.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var accountName = await db.Accounts.Where(a => a.Id == meeting.AccountId).Select(a => a.Name).FirstAsync(ct);
        var lastHeld = await db.Meetings.AsNoTracking()
            .Where(m => m.AccountId == meeting.AccountId && m.Id != meeting.Id && m.Status == MeetingStatus.Held && m.StartsAt < meeting.StartsAt)
            .OrderByDescending(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefaultAsync(ct);

        var open = CommitmentService.Visible(db, user)
            .Where(c => c.AccountId == meeting.AccountId && (c.Status == CommitmentStatus.Open || c.Status == CommitmentStatus.Slipped));
        var commitments = (await CommitmentService.Summaries(db, open)
                .OrderBy(r => r.Commitment.DueDate).ThenBy(r => r.Commitment.Id).Take(500).ToListAsync(ct))
            .Select(r => CommitmentService.ToSummary(r, today)).ToList();

        var plan = await AccountPlanService.LoadAsync(db, meeting.AccountId, track: false, ct);
        var initiatives = plan is null
            ? []
            : await AccountPlanService.InitiativesAsync(db, plan.Initiatives.Where(i => AccountPlanRules.IsOpen(i.Status)), ct);

        var horizon = today.AddDays(MeetingRules.MilestoneHorizonDays);
        var milestones = await (from e in db.Engagements.AsNoTracking().VisibleTo(db, user)
                                join m in db.Milestones on e.Id equals m.EngagementId
                                where e.AccountId == meeting.AccountId && e.Status != EngagementStatus.Cancelled
                                    && e.Status != EngagementStatus.Completed && m.DoneOn == null && m.DueDate >= today && m.DueDate <= horizon
                                orderby m.DueDate, e.Name, m.Name
                                select new UpcomingMilestone(e.Id, e.Name, m.Id, m.Name, m.DueDate))
            .Take(200).ToListAsync(ct);

        // Since the last meeting held, or over the last month for a first meeting.
        var since = lastHeld ?? clock.GetUtcNow().UtcDateTime.AddDays(-MeetingRules.FirstMeetingLookBackDays);
        var recent = await db.Interactions.AsNoTracking().VisibleTo(db, user)
            .Where(i => i.AccountId == meeting.AccountId && i.OccurredAt > since)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(MeetingRules.PreparationInteractions)
            .Include(i => i.Stakeholders).ToListAsync(ct);
        var interactions = await InteractionService.SummarizeAsync(db, recent, clock.GetUtcNow().UtcDateTime, ct);

        return new MeetingPreparation(
            ToSummary(meeting, accountName), lastHeld,
            [.. commitments.Where(c => c.Side == CommitmentSide.Client)], [.. commitments.Where(c => c.Side == CommitmentSide.Agency)],
            initiatives, plan?.LastReviewedAt, milestones, interactions);
    }

    /// <summary>The meeting as an iCalendar file. Internal notes are never in it.</summary>
    public async Task<Result<string>> CalendarFileAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var meeting = await LoadAsync(db, user, id, track: false, ct);
        if (meeting is null)
        {
            return Error.NotFound("The meeting");
        }

        var accountName = await db.Accounts.Where(a => a.Id == meeting.AccountId).Select(a => a.Name).FirstAsync(ct);
        return MeetingCalendar.Write(meeting.Title, [MeetingCalendar.Describe(meeting, accountName)]);
    }

    /// <summary>The client's people at the meeting, whose last touch a held meeting sets.</summary>
    private static IEnumerable<Guid> Attendees(Meeting meeting) => meeting.Stakeholders.Select(s => s.StakeholderId);

    internal static async Task<Meeting?> LoadAsync(LiaisonDb db, CurrentUser user, Guid id, bool track, CancellationToken ct)
    {
        var query = db.Meetings.VisibleTo(db, user).Include(m => m.Stakeholders).Include(m => m.Staff).AsSplitQuery();
        return await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    private async Task<Error?> ApplyAsync(LiaisonDb db, Meeting meeting, MeetingInput input, CancellationToken ct)
    {
        var zone = MeetingRules.FindZone(input.TimeZone)!;
        var startsAt = input.StartsAt!.Value.UtcDateTime;
        // Meetings are arranged to the minute at most; whole seconds read back the same on both databases.
        startsAt = new DateTime(startsAt.Ticks - (startsAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        if (input.Status == MeetingStatus.Held && startsAt > clock.GetUtcNow().UtcDateTime)
        {
            return Error.Invalid("status", "A meeting can be marked held only once it has started.");
        }

        var stakeholderIds = input.StakeholderIds ?? [];
        var accountId = meeting.AccountId;
        var known = await db.Stakeholders.Where(s => s.AccountId == accountId && stakeholderIds.Contains(s.Id)).CountAsync(ct);
        if (known != stakeholderIds.Count)
        {
            return Error.Invalid("stakeholderIds", "Every stakeholder attending must be a stakeholder of this account.");
        }

        var staffIds = input.StaffIds ?? [];
        var existingStaff = meeting.Staff.Select(s => s.StaffId).ToList();
        // People who already attended stay valid even if they have since left; new attendees must be active.
        var active = await db.Staff.Where(s => staffIds.Contains(s.Id) && (s.IsActive || existingStaff.Contains(s.Id))).CountAsync(ct);
        if (active != staffIds.Count)
        {
            return Error.Invalid("staffIds", "Every staff member attending must be an active member of staff.");
        }

        var agenda = RichText.Sanitize(input.Agenda);
        var notes = RichText.Sanitize(input.Notes);
        if (agenda?.Length > MeetingRules.MaxRichText * 2)
        {
            return Error.Invalid("agenda", "The agenda is too long once formatted; shorten it.");
        }

        if (notes?.Length > MeetingRules.MaxRichText * 2)
        {
            return Error.Invalid("notes", "The notes are too long once formatted; shorten them.");
        }

        meeting.Title = input.Title.Trim();
        meeting.Type = input.Type;
        meeting.StartsAt = startsAt;
        meeting.TimeZone = zone.Id;
        meeting.DurationMinutes = input.DurationMinutes;
        meeting.Location = Text.Clean(input.Location);
        meeting.Agenda = agenda;
        meeting.Notes = notes;
        meeting.Decisions = [.. (input.Decisions ?? []).Select(Text.Clean).OfType<string>()];
        meeting.ReviewsPlan = input.ReviewsPlan;
        meeting.Status = input.Status;
        meeting.Stakeholders.RemoveAll(s => !stakeholderIds.Contains(s.StakeholderId));
        meeting.Stakeholders.AddRange(stakeholderIds.Where(s => meeting.Stakeholders.All(x => x.StakeholderId != s))
            .Select(s => new MeetingStakeholder { MeetingId = meeting.Id, StakeholderId = s }).ToList());
        meeting.Staff.RemoveAll(s => !staffIds.Contains(s.StaffId));
        meeting.Staff.AddRange(staffIds.Where(s => meeting.Staff.All(x => x.StaffId != s))
            .Select(s => new MeetingStaff { MeetingId = meeting.Id, StaffId = s }).ToList());
        return null;
    }

    private static MeetingSummary ToSummary(Meeting m, string accountName) => new(
        m.Id, m.AccountId, accountName, m.Title, m.Type, m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes), m.TimeZone, m.Location,
        m.Status, m.Version);

    private static async Task<MeetingView> ToViewAsync(LiaisonDb db, Meeting m, CancellationToken ct)
    {
        var accountName = await db.Accounts.Where(a => a.Id == m.AccountId).Select(a => a.Name).FirstAsync(ct);
        var stakeholderIds = m.Stakeholders.Select(s => s.StakeholderId).ToList();
        var staffIds = m.Staff.Select(s => s.StaffId).ToList();
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => stakeholderIds.Contains(s.Id))
            .OrderBy(s => s.FullName).Select(s => new AttendeeView(s.Id, s.FullName)).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .OrderBy(s => s.FullName).Select(s => new AttendeeView(s.Id, s.FullName)).ToListAsync(ct);
        var zone = MeetingRules.FindZone(m.TimeZone) ?? TimeZoneInfo.Utc;
        return new MeetingView(
            m.Id, m.AccountId, accountName, m.Title, m.Type, m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes), m.TimeZone,
            DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(m.StartsAt, zone), DateTimeKind.Unspecified), m.DurationMinutes,
            m.Location, stakeholders, staff, m.Agenda, m.Notes, m.Decisions, m.ReviewsPlan, m.Status, m.Version, m.CreatedAt, m.UpdatedAt);
    }
}
