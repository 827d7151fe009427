using System.Data.Common;
using System.Diagnostics;
using Liaison.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Liaison.Bench.Measure;

/// <summary>How fast the database alone gives an answer: one hand-written query, one connection, no HTTP, no ORM.</summary>
public sealed record FloorResult(long Runs, double P50, double P99, double RunsPerSecond, long Rows);

/// <summary>
/// Times the raw-SQL floor of a read through the ADO.NET driver. Values are passed as each provider
/// stores them (SQLite keeps GUIDs as upper-case text and dates as ISO text, as EF writes them).
/// </summary>
public sealed class SqlFloor(DatabaseProvider provider, string connectionString)
{
    public DbConnection Open()
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public object Value(Guid id) => provider == DatabaseProvider.Postgres ? id : id.ToString().ToUpperInvariant();

    public object Value(DateOnly date) => provider == DatabaseProvider.Postgres ? date : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs the query for about <paramref name="seconds"/> (at least 20 times), reading every row, after a short warm-up.</summary>
    public async Task<FloorResult> TimeAsync(string sql, IReadOnlyDictionary<string, object> parameters, int seconds, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(ct);
        long rows = 0;
        for (var i = 0; i < 5; i++)
        {
            rows = await ReadAllAsync(command, ct);
        }

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || latencies.Count < 20)
        {
            var started = Stopwatch.GetTimestamp();
            await ReadAllAsync(command, ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        return new FloorResult(latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count / clock.Elapsed.TotalSeconds, rows);
    }

    private static async Task<long> ReadAllAsync(DbCommand command, CancellationToken ct)
    {
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Round(q * (sorted.Count - 1)))];
}
