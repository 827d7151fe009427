using Liaison.Core.Features.Time;

namespace Liaison.Bench.Measure;

/// <summary>A read's raw-SQL floor: the same answer from one hand-written query.</summary>
public sealed record Floor(string Sql, IReadOnlyDictionary<string, object> Parameters);

/// <param name="RedmineWork">The row of the Redmine peer's bench that does the same work, if any.</param>
/// <param name="PostScript">wrk's request() in Lua for a write, or null for a GET.</param>
public sealed record Scenario(string Name, string Path, Floor? Floor, string? RedmineWork = null, string? PostScript = null);

/// <summary>What issue 6 measures, with the floor of each read and Redmine's counterpart where there is one.</summary>
public static class Scenarios
{
    public const string AccountOverview = "Account overview";
    public const string AccountProfitability = "Profitability of an account, 12 months";

    public static IReadOnlyList<Scenario> For(Fixtures f, SqlFloor db)
    {
        var thisMonth = Money.MonthOf(f.Today);
        var firstMonth = thisMonth.AddMonths(-11);
        var lastMonday = Money.WeekOf(f.Today);
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var yes = true;

        return
        [
            new("Account list (API, 50 a page)", "/api/v1/accounts?limit=50", new("""
                SELECT a."Id", a."Name", a."Status", a."Tier", a."Industry", a."AccountManagerId", m."FullName", a."ContractEnd", a."RenewalDate", a."Version"
                FROM "Accounts" a LEFT JOIN "Staff" m ON m."Id" = a."AccountManagerId"
                WHERE a."ArchivedAt" IS NULL ORDER BY a."Name", a."Id" LIMIT 51
                """, new Dictionary<string, object>())),
            new(AccountOverview, $"/api/v1/accounts/{f.Account}/overview", new("""
                SELECT r."Month", SUM(r."Minutes"), SUM(r."BillableMinutes"), SUM(r."BillableUnits"),
                  (SELECT COUNT(*) FROM "Engagements" e WHERE e."AccountId" = @a),
                  (SELECT COUNT(*) FROM "Interactions" i WHERE i."AccountId" = @a AND i."IsQuery" = @yes AND i."RepliedAt" IS NULL),
                  (SELECT MAX(i."OccurredAt") FROM "Interactions" i WHERE i."AccountId" = @a),
                  (SELECT COUNT(*) FROM "Stakeholders" s WHERE s."AccountId" = @a),
                  (SELECT COUNT(*) FROM "Commitments" c WHERE c."AccountId" = @a AND c."Status" = 'Open'),
                  (SELECT COUNT(*) FROM "Deliverables" d WHERE d."AccountId" = @a AND d."State" <> 'Delivered'),
                  (SELECT COUNT(*) FROM "Risks" k WHERE k."AccountId" = @a AND k."Status" IN ('Open', 'Mitigating'))
                FROM "TimeRollups" r WHERE r."AccountId" = @a AND r."Month" >= @first GROUP BY r."Month"
                """, new Dictionary<string, object> { ["a"] = db.Value(f.Account), ["yes"] = yes, ["first"] = db.Value(firstMonth) })),
            new("Time entries of an engagement (100 a page)", $"/api/v1/time-entries?engagementId={f.Engagement}&limit=100", new("""
                SELECT t."Id", t."AccountId", t."EngagementId", e."Name", t."StaffId", s."FullName", t."Date", t."Minutes", t."Billable", t."Note", t."DeliverableId", t."Version"
                FROM "TimeEntries" t JOIN "Engagements" e ON e."Id" = t."EngagementId" JOIN "Staff" s ON s."Id" = t."StaffId"
                WHERE t."EngagementId" = @e ORDER BY t."Date" DESC, t."Id" DESC LIMIT 101
                """, new Dictionary<string, object> { ["e"] = db.Value(f.Engagement) }), RedmineWork: "time_entries.json p=X limit=100"),
            new(AccountProfitability,
                $"/api/v1/accounts/{f.Account}/profitability?from={firstMonth.ToString("yyyy-MM-dd", iso)}&to={f.Today.ToString("yyyy-MM-dd", iso)}", new("""
                SELECT r."EngagementId", SUM(r."Minutes"), SUM(r."BillableMinutes"), SUM(r."CostUnits"), SUM(r."BillableUnits"), SUM(r."ValueUnits"),
                  (SELECT COALESCE(SUM(x."Amount"), 0) FROM "Expenses" x WHERE x."EngagementId" = r."EngagementId" AND x."Date" >= @first AND x."Date" <= @today)
                FROM "TimeRollups" r WHERE r."AccountId" = @a AND r."Month" >= @first AND r."Month" <= @today GROUP BY r."EngagementId"
                """, new Dictionary<string, object> { ["a"] = db.Value(f.Account), ["first"] = db.Value(firstMonth), ["today"] = db.Value(f.Today) })),
            new("Workload, everyone, 8 weeks", "/api/v1/workload", new("""
                SELECT s."Id", s."FullName", s."WeeklyCapacityMinutes", t."Date", SUM(t."Minutes")
                FROM "Staff" s LEFT JOIN "TimeEntries" t ON t."StaffId" = s."Id" AND t."Date" >= @from AND t."Date" <= @to
                WHERE s."IsActive" = @yes GROUP BY s."Id", s."FullName", s."WeeklyCapacityMinutes", t."Date"
                """, new Dictionary<string, object> { ["from"] = db.Value(lastMonday.AddDays(-49)), ["to"] = db.Value(lastMonday.AddDays(6)), ["yes"] = yes })),
            new("Engagement list (50 a page)", "/api/v1/engagements?limit=50", new("""
                SELECT e."Id", e."Name", e."Status", e."Type", e."Rag", e."StartDate", e."EndDate", a."Name", p."FullName"
                FROM "Engagements" e JOIN "Accounts" a ON a."Id" = e."AccountId" LEFT JOIN "Staff" p ON p."Id" = e."ProjectManagerId"
                ORDER BY e."Name", e."Id" LIMIT 51
                """, new Dictionary<string, object>()), RedmineWork: "projects.json"),
            new("Profitability of an engagement, staff × month", $"/api/v1/engagements/{f.Engagement}/profitability", new("""
                SELECT r."StaffId", s."FullName", r."Month", r."Minutes", r."CostUnits", r."BillableUnits", r."ValueUnits"
                FROM "TimeRollups" r JOIN "Staff" s ON s."Id" = r."StaffId" WHERE r."EngagementId" = @e
                """, new Dictionary<string, object> { ["e"] = db.Value(f.Engagement) }), RedmineWork: "spent-time report (HTML) user x month"),
            new("POST /api/v1/time-entries", "/api/v1/time-entries", null, RedmineWork: "POST /time_entries.json", PostScript: PostLua(f)),
        ];
    }

    /// <summary>Each request logs a different quarter-hour multiple on a recent weekday of this month, marked so a run can be told apart.</summary>
    private static string PostLua(Fixtures f)
    {
        var iso = System.Globalization.CultureInfo.InvariantCulture;
        var days = Enumerable.Range(0, 28).Select(i => f.Today.AddDays(-i))
            .Where(d => d.Month == f.Today.Month && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Take(10).ToList();
        if (days.Count == 0)
        {
            days.Add(f.Today);
        }

        var dates = string.Join(", ", days.Select(d => $"\"{d.ToString("yyyy-MM-dd", iso)}\""));
        return $$"""
            local dates = { {{dates}} }
            local n = 0
            request = function()
              n = n + 1
              local body = string.format('{"engagementId":"{{f.PostEngagement}}","staffId":"{{f.PostStaff}}","date":"%s","minutes":%d,"billable":true,"note":"bench-post %d"}',
                dates[(n % #dates) + 1], 15 * ((n % 8) + 1), n)
              -- Headers given here replace wrk's own, so the token from -H is carried over.
              return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"] }, body)
            end
            """;
    }
}
