using Liaison.Core.Features.Communications.Inbound;
using Quartz;

namespace Liaison.Core.Jobs;

/// <summary>
/// Polls the inbound mailbox on its schedule (<see cref="InboundMailOptions.PollInterval"/>). Safe to
/// run again at any time: the cursor and the sink's Message-ID dedupe make a re-run import nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboundMailJob(MailboxPoller poller) : IJob
{
    public static readonly JobKey Key = new("inbound-mail", "liaison");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The poller records and logs its own failures; an exception here would only make Quartz log it again.
            await poller.PollAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the cursor already says where the next run resumes.
        }
    }
}
