using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Communications;

/// <summary>How an inbound e-mail becomes an interaction, the same whether matched on arrival or filed from triage.</summary>
internal static class InboundInteractions
{
    public static async Task<Interaction> NewAsync(
        LiaisonDb db, Guid accountId, string messageId, string subject, string? body, DateTime sentAt, IReadOnlyList<Guid> stakeholderIds,
        QueryPriority? priority, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNowStorable();
        // A sender's clock can be ahead; the log never shows mail from the future.
        var occurredAt = sentAt > now ? now : sentAt;
        var interaction = new Interaction
        {
            AccountId = accountId,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Inbound,
            Subject = Cut(string.IsNullOrWhiteSpace(subject) ? "(no subject)" : subject.Trim(), 300),
            Summary = body is null ? null : Cut(body, 20_000),
            OccurredAt = occurredAt,
            Source = InteractionSource.InboundEmail,
            MessageId = messageId,
        };
        interaction.Stakeholders = [.. stakeholderIds.Select(s => new InteractionStakeholder { InteractionId = interaction.Id, StakeholderId = s })];
        if (priority is { } p)
        {
            var (calendar, policy) = await InteractionService.PolicyOfAsync(db, accountId, ct);
            interaction.IsQuery = true;
            interaction.Priority = p;
            interaction.AssigneeStaffId = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.AccountManagerId).FirstOrDefaultAsync(ct);
            interaction.SlaDueAt = policy.DueAt(occurredAt, p, calendar);
        }

        return interaction;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
