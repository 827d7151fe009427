using System.Diagnostics;
using System.Globalization;

namespace Liaison.Bench.Measure;

/// <summary>One wrk run: requests per second and latency percentiles, as wrk's own Lua summary reports them.</summary>
public sealed record LoadResult(int Connections, long Requests, double Seconds, double RequestsPerSecond, double P50, double P95, double P99, long Failures);

/// <summary>
/// Runs Debian's wrk with one thread (client and server share the machine's cores) and a Lua script
/// that prints the summary in one parseable line, including the 95th percentile wrk's text omits.
/// </summary>
public static class Wrk
{
    private const string Summary = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("BENCH %d %d %d %.3f %.3f %.3f\n", summary.requests, summary.duration,
            e.status + e.connect + e.read + e.write + e.timeout,
            latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
        end
        """;

    /// <summary>Installs wrk with apt-get when missing and running as root; otherwise says how.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken ct)
    {
        if (await RunAsync("sh", ["-c", "command -v wrk"], ct) is (0, _))
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("wrk is not installed: run 'sudo apt-get install -y wrk' (Debian's package).");
        }

        Console.WriteLine("installing wrk (apt-get) …");
        var (code, output) = await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "wrk"], ct);
        if (code != 0)
        {
            throw new InvalidOperationException($"apt-get install wrk failed:\n{output}");
        }
    }

    /// <param name="request">Lua for wrk's request() when each request differs (a POST body), or null for a plain GET of the URL.</param>
    public static async Task<LoadResult> RunAsync(Uri url, string token, int connections, int seconds, string? request, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"liaison-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, (request ?? "") + "\n" + Summary, ct);
        try
        {
            var (code, output) = await RunAsync("wrk",
                ["-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "30s", "-s", script, "-H", $"Authorization: Bearer {token}", url.ToString()], ct);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
            if (code != 0 || line is null)
            {
                throw new InvalidOperationException($"wrk failed on {url}:\n{output}");
            }

            var f = line.Split(' ');
            var requests = long.Parse(f[1], CultureInfo.InvariantCulture);
            var elapsed = long.Parse(f[2], CultureInfo.InvariantCulture) / 1_000_000d;
            return new LoadResult(connections, requests, elapsed, requests / elapsed,
                double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }
}
