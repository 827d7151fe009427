namespace Liaison.Core.Features.Meetings;

public enum CommitmentStatus
{
    Open,
    Done,
    Slipped,
    Dropped,
}

/// <summary>What reliability needs to know about one commitment.</summary>
public sealed record CommitmentOutcome(DateOnly DueDate, DateOnly? DoneOn, CommitmentStatus Status);

/// <param name="Percent">Done on time as a share of due, one decimal; null when nothing was due.</param>
public sealed record ReliabilityScore(int DoneOnTime, int Due, decimal? Percent);

/// <summary>How often one side of an account keeps its word: commitments done on time ÷ commitments due.</summary>
/// <remarks>
/// A commitment is due when its due date lies in [today − window, today]. Dropped commitments count
/// in neither figure: dropping by agreement is not a broken promise. Done on or before the due date
/// is on time; done later, still open or slipped past the due date is due and not on time. One due
/// today and not yet done is left out until tomorrow, since it can still be kept. A commitment marked
/// done without a done date cannot be shown to be on time and counts as late.
/// </remarks>
public static class Reliability
{
    public const int DefaultWindowDays = 90;

    public static ReliabilityScore Measure(IEnumerable<CommitmentOutcome> commitments, DateOnly today, int windowDays = DefaultWindowDays)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);

        var windowStart = today.AddDays(-windowDays);
        var due = 0;
        var onTime = 0;
        foreach (var c in commitments)
        {
            if (c.Status == CommitmentStatus.Dropped || c.DueDate < windowStart || c.DueDate > today)
            {
                continue;
            }

            var done = c.Status == CommitmentStatus.Done;
            if (!done && c.DueDate == today)
            {
                continue;
            }

            due++;
            if (done && c.DoneOn is { } doneOn && doneOn <= c.DueDate)
            {
                onTime++;
            }
        }

        decimal? percent = due == 0 ? null : Math.Round(onTime * 100m / due, 1, MidpointRounding.AwayFromZero);
        return new ReliabilityScore(onTime, due, percent);
    }
}
