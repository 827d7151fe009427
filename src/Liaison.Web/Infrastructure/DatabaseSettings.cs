using Liaison.Core.Data;

namespace Liaison.Web.Infrastructure;

/// <summary>The "Database" section and the "Liaison" connection string.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>Seeds the demo agency into an empty database; on by default in Development only.</summary>
    public bool? SeedDemoData { get; set; }

    public static DatabaseSettings From(IConfiguration configuration) =>
        configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider) =>
        configuration.GetConnectionString("Liaison") is { Length: > 0 } connection
            ? connection
            : provider == DatabaseProvider.Sqlite
                ? "Data Source=data/liaison.db"
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Liaison is not set.");
}
