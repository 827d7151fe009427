using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// Inbound e-mail nobody could be matched to: the people who own client relationships (admins and
/// account managers) file each under an account, where it becomes an interaction, or dismiss it.
/// </summary>
public sealed class TriageService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string What = "The message";

    public static bool CanTriage(CurrentUser user) => user.Role is Role.Admin or Role.AccountManager;

    public async Task<Result<Page<TriageMessageView>>> ListAsync(CurrentUser user, TriageListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (!CanTriage(user))
        {
            return Error.Forbidden("Unmatched e-mail is triaged by admins and account managers.");
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        var status = query.Status ?? TriageStatus.Pending;
        var rows = await db.TriageMessages.AsNoTracking().Where(m => m.Status == status)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.Select(ToView).ToList().ToPage(offset, limit);
    }

    public async Task<Result<TriageMessageView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var message = CanTriage(user) ? await db.TriageMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        return message is null ? Error.NotFound(What) : ToView(message);
    }

    /// <summary>Files the message under an account: it becomes an inbound e-mail interaction there, a query unless told otherwise.</summary>
    public async Task<Result<TriageMessageView>> FileAsync(CurrentUser user, Guid id, FileTriageInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var message = CanTriage(user) ? await db.TriageMessages.FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        if (message is null)
        {
            return Error.NotFound(What);
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (message.Status != TriageStatus.Pending)
        {
            return Error.Conflict($"The message was already {message.Status.ToString().ToLowerInvariant()}.");
        }

        if (!await AccountAccess.CanSeeAccountAsync(db, user, input.AccountId, ct))
        {
            return Error.Invalid("accountId", "Choose an account you are on the team of.");
        }

        var stakeholderIds = (input.StakeholderIds ?? []).Distinct().ToList();
        var known = await db.Stakeholders.CountAsync(s => s.AccountId == input.AccountId && stakeholderIds.Contains(s.Id), ct);
        if (known != stakeholderIds.Count)
        {
            return Error.Invalid("stakeholderIds", "Name only stakeholders of the chosen account.");
        }

        var interaction = await InboundInteractions.NewAsync(db, input.AccountId, message.MessageId, message.Subject, message.Body,
            message.SentAt, stakeholderIds, input.IsQuery ? input.Priority ?? QueryPriority.Normal : null, clock, ct);
        db.Interactions.Add(interaction);
        message.Status = TriageStatus.Filed;
        message.InteractionId = interaction.Id;
        message.ResolvedBy = user.UserId;
        message.ResolvedAt = clock.UtcNowStorable();
        return await StakeholderTouches.SaveAsync(db, What, stakeholderIds, ct) is { } error ? error : ToView(message);
    }

    public async Task<Result<TriageMessageView>> DismissAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var message = CanTriage(user) ? await db.TriageMessages.FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        if (message is null)
        {
            return Error.NotFound(What);
        }

        if (message.Status != TriageStatus.Pending)
        {
            return Error.Conflict($"The message was already {message.Status.ToString().ToLowerInvariant()}.");
        }

        message.Status = TriageStatus.Dismissed;
        message.ResolvedBy = user.UserId;
        message.ResolvedAt = clock.UtcNowStorable();
        return await db.TrySaveAsync(What, ct) is { } error ? error : ToView(message);
    }

    private static TriageMessageView ToView(TriageMessage m) => new(
        m.Id, m.MessageId, m.FromAddress, m.FromName, m.ToAddresses, m.Subject, m.Body, m.SentAt, m.Status, m.InteractionId, m.ResolvedAt);
}
