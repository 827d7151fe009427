using System.Collections.Concurrent;
using Liaison.Core.Features.Communications.Inbound;

namespace Liaison.Web.Tests.Communications;

/// <summary>
/// A sink as the importer will behave: it keeps one message per Message-ID and answers whether
/// each was new. It also remembers every offer, so a test can see what the poller re-read.
/// </summary>
public sealed class RecordingSink : IInboundMessageSink
{
    private readonly ConcurrentDictionary<string, InboundMessage> _kept = new();
    private readonly ConcurrentQueue<InboundMessage> _offered = new();

    /// <summary>While set, a message it matches makes the sink throw, as an importer with a broken database would.</summary>
    public Func<InboundMessage, bool>? FailOn { get; set; }

    public IReadOnlyList<InboundMessage> Offered => [.. _offered];

    public IReadOnlyList<InboundMessage> Kept => [.. _kept.Values.OrderBy(m => m.ImapUid)];

    public InboundMessage KeptWithSubject(string subject) => Kept.Single(m => m.Subject == subject);

    public Task<bool> AcceptAsync(InboundMessage message, CancellationToken ct)
    {
        _offered.Enqueue(message);
        if (FailOn?.Invoke(message) == true)
        {
            throw new InvalidOperationException($"The importer could not store '{message.Subject}'.");
        }

        return Task.FromResult(_kept.TryAdd(message.MessageId, message));
    }
}
