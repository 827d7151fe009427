using System.Globalization;
using Liaison.Core.Access;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Bench.Generate;

/// <summary>
/// verify: checks a generated database against the app's own rules and computations: rollups equal the
/// app's sums of the entries, entries carry the rates in force on their day and are logged by the
/// engagement's people inside its dates, last touches and query deadlines are what the app would keep,
/// and the profitability service agrees with the entries. Prints OK or the first differences.
/// </summary>
public static class VerifyCommand
{
    private const int ShownDifferences = 5;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider();
        var connectionString = options.Required("connection");
        await using var db = BenchDatabase.Open(provider, connectionString);
        var failures = 0;
        failures += Report("rollups equal the app's sums of the entries", await RollupDifferencesAsync(db, ct));
        failures += Report("entries carry the rates in force on their day", await RateDifferencesAsync(db, ct));
        failures += Report("entries are by the engagement's people, inside its dates, on its account team", await MisplacedEntriesAsync(db, ct));
        failures += Report("stakeholders' last touch is their latest interaction or held meeting", await LastTouchDifferencesAsync(db, ct));
        failures += Report("queries' deadlines and reply times follow the SLA policy", await QueryDifferencesAsync(db, ct));
        failures += Report("profitability agrees with the entries", await ProfitabilityDifferencesAsync(provider, connectionString, db, ct));
        Console.WriteLine(failures == 0 ? "OK" : $"{failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private static int Report(string check, List<string> differences)
    {
        Console.WriteLine($"  {(differences.Count == 0 ? "ok  " : "FAIL")} {check}");
        foreach (var difference in differences.Take(ShownDifferences))
        {
            Console.WriteLine($"         {difference}");
        }

        if (differences.Count > ShownDifferences)
        {
            Console.WriteLine($"         … and {differences.Count - ShownDifferences:N0} more");
        }

        return differences.Count == 0 ? 0 : 1;
    }

    private static async Task<List<string>> RollupDifferencesAsync(LiaisonDb db, CancellationToken ct)
    {
        var expected = await TimeSums.ByMonthAsync(db.TimeEntries.AsNoTracking(), ct);
        var stored = await db.TimeRollups.AsNoTracking().ToDictionaryAsync(r => (r.EngagementId, r.StaffId, r.Month), ct);
        var differences = new List<string>();
        foreach (var cell in expected)
        {
            var key = (cell.EngagementId, cell.StaffId, cell.Month);
            if (!stored.Remove(key, out var r))
            {
                differences.Add($"missing rollup {key}");
            }
            else if ((r.AccountId, r.Minutes, r.BillableMinutes, r.CostUnits, r.BillableUnits, r.ValueUnits)
                     != (cell.AccountId, cell.Minutes, cell.BillableMinutes, cell.CostUnits, cell.BillableUnits, cell.ValueUnits))
            {
                differences.Add($"rollup {key}: stored {r.Minutes} min {r.CostUnits}/{r.BillableUnits}/{r.ValueUnits}, entries {cell.Minutes} min {cell.CostUnits}/{cell.BillableUnits}/{cell.ValueUnits}");
            }
        }

        differences.AddRange(stored.Keys.Select(key => $"rollup {key} has no entries"));
        return differences;
    }

    private static async Task<List<string>> RateDifferencesAsync(LiaisonDb db, CancellationToken ct)
    {
        var people = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var rates = (await db.StaffRates.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.StaffId);
        var cards = (await db.RateCardLines.AsNoTracking().ToListAsync(ct)).ToLookup(l => l.EngagementId);
        var differences = new List<string>();
        var entries = db.TimeEntries.AsNoTracking().Select(t => new { t.Id, t.EngagementId, t.StaffId, t.Date, t.CostRate, t.BillRate });
        await foreach (var t in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            var cost = RateTimeline.EffectiveOn(rates[t.StaffId], t.Date)?.CostRate ?? 0;
            var bill = RateTimeline.BillRateOn(people[t.StaffId], rates[t.StaffId], cards[t.EngagementId], t.Date);
            if ((cost, bill) != (t.CostRate, t.BillRate))
            {
                differences.Add($"entry {t.Id} on {t.Date}: {t.CostRate}/{t.BillRate}, rates say {cost}/{bill}");
            }
        }

        return differences;
    }

    private static async Task<List<string>> MisplacedEntriesAsync(LiaisonDb db, CancellationToken ct)
    {
        var outsiders = await db.TimeEntries.AsNoTracking()
            .Join(db.Engagements, t => t.EngagementId, e => e.Id, (t, e) => new { t, e })
            .Where(x => x.t.AccountId != x.e.AccountId
                || x.e.Status == EngagementStatus.Draft || x.e.Status == EngagementStatus.HandOff
                || x.t.Date < x.e.StartDate || x.t.Date > x.e.EndDate
                || (x.t.StaffId != x.e.ProjectManagerId && x.t.StaffId != x.e.AccountManagerId
                    && !db.EngagementMembers.Any(m => m.EngagementId == x.e.Id && m.StaffId == x.t.StaffId))
                || !db.AccountTeamMembers.Any(m => m.AccountId == x.t.AccountId && m.StaffId == x.t.StaffId))
            .Select(x => x.t.Id).Take(100).ToListAsync(ct);
        return [.. outsiders.Select(id => $"entry {id}")];
    }

    private static async Task<List<string>> LastTouchDifferencesAsync(LiaisonDb db, CancellationToken ct)
    {
        var byInteraction = await (from x in db.InteractionStakeholders
                                   join i in db.Interactions on x.InteractionId equals i.Id
                                   group i.OccurredAt by x.StakeholderId into g
                                   select new { StakeholderId = g.Key, Last = g.Max() }).ToDictionaryAsync(r => r.StakeholderId, r => r.Last, ct);
        var byMeeting = await (from a in db.MeetingStakeholders
                               join m in db.Meetings on a.MeetingId equals m.Id
                               where m.Status == MeetingStatus.Held
                               group m.StartsAt by a.StakeholderId into g
                               select new { StakeholderId = g.Key, Last = g.Max() }).ToDictionaryAsync(r => r.StakeholderId, r => r.Last, ct);
        var stored = await db.Stakeholders.AsNoTracking().Select(s => new { s.Id, s.LastTouchAt }).ToListAsync(ct);
        return [.. stored
            .Select(s => (s.Id, s.LastTouchAt, Expected: Latest(byInteraction.GetValueOrDefault(s.Id), byMeeting.GetValueOrDefault(s.Id))))
            .Where(s => s.LastTouchAt != s.Expected)
            .Select(s => $"stakeholder {s.Id}: {s.LastTouchAt:o}, expected {s.Expected:o}")];
    }

    private static DateTime? Latest(DateTime a, DateTime b) => (a, b) switch
    {
        ({ Ticks: 0 }, { Ticks: 0 }) => null,
        _ => a > b ? a : b,
    };

    private static async Task<List<string>> QueryDifferencesAsync(LiaisonDb db, CancellationToken ct)
    {
        var policies = await db.AccountSlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.AccountId, ct);
        var queries = await db.Interactions.AsNoTracking().Where(i => i.IsQuery).ToListAsync(ct);
        var replies = await db.Interactions.AsNoTracking().Where(i => i.InReplyToId != null).ToDictionaryAsync(i => i.Id, ct);
        var differences = new List<string>();
        foreach (var query in queries)
        {
            var (calendar, policy) = (policies.GetValueOrDefault(query.AccountId) ?? new AccountSlaPolicy { AccountId = query.AccountId }).Resolve();
            var due = policy.DueAt(query.OccurredAt, query.Priority ?? QueryPriority.Normal, calendar);
            var minutes = query.RepliedAt is { } repliedAt
                ? (int)Math.Round(calendar.BusinessTimeBetween(query.OccurredAt, repliedAt).TotalMinutes, MidpointRounding.AwayFromZero)
                : (int?)null;
            var replyAgrees = query.ReplyId is not { } replyId
                ? query.RepliedAt is null
                : replies.TryGetValue(replyId, out var reply) && reply.InReplyToId == query.Id && reply.OccurredAt == query.RepliedAt;
            if (query.SlaDueAt != due || query.ReplyBusinessMinutes != minutes || !replyAgrees)
            {
                differences.Add($"query {query.Id}: due {query.SlaDueAt:o} (policy {due:o}), reply minutes {query.ReplyBusinessMinutes} ({minutes}), reply linked {replyAgrees}");
            }
        }

        return differences;
    }

