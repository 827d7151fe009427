using Liaison.Core.Data;

namespace Liaison.Bench.Generate;

/// <summary>
/// Builds every <c>TimeRollups</c> row from the entries in one INSERT … SELECT … GROUP BY: the cells
/// <see cref="Liaison.Core.Features.Time.Rollups"/> would hold had each entry been saved through the
/// app (minutes, and money as minutes × rate "units", see <see cref="Liaison.Core.Features.Time.Money.Units"/>).
/// </summary>
public static class RollupBuilder
{
    /// <param name="where">A condition on the entries, to rebuild only some cells (after deleting them).</param>
    public static string Sql(DatabaseProvider provider, string? where = null)
    {
        // SQLite keeps dates as 'yyyy-MM-dd' text and booleans as 0/1; PostgreSQL sums bigints into numeric.
        var (month, sum) = provider == DatabaseProvider.Sqlite
            ? ("substr(\"Date\", 1, 8) || '01'", "SUM({0})")
            : ("CAST(date_trunc('month', \"Date\") AS date)", "CAST(SUM({0}) AS bigint)");
        string Sum(string expression) => string.Format(System.Globalization.CultureInfo.InvariantCulture, sum, expression);
        return $"""
            INSERT INTO "TimeRollups" ("EngagementId", "StaffId", "Month", "AccountId", "Minutes", "BillableMinutes", "CostUnits", "BillableUnits", "ValueUnits")
            SELECT "EngagementId", "StaffId", {month}, "AccountId",
                {Sum("\"Minutes\"")},
                {Sum("CASE WHEN \"Billable\" THEN \"Minutes\" ELSE 0 END")},
                {Sum("\"Minutes\" * \"CostRate\"")},
                {Sum("CASE WHEN \"Billable\" THEN \"Minutes\" * \"BillRate\" ELSE 0 END")},
                {Sum("\"Minutes\" * \"BillRate\"")}
            FROM "TimeEntries"
            {(where is null ? "" : "WHERE " + where)}
            GROUP BY "EngagementId", "StaffId", {month}, "AccountId"
            """;
    }
}
