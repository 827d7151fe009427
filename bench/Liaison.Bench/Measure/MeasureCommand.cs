using System.Globalization;
using System.Text;
using Liaison.Bench.Generate;
using Liaison.Core.Data;

namespace Liaison.Bench.Measure;

/// <summary>
/// measure: the Release app on loopback against a generated database, each scenario under wrk at each
/// connection count, each read's raw-SQL floor, Redmine beside it when asked, and the app's memory after.
/// </summary>
public static class MeasureCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var provider = options.Provider();
        var connectionString = options.Required("connection");
        var seconds = options.Int("duration", 10);
        var connections = (options.Get("connections") ?? "1,8").Split(',').Select(c => int.TryParse(c, out var n) && n > 0 ? n
            : throw new BenchUsageException($"--connections is a list like 1,8, not '{c}'.")).ToList();
        var root = RepositoryRoot();
        var appDll = options.Get("app") ?? Path.Combine(root, "artifacts", "bin", "Liaison.Web", "release", "Liaison.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new BenchUsageException($"No Release build at {appDll}: run 'dotnet build -c Release src/Liaison.Web' first, or give --app.");
        }

        await Wrk.EnsureInstalledAsync(ct);
        var floor = new SqlFloor(provider, connectionString);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        if (await BenchPosts.RemoveAsync(floor, provider, ct) is > 0 and var earlier)
        {
            Console.WriteLine($"removed {earlier} time entries an earlier run posted");
        }

        var fixtures = await Fixtures.PickAsync(floor, today, ct);
        var scenarios = Scenarios.For(fixtures, floor);

        IReadOnlyList<PeerResult> peer = [];
        if (options.Get("redmine") is { } redminePort)
        {
            var scripts = options.Get("redmine-scripts") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "peers", "redmine"));
            Console.WriteLine($"Redmine peer on port {redminePort} …");
            peer = await RedminePeer.RunAsync(scripts, int.Parse(redminePort, CultureInfo.InvariantCulture), seconds, connections, ct);
        }

        var rows = new List<Row>();
        long rss;
        await using (var app = await AppUnderTest.StartAsync(appDll, provider, connectionString, ct))
        {
            var token = await app.SignInAsync(options.Get("email") ?? AgencyGenerator.AdminEmail, options.Get("password") ?? AgencyGenerator.AdminPassword, ct);
            foreach (var scenario in scenarios)
            {
                var url = new Uri(app.BaseAddress, scenario.Path);
                // A short run first, so JIT, caches and connection pools are warm for the measured ones.
                await Wrk.RunAsync(url, token, 2, 2, scenario.PostScript, ct);
                var floorResult = scenario.Floor is { } f ? await floor.TimeAsync(f.Sql, f.Parameters, Math.Max(2, seconds / 2), ct) : null;
                foreach (var c in connections)
                {
                    var load = await Wrk.RunAsync(url, token, c, seconds, scenario.PostScript, ct);
                    var redmine = scenario.RedmineWork is { } work ? peer.FirstOrDefault(p => p.Work == work && p.Connections == c) : null;
                    var row = new Row(scenario.Name, load, floorResult, redmine);
                    rows.Add(row);
                    Console.WriteLine(row.Describe());
                }
            }

            rss = app.ResidentMebibytes();
        }

        Console.WriteLine($"removed the {await BenchPosts.RemoveAsync(floor, provider, ct)} time entries this run posted");

        var table = Table(rows, provider, seconds, fixtures, rss);
        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Get("out") is { } output)
        {
            await File.WriteAllTextAsync(output, table, ct);
            Console.WriteLine($"written to {output}");
        }

        var failed = rows.Where(r => r.Load.Failures > 0).ToList();
        foreach (var row in failed)
        {
            Console.Error.WriteLine($"{row.Name} at {row.Load.Connections}: {row.Load.Failures} failed requests");
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private sealed record Row(string Name, LoadResult Load, FloorResult? Floor, PeerResult? Redmine)
    {
        public string Describe() =>
            FormattableString.Invariant($"{Name} ×{Load.Connections}: {Load.RequestsPerSecond:0} req/s, p50 {Load.P50:0.0} ms, p95 {Load.P95:0.0} ms, p99 {Load.P99:0.0} ms")
            + (Floor is { } f ? FormattableString.Invariant($"; floor p50 {f.P50:0.00} ms") : "")
            + (Redmine is { } r ? FormattableString.Invariant($"; Redmine {r.RequestsPerSecond:0} req/s") : "");
    }

    private static string Table(List<Row> rows, DatabaseProvider provider, int seconds, Fixtures fixtures, long rss)
    {
        var iso = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(iso, $"Liaison on {provider}, {Environment.ProcessorCount} cores shared by wrk, the app and the database; {seconds} s per run; {fixtures.Today:yyyy-MM-dd}."));
        text.AppendLine();
        text.AppendLine("| work | conns | req/s | p50 ms | p95 ms | p99 ms | SQL floor p50 ms | app/floor (p50) | Redmine req/s | Redmine p50 ms | Liaison/Redmine (req/s) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var floor = r.Floor is { } f ? (f.P50.ToString("0.00", iso), (r.Load.P50 / Math.Max(f.P50, 0.001)).ToString("0.0", iso) + "×") : ("—", "—");
            var peer = r.Redmine is { } p
                ? (p.RequestsPerSecond.ToString("0", iso), p.P50.ToString("0.0", iso), (r.Load.RequestsPerSecond / p.RequestsPerSecond).ToString("0.0", iso) + "×")
                : ("—", "—", "—");
            text.AppendLine(string.Create(iso,
                $"| {r.Name} | {r.Load.Connections} | {r.Load.RequestsPerSecond:0} | {r.Load.P50:0.0} | {r.Load.P95:0.0} | {r.Load.P99:0.0} | {floor.Item1} | {floor.Item2} | {peer.Item1} | {peer.Item2} | {peer.Item3} |"));
        }

        text.AppendLine();
        text.AppendLine(string.Create(iso, $"App resident memory after the run: {rss} MiB."));
        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Liaison.slnx")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
