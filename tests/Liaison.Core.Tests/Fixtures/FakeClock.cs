namespace Liaison.Core.Tests.Fixtures;

/// <summary>A clock that stands still until a test moves it, so timestamps can be asserted exactly.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = start;

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
