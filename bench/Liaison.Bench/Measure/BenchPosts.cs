using Liaison.Bench.Generate;
using Liaison.Core.Data;

namespace Liaison.Bench.Measure;

/// <summary>
/// Removes the time entries the POST runs made (noted "bench-post n") and rebuilds their engagements'
/// rollups, before and after a measurement: otherwise each run would add to the data the next one
/// picks its fixtures from and measures.
/// </summary>
public static class BenchPosts
{
    public static async Task<int> RemoveAsync(SqlFloor floor, DatabaseProvider provider, CancellationToken ct)
    {
        await using var connection = floor.Open();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var engagements = new List<object>();
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = """SELECT DISTINCT "EngagementId" FROM "TimeEntries" WHERE "Note" LIKE 'bench-post %'""";
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                engagements.Add(reader.GetValue(0));
            }
        }

        var removed = 0;
        foreach (var engagement in engagements)
        {
            removed += await ExecuteAsync("""DELETE FROM "TimeEntries" WHERE "EngagementId" = @e AND "Note" LIKE 'bench-post %'""");
            await ExecuteAsync("""DELETE FROM "TimeRollups" WHERE "EngagementId" = @e""");
            await ExecuteAsync(RollupBuilder.Sql(provider, where: "\"EngagementId\" = @e"));

            async Task<int> ExecuteAsync(string sql)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "e";
                parameter.Value = engagement;
                command.Parameters.Add(parameter);
                return await command.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
        return removed;
    }
}
