using System.Diagnostics;
using System.Globalization;

namespace Liaison.Bench.Generate;

/// <summary>Prints each step of the load as it ends, with its rows and wall time, and the total.</summary>
public sealed class StepClock
{
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> work, Func<T, long>? rows = null)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        Print(step, rows?.Invoke(result), watch.Elapsed);
        return result;
    }

    public async Task TimeAsync(string step, Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        Print(step, null, watch.Elapsed);
    }

    public T Time<T>(string step, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        Print(step, null, watch.Elapsed);
        return result;
    }

    public TimeSpan Total => _total.Elapsed;

    /// <summary>Passes rows through, saying how far a long stream has got.</summary>
    public static IEnumerable<T> Progress<T>(IEnumerable<T> rows, string what, int every)
    {
        var count = 0L;
        var watch = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            yield return row;
            if (++count % every == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    … {count:N0} {what} ({count / watch.Elapsed.TotalSeconds:N0}/s)"));
            }
        }
    }

    private void Print(string step, long? rows, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {step,-34} {(rows is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " rows" : ""),16} {elapsed.TotalSeconds,8:N1} s   (at {_total.Elapsed.TotalSeconds:N1} s)"));
}
