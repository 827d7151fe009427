using System.Collections.Concurrent;
using Liaison.Core.Data;
using Liaison.Core.Features.Integrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Web.Tests.Infrastructure;

/// <summary>
/// Liaison.Web's own Program on a database of its own, with the seeded <see cref="World"/>. Program
/// applies the migrations when the host starts, exactly as in production.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<Principal, ApiClient> _clients = new();

    // EF shares its internal service provider between contexts with equal options, even across
    // hosts, and it holds on to the first host's services; a host disposed by one test class then
    // breaks another class's contexts. A memory cache of each host's own keeps the providers apart.
    private readonly MemoryCache _efCache = new(new MemoryCacheOptions());
    private World? _world;

    /// <summary>Uploaded files of this host, outside the source tree and removed with it.</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), "liaison-web-tests", $"files-{Guid.NewGuid():N}");

    /// <summary>The upload limit in tests: small, so the oversize case costs a megabyte, not fifty.</summary>
    public const long MaxUploadBytes = 1024 * 1024;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Generous by default, so that tests which sign in often are not throttled.</summary>
    protected virtual int TokenRequestsPerMinute => 1000;

    protected string ConnectionString { get; private set; } = "";

    public World World => _world ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(TestContext.Current.CancellationToken);
        StartServer();
        await EnsureOwnDatabaseAsync();
        _world = await World.SeedAsync(Services, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _efCache.Dispose();
        await DropDatabaseAsync();
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>An API client that sends the token of this principal (none for <see cref="Principal.Anonymous"/>).</summary>
    public ApiClient ClientFor(Principal principal) => _clients.GetOrAdd(principal, p =>
        p == Principal.Anonymous ? AnonymousClient() : ClientWithToken(World.Person(p).Token));

    public ApiClient AnonymousClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public ApiClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return new ApiClient(client);
    }

    /// <summary>A context on the fixture's database, for checking what the API really stored.</summary>
    public Task<LiaisonDb> OpenDbAsync() =>
        Services.GetRequiredService<IDbContextFactory<LiaisonDb>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    protected abstract Task<string> CreateDatabaseAsync(CancellationToken ct);

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("ConnectionStrings:Liaison", ConnectionString);
        builder.UseSetting("Security:TokenRequestsPerMinute", TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Liaison:Files:Folder", FilesFolder);
        builder.UseSetting("Liaison:Files:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // EF logs its probe for the migrations table as a failed command on a new PostgreSQL database.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // One EF service provider per host is deliberate (see _efCache); beyond twenty hosts in one test
        // process EF would refuse to build another, taking that many providers for a leak.
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<LiaisonDb>((_, options) => options.UseMemoryCache(_efCache)
                .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)), ServiceLifetime.Singleton));
    }

    /// <summary>Guards the developer's own database: a setting that did not reach the app must not seed into it.</summary>
    private async Task EnsureOwnDatabaseAsync()
    {
        await using var db = await OpenDbAsync();
        // The app adds Npgsql's statement preparation to a PostgreSQL connection string that does not set it.
        var expected = Provider == DatabaseProvider.Postgres ? DatabaseSetup.WithAutoPrepare(ConnectionString) : ConnectionString;
        if (db.Database.GetConnectionString() != expected)
        {
            throw new InvalidOperationException($"The app uses '{db.Database.GetConnectionString()}', not the fixture's database.");
        }
    }
}

public class SqliteApp : AppFactory
{
    private string _path = "";

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-web-tests");
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ConnectionString);
    }

    protected override Task DropDatabaseAsync()
    {
        // The host is gone; its pooled connections would keep the file open.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

public class PostgresApp(PostgresServer server) : AppFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync(CancellationToken ct) => server.CreateDatabaseAsync(ct);

    protected override Task DropDatabaseAsync() => server.DropDatabaseAsync(ConnectionString);
}
