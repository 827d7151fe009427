using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Communications;

/// <summary>
/// One logged communication with the client. An inbound one can be a query: something that needs a
/// reply, with a deadline from the account's SLA policy. The agency's own record: client users never read it.
/// </summary>
public sealed class Interaction : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public InteractionChannel Channel { get; set; } = InteractionChannel.Email;

    public InteractionDirection Direction { get; set; } = InteractionDirection.Inbound;

    public required string Subject { get; set; }

    public string? Summary { get; set; }

    public DateTime OccurredAt { get; set; }

    public InteractionSource Source { get; set; } = InteractionSource.Logged;

    /// <summary>The user who logged it; null when it came in by itself (inbound e-mail).</summary>
    public Guid? LoggedBy { get; set; }

    /// <summary>The e-mail's Message-ID, so that a message is never imported twice.</summary>
    public string? MessageId { get; set; }

    public List<InteractionStakeholder> Stakeholders { get; set; } = [];

    /// <summary>True for an inbound interaction that needs a reply.</summary>
    public bool IsQuery { get; set; }

    public QueryPriority? Priority { get; set; }

    /// <summary>The staff member who must answer the query.</summary>
    public Guid? AssigneeStaffId { get; set; }

    /// <summary>When the reply is due, from the account's SLA policy at the time the query came in.</summary>
    public DateTime? SlaDueAt { get; set; }

    public DateTime? RepliedAt { get; set; }

    /// <summary>The outbound interaction that answered the query.</summary>
    public Guid? ReplyId { get; set; }

    /// <summary>Business minutes from receipt to reply: kept with the reply so reply-time figures never replay calendars.</summary>
    public int? ReplyBusinessMinutes { get; set; }

    /// <summary>For an outbound reply, the query it answers.</summary>
    public Guid? InReplyToId { get; set; }
}

public sealed class InteractionStakeholder
{
    public Guid InteractionId { get; set; }

    public Guid StakeholderId { get; set; }
}

public enum InteractionChannel
{
    Email,
    Phone,
    Chat,
    WhatsApp,
    Meeting,
    Portal,
    Other,
}

public enum InteractionDirection
{
    Inbound,
    Outbound,
}

/// <summary>How an interaction reached the log.</summary>
public enum InteractionSource
{
    Logged,
    InboundEmail,
    InsightShare,
}
