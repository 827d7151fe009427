namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>
/// One e-mail read from the inbound mailbox, reduced to what an interaction needs. Built by
/// <see cref="InboundMessageReader"/>; handed to an <see cref="IInboundMessageSink"/>.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>
    /// The Message-ID header without its angle brackets: the key a sink dedupes on. When a message
    /// has none, <see cref="InboundMessageReader.DeriveMessageId"/> makes one from its content
    /// (and <see cref="MessageIdDerived"/> is true), so reading the same message again gives the same id.
    /// At most <see cref="InboundMessageReader.MaxMessageIdLength"/> characters.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>True when the message had no usable Message-ID and <see cref="MessageId"/> was derived.</summary>
    public bool MessageIdDerived { get; init; }

    /// <summary>The IMAP UID of the message in its folder (valid with the folder's UIDVALIDITY only).</summary>
    public required long ImapUid { get; init; }

    /// <summary>The sender's address, trimmed and lower-cased; empty when the message names no sender.</summary>
    public required string FromAddress { get; init; }

    /// <summary>The sender's display name, or null when the From header has none.</summary>
    public string? FromName { get; init; }

    /// <summary>The To addresses, trimmed and lower-cased, without duplicates.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>The Cc addresses, trimmed and lower-cased, without duplicates.</summary>
    public required IReadOnlyList<string> Cc { get; init; }

    /// <summary>The subject on one line, empty when there is none; at most <see cref="InboundMessageReader.MaxSubjectLength"/> characters.</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// The text of the message: its text/plain body, or else its HTML body as text. Lines end in \n.
    /// At most <see cref="InboundMessageReader.MaxBodyLength"/> characters.
    /// </summary>
    public required string Body { get; init; }

    /// <summary>True when <see cref="Body"/> was cut to <see cref="InboundMessageReader.MaxBodyLength"/>.</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>When it was sent (the Date header; else when the server received it), in UTC.</summary>
    public required DateTime SentAt { get; init; }
}
