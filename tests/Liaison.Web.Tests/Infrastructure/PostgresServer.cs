using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Liaison.Web.Tests.Infrastructure.PostgresServer))]

namespace Liaison.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run: the one named by LIAISON_TEST_POSTGRES, or else a
/// throwaway cluster in a temp folder, started on first use (a SQLite-only run never needs it)
/// and deleted at the end. Every fixture gets its own database on it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "LIAISON_TEST_POSTGRES";

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private string? _adminConnectionString;
    private string? _clusterDirectory;
    private string? _binDirectory;
    private bool _clusterStarted;

    public async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var admin = await EnsureStartedAsync(ct);
        var name = $"liaison_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_clusterStarted)
            {
                await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", Path.Combine(_clusterDirectory!, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
        }
        finally
        {
            if (_clusterDirectory is not null && Directory.Exists(_clusterDirectory))
            {
                Directory.Delete(_clusterDirectory, recursive: true);
            }

            _startLock.Dispose();
        }
    }

    private async Task<string> EnsureStartedAsync(CancellationToken ct)
    {
        await _startLock.WaitAsync(ct);
        try
        {
            _adminConnectionString ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external
                ? external
                : await StartClusterAsync(ct);
            return _adminConnectionString;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task<string> StartClusterAsync(CancellationToken ct)
    {
        _binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: no initdb/pg_ctl under /usr/lib/postgresql/*/bin. Run ./test.sh, which installs it " +
            $"(apt-get install -y postgresql), or set {EnvironmentVariable} to a connection string of a server where the tests may CREATE DATABASE.");

        _clusterDirectory = Directory.CreateTempSubdirectory("liaison-pg-").FullName;
        var data = Path.Combine(_clusterDirectory, "data");
        var port = FreePort();

        // initdb refuses to run as root, so the cluster belongs to the postgres user then.
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", _clusterDirectory], ct);
        }

        await RunAsync(Path.Combine(_binDirectory, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"], ct);
        var options = $"-p {port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(_clusterDirectory, "server.log"), "-w", "start"], ct);
        _clusterStarted = true;

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            // Tests open many short connections on up to two cores; keep each fixture's pool small.
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when we are root.</summary>
    private static async Task RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var asPostgres = Environment.UserName == "root" && program != "chown";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var part in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
