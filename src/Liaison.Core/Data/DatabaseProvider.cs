using Liaison.Core.Data.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Liaison.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Liaison.Migrations.Postgres";

    /// <summary>Points a context at its provider and that provider's own migrations assembly.</summary>
    public static DbContextOptionsBuilder UseLiaisonDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) => provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string says otherwise: the app sends
    /// the same few hundred statements again and again, and a prepared one skips PostgreSQL's parsing and
    /// planning (measured in docs/performance.md). "Max Auto Prepare=0" turns it off, e.g. behind a
    /// pooler in transaction mode that cannot keep prepared statements.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder UseLiaisonInterceptors(this DbContextOptionsBuilder builder, TimeProvider clock) =>
        builder.AddInterceptors(new VersioningInterceptor(clock), new AuditInterceptor(clock));

    /// <summary>Applies the migrations; on SQLite also switches to WAL so readers never wait for writers.</summary>
    public static async Task MigrateAsync(LiaisonDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder) && path != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
