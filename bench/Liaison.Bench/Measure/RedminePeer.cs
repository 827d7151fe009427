using System.Diagnostics;
using System.Globalization;

namespace Liaison.Bench.Measure;

/// <summary>One row of the Redmine peer's bench: a piece of work at a number of connections (or POSTing clients).</summary>
public sealed record PeerResult(string Work, int Connections, double RequestsPerSecond, double P50, double P99);

/// <summary>
/// Runs ../shared/peers/redmine/redmine-bench.sh against a Redmine the peer scripts started, with the same
/// duration and connection counts, and reads the rows it writes (pipe-separated) back.
/// </summary>
public static class RedminePeer
{
    public static async Task<IReadOnlyList<PeerResult>> RunAsync(string scripts, int port, int seconds, IReadOnlyList<int> connections, CancellationToken ct)
    {
        var bench = Path.Combine(scripts, "redmine-bench.sh");
        if (!File.Exists(bench))
        {
            throw new InvalidOperationException($"No Redmine peer scripts at {scripts} (give --redmine-scripts).");
        }

        var start = new ProcessStartInfo("bash", [bench, port.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DUR"] = seconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["CONNS"] = string.Join(' ', connections);
        start.Environment["POST_CLIENTS"] = string.Join(' ', connections.Where(c => c > 1));
        start.Environment["POSTS_SEQ"] = "300";
        start.Environment["POSTS_CONC"] = "1000";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var folder = output.Split('\n').Select(l => l.IndexOf("raw output: ", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 12)..].Trim() : null)
            .LastOrDefault(f => f is not null);
        if (process.ExitCode != 0 || folder is null || !File.Exists(Path.Combine(folder, "rows.txt")))
        {
            throw new InvalidOperationException($"The Redmine bench failed:\n{output}");
        }

        Console.WriteLine(output);
        return [.. File.ReadAllLines(Path.Combine(folder, "rows.txt")).Select(Parse).OfType<PeerResult>()];
    }

    /// <summary>name|method|bytes|conns|duration|requests|req/s|p50|p99|errors; a POST row has the clients in the conns column's place.</summary>
    private static PeerResult? Parse(string line)
    {
        var f = line.Split('|');
        if (f.Length < 9)
        {
            return null;
        }

        var post = f[1] == "POST";
        var conns = post ? f[3] : f[3].Split(' ')[0];
        if (!post && f[3].Contains("close", StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(conns, CultureInfo.InvariantCulture, out var c)
            ? new PeerResult(f[0], c, Number(f[6]), Number(f[7]), Number(f[8]))
            : null;
    }

    private static double Number(string text) => double.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
