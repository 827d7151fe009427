namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>
/// Where the <see cref="MailboxPoller"/> delivers each message it reads: the importer that turns a
/// message into an interaction (or a triage item), and the test sinks.
/// </summary>
/// <remarks>
/// The poller may hand over the same message more than once (after a crash between the sink's
/// save and the cursor's, or when the folder's UIDVALIDITY changed), so a sink must dedupe on
/// <see cref="InboundMessage.MessageId"/>, best with a unique index, and answer false for one it already has.
/// An exception stops the poll before this message: it is offered again on the next poll.
/// </remarks>
public interface IInboundMessageSink
{
    /// <summary>Stores the message; true if it was new, false if a message with its Message-ID was already there.</summary>
    Task<bool> AcceptAsync(InboundMessage message, CancellationToken ct);
}
