using System.Data.Common;
using Liaison.Core.Data;
using Microsoft.Data.Sqlite;

namespace Liaison.Bench.Generate;

/// <summary>
/// SQLite: one transaction for the whole load and one prepared INSERT per table, reused for every
/// row, with syncing off while it runs (a failed load is thrown away, not repaired).
/// </summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    private readonly LiaisonDb _model;
    private readonly SqliteConnection _connection;
    private SqliteTransaction _transaction;

    private SqliteBulkWriter(LiaisonDb model, SqliteConnection connection, SqliteTransaction transaction)
    {
        _model = model;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<SqliteBulkWriter> OpenAsync(LiaisonDb model, string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var pragma in new[] { "PRAGMA synchronous=OFF;", "PRAGMA temp_store=MEMORY;", "PRAGMA cache_size=-262144;", "PRAGMA foreign_keys=ON;" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(ct);
        }

        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        return new SqliteBulkWriter(model, connection, transaction);
    }

    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var shape = new TableShape<T>(_model);
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", shape.Columns.Select((_, i) => $"$p{i}"))})";
        // The type mapping configures each parameter as EF does (GUIDs bound as upper-case text, and so on).
        var parameters = shape.Columns.Select((c, i) => (c, Parameter: c.Mapping.CreateParameter(command, $"$p{i}", null, nullable: true))).ToList();
        foreach (var (_, parameter) in parameters)
        {
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(ct);
        long written = 0;
        foreach (var row in rows)
        {
            foreach (var (column, parameter) in parameters)
            {
                SetValue(parameter, column.ProviderValue(row));
            }

            await command.ExecuteNonQueryAsync(ct);
            written++;
        }

        return written;
    }

    private static void SetValue(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
