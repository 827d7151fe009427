using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// The interaction log of an account. Staff on the team read and log; the author and the people who
/// run the account edit. A query gets its reply deadline from the account's SLA policy when it is
/// logged, and is answered by an outbound interaction that names it.
/// </summary>
public sealed class InteractionService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string What = "The interaction";

    /// <summary>How far ahead of now an interaction may be dated: clocks differ a little, the future does not happen.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<Page<InteractionSummary>>> ListAsync(CurrentUser user, InteractionListQuery query, CancellationToken ct)
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
        if (await CheckReadAsync(db, user, query.AccountId, ct) is { } denied)
        {
            return denied;
        }

        var rows = db.Interactions.AsNoTracking().VisibleTo(db, user);
        if (query.AccountId is { } accountId)
        {
            rows = rows.Where(i => i.AccountId == accountId);
        }

        if (query.StakeholderId is { } stakeholderId)
        {
            rows = rows.Where(i => i.Stakeholders.Any(s => s.StakeholderId == stakeholderId));
        }

        if (query.Channel is { } channel)
        {
            rows = rows.Where(i => i.Channel == channel);
        }

        if (query.Direction is { } direction)
        {
            rows = rows.Where(i => i.Direction == direction);
        }

        if (query.QueriesOnly)
        {
            rows = rows.Where(i => i.IsQuery);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(i => i.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(i => i.OccurredAt < end);
        }

        var page = await rows.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Skip(offset).Take(limit + 1)
            .Include(i => i.Stakeholders)
            .ToListAsync(ct);
        var summaries = await SummarizeAsync(db, page, clock.GetUtcNow().UtcDateTime, ct);
        return summaries.ToPage(offset, limit);
    }

    public async Task<Result<InteractionView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var interaction = await FindAsync(db, user, id, track: false, ct);
        return interaction is null ? Error.NotFound(What) : await ToViewAsync(db, interaction, ct);
    }

    public async Task<Result<InteractionView>> CreateAsync(CurrentUser user, NewInteractionInput input, CancellationToken ct)
    {
        if (!user.IsStaff)
        {
            return Error.Forbidden("Interactions are logged by the agency.");
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

        var interaction = new Interaction { AccountId = input.AccountId, Subject = input.Subject.Trim(), LoggedBy = user.UserId };
        if (await ApplyAsync(db, interaction, input, ct) is { } error)
        {
            return error;
        }

        db.Interactions.Add(interaction);
        if (await StakeholderTouches.SaveAsync(db, What, interaction.Stakeholders.Select(s => s.StakeholderId), ct) is { } stale)
        {
            return stale;
        }

        return await ToViewAsync(db, interaction, ct);
    }

    public async Task<Result<InteractionView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, InteractionInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var interaction = await FindAsync(db, user, id, track: true, ct);
        if (interaction is null)
        {
            return Error.NotFound(What);
        }

        if (CheckEdit(user, interaction) is { } forbidden)
        {
            return forbidden;
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && interaction.Version != version)
        {
            return Error.Stale(What);
        }

        var touched = interaction.Stakeholders.Select(s => s.StakeholderId).ToList();
        if (await ApplyAsync(db, interaction, input, ct) is { } error)
        {
            return error;
        }

        if (await StakeholderTouches.SaveAsync(db, What, touched.Concat(interaction.Stakeholders.Select(s => s.StakeholderId)), ct) is { } stale)
        {
            return stale;
        }

        return await ToViewAsync(db, interaction, ct);
    }

    /// <summary>Deletes the interaction; a query it answered is waiting for a reply again.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var interaction = await FindAsync(db, user, id, track: true, ct);
        if (interaction is null)
        {
            return Error.NotFound(What);
        }

        if (CheckEdit(user, interaction) is { } forbidden)
        {
            return forbidden;
        }

        if (expectedVersion is { } version && interaction.Version != version)
        {
            return Error.Stale(What);
        }

        if (interaction.InReplyToId is { } queryId)
        {
            await UnlinkQueryAsync(db, queryId, interaction.Id, ct);
        }

        if (interaction.ReplyId is { } replyId)
        {
            var reply = await db.Interactions.FirstOrDefaultAsync(r => r.Id == replyId, ct);
            reply?.InReplyToId = null;
        }

        db.Interactions.Remove(interaction);
        return await StakeholderTouches.SaveAsync(db, What, interaction.Stakeholders.Select(s => s.StakeholderId), ct) is { } stale ? stale : Result.Ok;
    }

    /// <summary>The SLA policy of an account, or the defaults when it has none.</summary>
    internal static async Task<(BusinessCalendar Calendar, SlaPolicy Policy)> PolicyOfAsync(LiaisonDb db, Guid accountId, CancellationToken ct)
    {
        var stored = await db.AccountSlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        return (stored ?? new AccountSlaPolicy { AccountId = accountId }).Resolve();
    }

    private async Task<Error?> ApplyAsync(LiaisonDb db, Interaction interaction, InteractionInput input, CancellationToken ct)
    {
        var now = clock.UtcNowStorable();
        var occurredAt = input.OccurredAt?.UtcDateTime ?? now;
        // Whole seconds read back the same on both databases.
        occurredAt = new DateTime(occurredAt.Ticks - (occurredAt.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        if (occurredAt > now + ClockSkew)
        {
            return Error.Invalid("occurredAt", "An interaction cannot be dated in the future.");
        }

        var accountId = interaction.AccountId;
        var stakeholderIds = (input.StakeholderIds ?? []).Distinct().ToList();
        var known = await db.Stakeholders.CountAsync(s => s.AccountId == accountId && stakeholderIds.Contains(s.Id), ct);
        if (known != stakeholderIds.Count)
        {
            return Error.Invalid("stakeholderIds", "Name only stakeholders of the interaction's account.");
        }

        var assignee = input.IsQuery ? input.AssigneeStaffId : null;
        if (input.IsQuery && assignee is null)
        {
            // The account manager answers unless someone else is named.
            assignee = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.AccountManagerId).FirstOrDefaultAsync(ct);
        }
        else if (assignee is { } staffId && staffId != interaction.AssigneeStaffId && !await AccountAccess.CanTakeWorkAsync(db, accountId, staffId, ct))
        {
            return Error.Invalid("assigneeStaffId", "Assign the query to an active staff member on the account's team.");
        }

        var priority = input.IsQuery ? input.Priority ?? QueryPriority.Normal : (QueryPriority?)null;
        var (calendar, policy) = await PolicyOfAsync(db, accountId, ct);
        var deadlineChanged = input.IsQuery && (!interaction.IsQuery || interaction.Priority != priority || interaction.OccurredAt != occurredAt);

        if (!input.IsQuery && interaction.ReplyId is { } replyId)
        {
            // No longer a query: its reply no longer answers anything.
            var reply = await db.Interactions.FirstOrDefaultAsync(r => r.Id == replyId, ct);
            reply?.InReplyToId = null;
            interaction.ReplyId = null;
            interaction.RepliedAt = null;
            interaction.ReplyBusinessMinutes = null;
        }

        if (interaction.InReplyToId is { } oldQuery && oldQuery != input.InReplyToId)
        {
            await UnlinkQueryAsync(db, oldQuery, interaction.Id, ct);
        }

        if (input.InReplyToId is { } queryId)
        {
            var query = await db.Interactions.FirstOrDefaultAsync(q => q.Id == queryId && q.AccountId == accountId && q.IsQuery, ct);
            if (query is null)
            {
                return Error.Invalid("inReplyToId", "Choose a query of the same account to answer.");
            }

            if (query.ReplyId is { } other && other != interaction.Id)
            {
                return Error.Conflict("That query is already answered by another interaction; remove that link first.");
            }

            if (occurredAt < query.OccurredAt)
            {
                return Error.Invalid("occurredAt", "A reply cannot come before the query it answers.");
            }

            query.ReplyId = interaction.Id;
            query.RepliedAt = occurredAt;
            query.ReplyBusinessMinutes = BusinessMinutes(calendar.BusinessTimeBetween(query.OccurredAt, occurredAt));
        }

        interaction.Channel = input.Channel;
        interaction.Direction = input.Direction;
        interaction.Subject = input.Subject.Trim();
        interaction.Summary = Text.Clean(input.Summary);
        interaction.OccurredAt = occurredAt;
        interaction.IsQuery = input.IsQuery;
        interaction.Priority = priority;
        interaction.AssigneeStaffId = assignee;
        interaction.InReplyToId = input.InReplyToId;
        if (!input.IsQuery)
        {
            interaction.SlaDueAt = null;
        }
        else if (deadlineChanged)
        {
            interaction.SlaDueAt = policy.DueAt(occurredAt, priority!.Value, calendar);
        }

        if (interaction.IsQuery && interaction.RepliedAt is { } repliedAt)
        {
            if (repliedAt < occurredAt)
            {
                return Error.Invalid("occurredAt", "The query cannot come after its reply.");
            }

            interaction.ReplyBusinessMinutes = BusinessMinutes(calendar.BusinessTimeBetween(occurredAt, repliedAt));
        }

        interaction.Stakeholders.RemoveAll(s => !stakeholderIds.Contains(s.StakeholderId));
        interaction.Stakeholders.AddRange(stakeholderIds.Where(s => interaction.Stakeholders.All(x => x.StakeholderId != s))
            .Select(s => new InteractionStakeholder { InteractionId = interaction.Id, StakeholderId = s }).ToList());
        return null;
    }

    internal static int BusinessMinutes(TimeSpan duration) => (int)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);

    private static async Task UnlinkQueryAsync(LiaisonDb db, Guid queryId, Guid replyId, CancellationToken ct)
    {
        var query = await db.Interactions.FirstOrDefaultAsync(q => q.Id == queryId, ct);
        if (query is not null && query.ReplyId == replyId)
        {
            query.ReplyId = null;
            query.RepliedAt = null;
            query.ReplyBusinessMinutes = null;
        }
    }

    private static Error? CheckEdit(CurrentUser user, Interaction interaction) =>
        AccountAccess.CanEditWorkingNotes(user) || (interaction.LoggedBy == user.UserId && user.IsStaff)
            ? null
            : Error.Forbidden("Only the interaction's author and the people who run the account change it.");

    internal static async Task<Error?> CheckReadAsync(LiaisonDb db, CurrentUser user, Guid? accountId, CancellationToken ct)
    {
        if (accountId is { } id && !await AccountAccess.CanSeeAccountAsync(db, user, id, ct))
        {
            return Error.NotFound("The account");
        }

        return AccountAccess.CanReadWorkingNotes(user) ? null : Error.Forbidden("The interaction log is the agency's.");
    }

    private static async Task<Interaction?> FindAsync(LiaisonDb db, CurrentUser user, Guid id, bool track, CancellationToken ct)
    {
        if (!AccountAccess.CanReadWorkingNotes(user))
        {
            return null;
        }

        var query = db.Interactions.VisibleTo(db, user).Include(i => i.Stakeholders);
        return await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    /// <summary>Names of the accounts, stakeholders and assignees of a page, in three queries whatever its size.</summary>
    internal static async Task<List<InteractionSummary>> SummarizeAsync(LiaisonDb db, IReadOnlyList<Interaction> page, DateTime now, CancellationToken ct)
    {
        var names = await NamesAsync(db, page, ct);
        return [.. page.Select(i => new InteractionSummary(
            i.Id, i.AccountId, names.Accounts.GetValueOrDefault(i.AccountId, ""), i.Channel, i.Direction, i.Subject, i.OccurredAt, i.Source,
            names.StakeholdersOf(i), i.IsQuery, i.Priority, names.StaffRef(i.AssigneeStaffId), i.SlaDueAt, i.RepliedAt,
            IsBreached(i, now), i.Version))];
    }

    private async Task<InteractionView> ToViewAsync(LiaisonDb db, Interaction i, CancellationToken ct)
    {
        var names = await NamesAsync(db, [i], ct);
        var loggedBy = i.LoggedBy is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(ct)
            : null;
        return new InteractionView(
            i.Id, i.AccountId, names.Accounts.GetValueOrDefault(i.AccountId, ""), i.Channel, i.Direction, i.Subject, i.Summary, i.OccurredAt,
            i.Source, loggedBy, i.MessageId, names.StakeholdersOf(i), i.IsQuery, i.Priority, names.StaffRef(i.AssigneeStaffId), i.SlaDueAt,
            i.RepliedAt, i.ReplyId, i.ReplyBusinessMinutes, IsBreached(i, clock.GetUtcNow().UtcDateTime), i.InReplyToId, i.Version,
            i.CreatedAt, i.UpdatedAt);
    }

    private static bool IsBreached(Interaction i, DateTime now) =>
        i is { IsQuery: true, SlaDueAt: { } due } && SlaPolicy.IsBreached(due, i.RepliedAt, now);

    internal static async Task<Names> NamesAsync(LiaisonDb db, IReadOnlyList<Interaction> page, CancellationToken ct)
    {
        var accountIds = page.Select(i => i.AccountId).Distinct().ToList();
        var stakeholderIds = page.SelectMany(i => i.Stakeholders.Select(s => s.StakeholderId)).Distinct().ToList();
        var staffIds = page.Select(i => i.AssigneeStaffId).OfType<Guid>().Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => stakeholderIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        return new Names(accounts, stakeholders, staff);
    }

    internal sealed record Names(Dictionary<Guid, string> Accounts, Dictionary<Guid, string> Stakeholders, Dictionary<Guid, string> Staff)
    {
        public IReadOnlyList<PersonRef> StakeholdersOf(Interaction i) =>
            [.. i.Stakeholders.Where(s => Stakeholders.ContainsKey(s.StakeholderId))
                .Select(s => new PersonRef(s.StakeholderId, Stakeholders[s.StakeholderId])).OrderBy(p => p.Name, StringComparer.CurrentCulture)];

        public PersonRef? StaffRef(Guid? id) => id is { } staffId && Staff.TryGetValue(staffId, out var name) ? new PersonRef(staffId, name) : null;
    }
}
