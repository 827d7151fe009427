using Liaison.Bench.Generate;
using Liaison.Bench.Measure;

namespace Liaison.Bench;

/// <summary>The verbs of the bench tool: generate a data set, measure the app on it, compare with Redmine.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = BenchOptions.Parse(args[1..]);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            return args[0] switch
            {
                "generate" => await GenerateCommand.RunAsync(options, stop.Token),
                "verify" => await VerifyCommand.RunAsync(options, stop.Token),
                "measure" => await MeasureCommand.RunAsync(options, stop.Token),
                _ => Fail($"Unknown verb '{args[0]}'.\n\n{Usage}"),
            };
        }
        catch (BenchUsageException e)
        {
            return Fail($"{e.Message}\n\n{Usage}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private const string Usage = """
        usage: dotnet run -c Release --project bench/Liaison.Bench -- <verb> [options]

          generate --scale small|medium|large --provider sqlite|postgres --connection <connection string> [--seed 2026]
              Fills an empty database (migrated first) with a believable agency of that size.

          verify --provider sqlite|postgres --connection <connection string>
              Checks a generated database against the app's rules: rollups, rates, last touches, SLA fields, profitability.

          measure --provider sqlite|postgres --connection <connection string> [--duration 10] [--connections 1,8]
                  [--redmine <port> [--redmine-scripts <dir>]] [--out <file.md>] [--email … --password …] [--app <Liaison.Web.dll>]
              Starts the Release build of Liaison.Web on loopback against the database, measures each
              endpoint with wrk at each connection count, times the raw-SQL floor of each read, and prints
              one table (with Redmine beside it when --redmine names a running peer).
        """;
}

/// <summary>Options as --name value pairs; every verb reads the ones it knows.</summary>
public sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values) => _values = values;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BenchUsageException($"Options come as --name value; '{args[i]}' has no value.");
            }

            values[args[i][2..]] = args[++i];
        }

        return new BenchOptions(values);
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new BenchUsageException($"--{name} is required.");

    public int Int(string name, int fallback) =>
        Get(name) is not { } text ? fallback
        : int.TryParse(text, out var value) && value > 0 ? value
        : throw new BenchUsageException($"--{name} must be a positive whole number, not '{text}'.");

    public Liaison.Core.Data.DatabaseProvider Provider() => Required("provider").ToLowerInvariant() switch
    {
        "sqlite" => Liaison.Core.Data.DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => Liaison.Core.Data.DatabaseProvider.Postgres,
        var other => throw new BenchUsageException($"--provider is sqlite or postgres, not '{other}'."),
    };
}

public sealed class BenchUsageException(string message) : Exception(message);
