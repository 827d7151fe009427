namespace Liaison.Bench;

/// <summary>
/// The size of a generated agency. The runner reads the same record to know what a data set holds,
/// so the two verbs never disagree on what "medium" means.
/// </summary>
public sealed record Scale(
    string Name, int Accounts, int Stakeholders, int Staff, int Engagements, int TimeEntries, int Commitments, int Interactions)
{
    /// <summary>Time entries span this many years, ending today.</summary>
    public const int Years = 3;

    public static readonly Scale Small = new("small", 10, 80, 12, 40, 5_000, 500, 1_000);

    public static readonly Scale Medium = new("medium", 100, 800, 30, 500, 200_000, 10_000, 20_000);

    public static readonly Scale Large = new("large", 1_000, 8_000, 300, 5_000, 2_000_000, 100_000, 200_000);

    public static IReadOnlyList<Scale> All { get; } = [Small, Medium, Large];

    public static Scale Parse(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BenchUsageException($"--scale is small, medium or large, not '{name}'.");
}
