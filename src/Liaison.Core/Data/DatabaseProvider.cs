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
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

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
