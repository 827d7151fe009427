namespace Liaison.Bench.Generate;

public static class GenerateCommand
{
    public static Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        Console.Error.WriteLine("generate: not written yet.");
        return Task.FromResult(1);
    }
}
