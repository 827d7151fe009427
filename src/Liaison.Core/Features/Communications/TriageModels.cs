using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Communications;

/// <param name="Status">Pending (the default), Filed or Dismissed.</param>
public sealed record TriageListQuery(TriageStatus? Status = null, int? Limit = null, string? Cursor = null);

public sealed record TriageMessageView(
    Guid Id, string MessageId, string FromAddress, string? FromName, IReadOnlyList<string> To, string Subject, string? Body, DateTime SentAt,
    TriageStatus Status, Guid? InteractionId, DateTime? ResolvedAt);

public sealed class FileTriageInput
{
    [Required(ErrorMessage = "Choose the account the message belongs to.")]
    public Guid AccountId { get; set; }

    /// <summary>The account's people the message is from or to.</summary>
    public List<Guid> StakeholderIds { get; set; } = [];

    /// <summary>Whether it needs a reply (the default): then it joins the awaiting-reply queue with a deadline.</summary>
    public bool IsQuery { get; set; } = true;

    public QueryPriority? Priority { get; set; }
}
