namespace Liaison.Bench.Generate;

/// <summary>
/// Every choice the generator makes, drawn from one seed: the same seed gives the same agency,
/// ids included, so two runs of the bench measure the same data.
/// </summary>
public sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to its weight; <paramref name="cumulative"/> from <see cref="Cumulative"/>.</summary>
    public int PickWeighted(double[] cumulative)
    {
        var target = _random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>A log-normal factor around 1: most things middling, a few several times bigger.</summary>
    public double LogNormal(double sigma)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Exp(sigma * normal);
    }

    /// <summary>
    /// A time-ordered id like <see cref="Guid.CreateVersion7()"/>, with the random part from the seed,
    /// so ids sort by creation time as the app's do and repeat from run to run.
    /// </summary>
    public Guid NextId(DateTime createdAt)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var milliseconds = (ulong)new DateTimeOffset(createdAt, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var sums = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            sums[i] = total;
        }

        return sums;
    }

    /// <summary>Zipf-like weights by rank: the first few large, a long tail of small ones.</summary>
    public static double[] Zipf(int count, double exponent) =>
        [.. Enumerable.Range(1, count).Select(rank => 1.0 / Math.Pow(rank, exponent))];

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to the weights (largest remainder), each share at
    /// least <paramref name="minimum"/> where its weight is positive, so the parts add up exactly.
    /// </summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights, int minimum = 0)
    {
        var shares = new int[weights.Count];
        var eligible = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0).ToList();
        if (eligible.Count == 0)
        {
            return shares;
        }

        var floor = Math.Min(minimum, total / eligible.Count);
        foreach (var i in eligible)
        {
            shares[i] = floor;
        }

        var rest = total - (floor * eligible.Count);
        var weightSum = eligible.Sum(i => weights[i]);
        var exact = eligible.Select(i => (Index: i, Value: rest * weights[i] / weightSum)).ToList();
        foreach (var (index, value) in exact)
        {
            shares[index] += (int)Math.Floor(value);
        }

        var left = total - shares.Sum();
        foreach (var (index, _) in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Index).Take(left))
        {
            shares[index]++;
        }

        return shares;
    }
}
