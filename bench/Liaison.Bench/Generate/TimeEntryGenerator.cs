using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;

namespace Liaison.Bench.Generate;

/// <summary>
/// The engagements' time, one engagement after another so that millions of entries never sit in
/// memory at once: by the engagement's people, on weekdays mostly, inside the days it was in
/// delivery, priced exactly as the app prices an entry on the day it is logged.
/// </summary>
public static class TimeEntryGenerator
{
    // Mostly an hour or less, sometimes a long block: about 56 minutes on average.
    private static readonly int[] MinuteChoices = [15, 30, 30, 45, 45, 60, 60, 60, 90, 120];

    private static readonly string[] NotesChoices = ["Client call", "Revisions after feedback", "Internal review", "Production", "Planning", "Research"];

    public static IEnumerable<TimeEntry> Generate(Agency agency, SeededRandom random)
    {
        var rates = agency.RatesByStaff();
        var people = agency.Staff.ToDictionary(s => s.Id);
        var cards = agency.RateCards.ToLookup(l => l.EngagementId);
        for (var e = 0; e < agency.Engagements.Count; e++)
        {
            if (agency.WorkWindows[e] is not { } window || agency.EntriesPerEngagement[e] == 0)
            {
                continue;
            }

            var engagement = agency.Engagements[e];
            foreach (var entry in ForEngagement(agency, engagement, window, agency.EntriesPerEngagement[e], people, rates, [.. cards[engagement.Id]], random))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<TimeEntry> ForEngagement(
        Agency agency, Engagement engagement, (DateOnly From, DateOnly To) window, int count, Dictionary<Guid, StaffMember> people,
        ILookup<Guid, StaffRate> rates, List<RateCardLine> card, SeededRandom random)
    {
        var loggers = engagement.Members.Select(m => people[m.StaffId]).Prepend(people[engagement.ProjectManagerId!.Value]).ToList();
        // Some people carry an engagement, others drop in: the PM steadily, members by a skewed share.
        var share = SeededRandom.Cumulative([.. loggers.Select((_, i) => i == 0 ? 0.6 : random.LogNormal(0.8))]);
        var days = Enumerable.Range(0, window.To.DayNumber - window.From.DayNumber + 1).Select(window.From.AddDays).ToList();
        var weekdays = days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var entries = new List<TimeEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var day = weekdays.Count == 0 || random.Chance(0.03) ? random.Pick(days) : random.Pick(weekdays);
            var person = loggers[random.PickWeighted(share)];
            var personRates = rates[person.Id];
            var createdAt = day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc).AddMinutes(random.Next(0, 180));
            createdAt = createdAt < agency.Now ? createdAt : agency.Now;
            entries.Add(new TimeEntry
            {
                Id = random.NextId(createdAt),
                AccountId = engagement.AccountId,
                EngagementId = engagement.Id,
                StaffId = person.Id,
                Date = day,
                Minutes = random.Pick(MinuteChoices),
                Billable = random.Chance(person.Discipline == Discipline.Account ? 0.5 : engagement.Type == EngagementType.Retainer ? 0.95 : 0.9),
                Note = random.Chance(0.2) ? random.Pick(NotesChoices) : null,
                CostRate = RateTimeline.EffectiveOn(personRates, day)?.CostRate ?? 0,
                BillRate = RateTimeline.BillRateOn(person, personRates, card, day),
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            });
        }

        // In the order they were logged, as the app's time-ordered ids would be.
        return entries.OrderBy(t => t.Id);
    }
}
