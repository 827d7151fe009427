using Liaison.Core.Data;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>
/// Turns each polled e-mail into an interaction of the account whose stakeholder sent it (a query
/// that needs a reply, due by the account's SLA policy), or into a triage item when the sender is
/// no known stakeholder, or is one on several accounts and so cannot be placed.
/// </summary>
public sealed class InboundMailImporter(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock) : IInboundMessageSink
{
    public async Task<bool> AcceptAsync(InboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbs.OpenAsync(actor: null, ct);
        if (await IsKnownAsync(db, message.MessageId, ct))
        {
            return false;
        }

        var senders = string.IsNullOrEmpty(message.FromAddress)
            ? []
            : await db.Stakeholders.AsNoTracking().Where(s => s.Email != null && s.Email.ToLower() == message.FromAddress)
                .Select(s => new { s.Id, s.AccountId }).ToListAsync(ct);
        var accounts = senders.Select(s => s.AccountId).Distinct().ToList();
        if (accounts.Count == 1)
        {
            var accountId = accounts[0];
            // Everyone of that account on the message is part of the conversation.
            var recipients = message.To.Concat(message.Cc).ToList();
            var others = await db.Stakeholders.AsNoTracking()
                .Where(s => s.AccountId == accountId && s.Email != null && recipients.Contains(s.Email.ToLower()))
                .Select(s => s.Id).ToListAsync(ct);
            var people = senders.Select(s => s.Id).Concat(others).Distinct().ToList();
            var interaction = await InboundInteractions.NewAsync(
                db, accountId, message.MessageId, message.Subject, message.Body, message.SentAt, people, QueryPriority.Normal, clock, ct);
            db.Interactions.Add(interaction);
            return await SaveAsync(db, message.MessageId, people, ct);
        }

        db.TriageMessages.Add(new TriageMessage
        {
            MessageId = message.MessageId,
            FromAddress = Cut(message.FromAddress.Length == 0 ? "(no sender)" : message.FromAddress, 320),
            FromName = message.FromName is null ? null : Cut(message.FromName, 200),
            ToAddresses = [.. message.To],
            Subject = Cut(string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject, 300),
            Body = message.Body,
            SentAt = message.SentAt,
        });
        return await SaveAsync(db, message.MessageId, [], ct);
    }

    /// <summary>A Message-ID is unique across the log and the triage list: a message filed from triage keeps its id.</summary>
    private static async Task<bool> IsKnownAsync(LiaisonDb db, string messageId, CancellationToken ct) =>
        await db.Interactions.AnyAsync(i => i.MessageId == messageId, ct) || await db.TriageMessages.AnyAsync(m => m.MessageId == messageId, ct);

    private async Task<bool> SaveAsync(LiaisonDb db, string messageId, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        try
        {
            await StakeholderTouches.SaveAsync(db, "The message", people, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another poller stored it first (the unique index said so); anything else is a real failure.
            await using var fresh = await dbs.OpenAsync(actor: null, ct);
            if (await IsKnownAsync(fresh, messageId, ct))
            {
                return false;
            }

            throw;
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
