using Liaison.Core.Data;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// An inbound e-mail whose sender matched no stakeholder. It waits here until someone files it under
/// an account (it then becomes an interaction) or dismisses it. Belongs to no account, so only admins
/// and account managers see the list.
/// </summary>
public sealed class TriageMessage : Entity
{
    public required string MessageId { get; set; }

    public required string FromAddress { get; set; }

    public string? FromName { get; set; }

    public List<string> ToAddresses { get; set; } = [];

    public required string Subject { get; set; }

    public string? Body { get; set; }

    public DateTime SentAt { get; set; }

    public TriageStatus Status { get; set; } = TriageStatus.Pending;

    /// <summary>The interaction it became, once filed.</summary>
    public Guid? InteractionId { get; set; }

    public Guid? ResolvedBy { get; set; }

    public DateTime? ResolvedAt { get; set; }
}

public enum TriageStatus
{
    Pending,
    Filed,
    Dismissed,
}
