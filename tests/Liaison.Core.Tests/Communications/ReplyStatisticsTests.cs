using Liaison.Core.Features.Communications;

namespace Liaison.Core.Tests.Communications;

/// <summary>Median and 90th percentile by linear interpolation between ranks.</summary>
public sealed class ReplyStatisticsTests
{
    [Fact]
    public void NoRepliesHaveNoStatistics()
    {
        ReplyStatistics.Median([]).ShouldBeNull();
        ReplyStatistics.Percentile90([]).ShouldBeNull();
    }

    [Fact]
    public void OneReplyIsItsOwnMedianAndPercentile()
    {
        ReplyStatistics.Median([Minutes(42)]).ShouldBe(Minutes(42));
        ReplyStatistics.Percentile90([Minutes(42)]).ShouldBe(Minutes(42));
    }

    [Fact]
    public void TheMedianOfAnOddCountIsTheMiddleOneWhateverTheOrder() =>
        ReplyStatistics.Median([Minutes(50), Minutes(10), Minutes(30)]).ShouldBe(Minutes(30));

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() =>
        ReplyStatistics.Median([Minutes(40), Minutes(10), Minutes(20), Minutes(30)]).ShouldBe(Minutes(25));

    [Fact]
    public void TheNinetiethPercentileInterpolatesBetweenRanks() =>
        // Ten replies of 1..10 hours: rank 0.9 × 9 = 8.1, so 9h plus a tenth of the way to 10h.
        ReplyStatistics.Percentile90(Enumerable.Range(1, 10).Select(h => TimeSpan.FromHours(h)).Reverse())
            .ShouldBe(TimeSpan.FromHours(9) + Minutes(6));

    [Fact]
    public void TheExtremesAreTheShortestAndLongest()
    {
        TimeSpan[] replies = [Minutes(7), Minutes(3), Minutes(90)];

        ReplyStatistics.Percentile(replies, 0).ShouldBe(Minutes(3));
        ReplyStatistics.Percentile(replies, 100).ShouldBe(Minutes(90));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void APercentOutsideZeroToHundredIsRefused(int percent) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ReplyStatistics.Percentile([Minutes(1)], percent));

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);
}
