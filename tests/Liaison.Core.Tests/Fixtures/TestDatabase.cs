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
    private readonly CommandCounter _commands = new();

    private TestDatabase(SqliteConnection connection, FakeClock clock)
    {
        _connection = connection;
        Clock = clock;
        var builder = new DbContextOptionsBuilder<LiaisonDb>();
        builder.UseSqlite(connection, o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly))
            .UseLiaisonInterceptors(clock)
            .AddInterceptors(_hook, _commands);
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

    /// <summary>How many SQL commands every context of this database has sent so far: a service's cost in round trips.</summary>
    public int CommandsSent => _commands.Count;

    /// <summary>
    /// Runs <paramref name="action"/> once, just before the next SaveChanges writes: the way to make
    /// "someone else saved in between" happen at an exact point inside a service call.
    /// </summary>
    public void BeforeNextSave(Func<Task> action) => _hook.Arm(action);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

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
