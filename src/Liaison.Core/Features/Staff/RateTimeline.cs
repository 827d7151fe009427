using Liaison.Core.Features.Engagements;

namespace Liaison.Core.Features.Staff;

/// <summary>Which rate applies on a day: the latest one that started on or before it.</summary>
public static class RateTimeline
{
    public static StaffRate? EffectiveOn(IEnumerable<StaffRate> rates, DateOnly day) =>
        rates.Where(r => r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);

    /// <summary>
    /// The bill rate of a person on an engagement: the rate card's line for the person, else for
    /// their discipline, else their own bill rate on the day.
    /// </summary>
    public static long BillRateOn(StaffMember person, IEnumerable<StaffRate> rates, IEnumerable<RateCardLine> card, DateOnly day)
    {
        var lines = card.ToList();
        return lines.FirstOrDefault(l => l.StaffId == person.Id)?.BillRate
            ?? lines.FirstOrDefault(l => l.StaffId == null && l.Discipline == person.Discipline)?.BillRate
            ?? EffectiveOn(rates, day)?.BillRate
            ?? 0;
    }
}
