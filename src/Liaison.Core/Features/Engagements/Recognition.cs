using Liaison.Core.Features.Time;

namespace Liaison.Core.Features.Engagements;

/// <summary>
/// Fixed-fee revenue recognised over time. Both methods compute what was recognised by a day and
/// take the difference across a range, so adjacent ranges add up to the whole fee exactly.
/// </summary>
public static class Recognition
{
    /// <summary>Fee × the PM's latest percent complete on or before the day.</summary>
    public static long ByPercentComplete(long fee, IEnumerable<ProgressReading> readings, DateOnly asOf)
    {
        var percent = readings.Where(r => r.On <= asOf).MaxBy(r => (r.On, r.Id))?.Percent ?? 0;
        return Money.Share(fee, percent, 100);
    }

    /// <summary>Fee × milestones done by the day ÷ all milestones (each an equal share).</summary>
    public static long ByMilestones(long fee, IReadOnlyCollection<Milestone> milestones, DateOnly asOf) =>
        Money.Share(fee, milestones.Count(m => m.DoneOn is { } done && done <= asOf), milestones.Count);

    public static long InRange(Func<DateOnly, long> recognisedBy, DateOnly from, DateOnly to) =>
        recognisedBy(to) - recognisedBy(from.AddDays(-1));
}
