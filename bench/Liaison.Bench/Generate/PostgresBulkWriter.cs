using Liaison.Core.Data;
using Npgsql;

namespace Liaison.Bench.Generate;

/// <summary>
/// PostgreSQL: binary COPY per table inside one transaction. Values go in as EF's converters make
/// them, typed by the column's store type, so the server never has to guess.
/// </summary>
public sealed class PostgresBulkWriter : IBulkWriter
{
    private readonly LiaisonDb _model;
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction _transaction;

    private PostgresBulkWriter(LiaisonDb model, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _model = model;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresBulkWriter> OpenAsync(LiaisonDb model, string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SET synchronous_commit = off; SET maintenance_work_mem = '256MB';", connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        return new PostgresBulkWriter(model, connection, await connection.BeginTransactionAsync(ct));
    }

    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var shape = new TableShape<T>(_model);
        // "character varying(200)" is "character varying" on the wire.
        var types = shape.Columns.Select(c => c.StoreType.Split('(')[0].Trim()).ToList();
        var copy = $"COPY \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await _connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                if (shape.Columns[i].ProviderValue(row) is { } value)
                {
                    await importer.WriteAsync(value, types[i], ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        return (long)await importer.CompleteAsync(ct);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = await _connection.BeginTransactionAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