    /// <summary>The app's profitability of the busiest engagements, over their whole life, against sums over their entries.</summary>
    private static async Task<List<string>> ProfitabilityDifferencesAsync(DatabaseProvider provider, string connectionString, LiaisonDb db, CancellationToken ct)
    {
        var admin = await db.Users.AsNoTracking().FirstAsync(u => u.Role == Role.Admin, ct);
        var user = new CurrentUser(admin.Id, admin.FullName, admin.Role, admin.StaffId, null);
        var service = new ProfitabilityService(new BenchDbFactory(provider, connectionString), TimeProvider.System);
        var busiest = await db.TimeEntries.AsNoTracking().GroupBy(t => t.EngagementId)
            .Select(g => new { EngagementId = g.Key, Minutes = g.Sum(t => (long)t.Minutes), Billable = g.Sum(t => t.Billable ? (long)t.Minutes : 0L) })
            .OrderByDescending(g => g.Minutes).Take(5).ToListAsync(ct);
        var differences = new List<string>();
        foreach (var expected in busiest)
        {
            var days = await db.TimeEntries.AsNoTracking().Where(t => t.EngagementId == expected.EngagementId)
                .GroupBy(_ => 1).Select(g => new { From = g.Min(t => t.Date), To = g.Max(t => t.Date) }).SingleAsync(ct);
            var result = await service.ForEngagementAsync(user, expected.EngagementId, days.From, days.To, ct);
            if (!result.IsSuccess)
            {
                differences.Add($"engagement {expected.EngagementId}: {result.Error.Message}");
                continue;
            }

            // The service rounds each month's cost to cents, so the expectation does too.
            var monthlyCostUnits = await db.TimeEntries.AsNoTracking().Where(t => t.EngagementId == expected.EngagementId)
                .GroupBy(t => new { t.Date.Year, t.Date.Month }).Select(g => g.Sum(t => t.Minutes * t.CostRate)).ToListAsync(ct);
            var expectedCost = monthlyCostUnits.Sum(Money.FromUnits);
            var p = result.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"         {p.Name}: {Money.Hours(p.Minutes)} h, time cost {Money.Format(p.TimeCost)}, revenue {Money.Format(p.Revenue)}, margin {p.MarginPercent}%"));
            if ((p.Minutes, p.BillableMinutes, p.TimeCost) != (expected.Minutes, expected.Billable, expectedCost))
            {
                differences.Add($"engagement {expected.EngagementId}: service {p.Minutes} min / {p.BillableMinutes} billable / cost {p.TimeCost}, " +
                    $"entries {expected.Minutes} / {expected.Billable} / {expectedCost}");
            }
        }

        return differences;
    }
}
