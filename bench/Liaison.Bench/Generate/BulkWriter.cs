using Liaison.Core.Data;

namespace Liaison.Bench.Generate;

/// <summary>Writes many rows of one entity type fast, bypassing change tracking and the app's interceptors.</summary>
public interface IBulkWriter : IAsyncDisposable
{
    /// <summary>Writes the rows and returns how many it wrote.</summary>
    Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>Runs a statement on the writer's connection and transaction.</summary>
    Task<int> ExecuteAsync(string sql, CancellationToken ct);

    /// <summary>Makes everything written durable and visible.</summary>
    Task CommitAsync(CancellationToken ct);
}

public static class BulkWriter
{
    public static async Task<IBulkWriter> OpenAsync(DatabaseProvider provider, LiaisonDb model, string connectionString, CancellationToken ct) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteBulkWriter.OpenAsync(model, connectionString, ct),
        DatabaseProvider.Postgres => await PostgresBulkWriter.OpenAsync(model, connectionString, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
