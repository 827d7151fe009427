using Liaison.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a random loopback port, on its own SQLite file seeded with the demo
/// agency, so the browser talks to it exactly as a user's browser would.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liaison-e2e-").FullName;

    public LiveApp()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
    }

    public string BaseUrl { get; }

    public static string Password => DemoAgencySeeder.Password;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework serves only published assets; the tests run from the build output.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Liaison", $"Data Source={Path.Combine(_folder, "liaison.db")}");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Liaison:Files:Folder", Path.Combine(_folder, "files"));
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        // Short, so the test of disabling a user need not wait the production minute.
        builder.UseSetting("Security:SessionRevalidationSeconds", "2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
