using Liaison.Core.Features.Meetings;

namespace Liaison.Core.Tests.Meetings;

public sealed class ReliabilityTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);

    [Fact]
    public void DoneOnOrBeforeTheDueDateIsOnTime()
    {
        var score = Reliability.Measure(
            [Done(due: -10, doneOn: -12), Done(due: -5, doneOn: -5)], Today);

        score.ShouldBe(new ReliabilityScore(DoneOnTime: 2, Due: 2, Percent: 100.0m));
    }

    [Fact]
    public void DoneAfterTheDueDateIsDueButLate() =>
        Reliability.Measure([Done(due: -10, doneOn: -9), Done(due: -5, doneOn: -6)], Today)
            .ShouldBe(new ReliabilityScore(1, 2, 50.0m));

    [Theory]
    [InlineData(CommitmentStatus.Open)]
    [InlineData(CommitmentStatus.Slipped)]
    public void NotDonePastTheDueDateIsDueAndLate(CommitmentStatus status) =>
        Reliability.Measure([Done(due: -3, doneOn: -3), new(Today.AddDays(-1), null, status)], Today)
            .ShouldBe(new ReliabilityScore(1, 2, 50.0m));

    [Fact]
    public void DroppedCommitmentsCountInNeitherFigure() =>
        Reliability.Measure(
            [Done(due: -3, doneOn: -4), new(Today.AddDays(-20), null, CommitmentStatus.Dropped), new(Today.AddDays(-8), Today.AddDays(-9), CommitmentStatus.Dropped)],
            Today).ShouldBe(new ReliabilityScore(1, 1, 100.0m));

    [Fact]
    public void OnlyTheWindowCounts()
    {
        var score = Reliability.Measure(
            [
                Done(due: -90, doneOn: -90), // first day of the window
                new(Today.AddDays(-91), null, CommitmentStatus.Open), // just before it
                new(Today.AddDays(1), null, CommitmentStatus.Open), // not due yet
                Done(due: 5, doneOn: -1), // done early but due later
            ],
            Today);

        score.ShouldBe(new ReliabilityScore(1, 1, 100.0m));
    }

    [Fact]
    public void TheWindowCanBeShorter() =>
        Reliability.Measure([Done(due: -40, doneOn: -40), new(Today.AddDays(-20), null, CommitmentStatus.Open)], Today, windowDays: 30)
            .ShouldBe(new ReliabilityScore(0, 1, 0.0m));

    [Fact]
    public void AnOpenCommitmentDueTodayCanStillBeKept() =>
        Reliability.Measure([new(Today, null, CommitmentStatus.Open), Done(due: 0, doneOn: 0)], Today)
            .ShouldBe(new ReliabilityScore(1, 1, 100.0m));

    [Fact]
    public void DoneWithoutADateCannotBeShownOnTime() =>
        Reliability.Measure([new(Today.AddDays(-2), null, CommitmentStatus.Done)], Today)
            .ShouldBe(new ReliabilityScore(0, 1, 0.0m));

    [Fact]
    public void NothingDueHasNoPercentage() =>
        Reliability.Measure([new(Today.AddDays(3), null, CommitmentStatus.Open), new(Today.AddDays(-1), null, CommitmentStatus.Dropped)], Today)
            .ShouldBe(new ReliabilityScore(0, 0, null));

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    public void ThePercentageHasOneDecimal(int onTime, int due, double percent)
    {
        var commitments = Enumerable.Range(0, due)
            .Select(i => i < onTime ? Done(due: -1, doneOn: -1) : Done(due: -1, doneOn: 0));

        Reliability.Measure(commitments, Today).Percent.ShouldBe((decimal)percent);
    }

    private static CommitmentOutcome Done(int due, int doneOn) =>
        new(Today.AddDays(due), Today.AddDays(doneOn), CommitmentStatus.Done);
}
