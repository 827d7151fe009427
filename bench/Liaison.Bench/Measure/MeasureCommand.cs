namespace Liaison.Bench.Measure;

public static class MeasureCommand
{
    public static Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        Console.Error.WriteLine("measure: not written yet.");
        return Task.FromResult(1);
    }
}
