using System.Data.Common;

namespace Liaison.Bench.Measure;

/// <summary>
/// The records the measurements aim at, chosen from the data: the account and the engagement with the
/// most time (the heaviest pages there are), and an engagement in delivery with a member to log time for.
/// </summary>
public sealed record Fixtures(Guid Account, Guid Engagement, Guid PostEngagement, Guid PostStaff, DateOnly Today)
{
    public static async Task<Fixtures> PickAsync(SqlFloor floor, DateOnly today, CancellationToken ct)
    {
        await using var connection = floor.Open();
        var account = await ScalarGuidAsync(connection,
            """SELECT "AccountId" FROM "TimeRollups" GROUP BY "AccountId" ORDER BY SUM("Minutes") DESC LIMIT 1""", ct);
        var engagement = await ScalarGuidAsync(connection,
            """SELECT "EngagementId" FROM "TimeRollups" GROUP BY "EngagementId" ORDER BY SUM("Minutes") DESC LIMIT 1""", ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e."Id", m."StaffId" FROM "Engagements" e
            JOIN "EngagementMembers" m ON m."EngagementId" = e."Id"
            JOIN "Staff" s ON s."Id" = m."StaffId"
            JOIN "AccountTeamMembers" t ON t."AccountId" = e."AccountId" AND t."StaffId" = m."StaffId"
            WHERE e."Status" = 'InDelivery' AND s."IsActive" = @active AND e."StartDate" <= @start AND (e."EndDate" IS NULL OR e."EndDate" >= @today)
            ORDER BY e."Id", m."StaffId" LIMIT 1
            """;
        Add(command, "active", true);
        Add(command, "start", floor.Value(today.AddDays(-31)));
        Add(command, "today", floor.Value(today));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("No engagement in delivery with an active member: generate the data set first.");
        }

        return new Fixtures(account, engagement, Guid.Parse(reader.GetValue(0).ToString()!), Guid.Parse(reader.GetValue(1).ToString()!), today);
    }

    private static async Task<Guid> ScalarGuidAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is { } value
            ? Guid.Parse(value.ToString()!)
            : throw new InvalidOperationException("The database has no time yet: generate the data set first.");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
