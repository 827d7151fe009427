namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>
/// How far the <see cref="MailboxPoller"/> has read one mailbox folder. IMAP UIDs only grow within
/// one UIDVALIDITY, so "the last UID handed to the sink" is all it needs to resume; a new
/// UIDVALIDITY means the UIDs were renumbered, and reading starts over.
/// </summary>
public sealed class MailboxCursor
{
    public const int MaxErrorLength = 1000;

    /// <summary>The mailbox and folder (<see cref="InboundMailOptions.MailboxKey"/>).</summary>
    public required string Mailbox { get; set; }

    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was read; 0 before the first successful connection.</summary>
    public long UidValidity { get; set; }

    /// <summary>The UID of the last message the sink took (new or duplicate); 0 when none yet.</summary>
    public long LastUid { get; set; }

    /// <summary>When the last poll ended, successful or not.</summary>
    public DateTime? LastPolledAt { get; set; }

    /// <summary>Why the last poll failed; null when it succeeded.</summary>
    public string? LastError { get; set; }
}
