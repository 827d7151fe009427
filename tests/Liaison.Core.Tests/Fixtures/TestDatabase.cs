using Liaison.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Core.Tests.Fixtures;

/// <summary>
/// An in-memory SQLite database migrated with the real SQLite migrations, and the context factory
/// the services take. One connection stays open for the database's lifetime: an in-memory SQLite
/// database lives exactly as long as its connection.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<LiaisonDb>, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<LiaisonDb> _options;
    private readonly OneShotSaveHook _hook = new();

    private TestDatabase(SqliteConnection connection, FakeClock clock)
    {
        _connection = connection;
        Clock = clock;
        var builder = new DbContextOptionsBuilder<LiaisonDb>();
        builder.UseSqlite(connection, o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly))
            .UseLiaisonInterceptors(clock)
            .AddInterceptors(_hook);
        _options = builder.Options;
    }

    public FakeClock Clock { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync(ct);
        var database = new TestDatabase(connection, new FakeClock());
        await using var db = database.CreateDbContext();
        await DatabaseSetup.MigrateAsync(db, ct);
        return database;
    }

    public LiaisonDb CreateDbContext() => new(_options);

    /// <summary>
    /// Runs <paramref name="action"/> once, just before the next SaveChanges writes: the way to make
    /// "someone else saved in between" happen at an exact point inside a service call.
    /// </summary>
    public void BeforeNextSave(Func<Task> action) => _hook.Arm(action);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private sealed class OneShotSaveHook : SaveChangesInterceptor
    {
        private Func<Task>? _action;

        public void Arm(Func<Task> action) => _action = action;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _action, null) is { } action)
            {
                await action();
            }

            return result;
        }
    }
}
