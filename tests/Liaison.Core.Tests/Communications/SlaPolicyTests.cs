using Liaison.Core.Common;
using Liaison.Core.Features.Communications;

namespace Liaison.Core.Tests.Communications;

public sealed class SlaPolicyTests
{
    private static readonly BusinessCalendar London = BusinessCalendar.TryCreate(
        "Europe/London",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(17, 0)).Value;

    private static readonly DateTime Due = Utc(2026, 1, 5, 12);

    [Theory]
    [InlineData(QueryPriority.Urgent, 2)]
    [InlineData(QueryPriority.High, 4)]
    [InlineData(QueryPriority.Normal, 8)]
    [InlineData(QueryPriority.Low, 16)]
    public void TheDefaultsGiveMoreTimeToLowerPriorities(QueryPriority priority, int hours) =>
        SlaPolicy.Default.ReplyWithin(priority).ShouldBe(TimeSpan.FromHours(hours));

    [Theory]
    [InlineData(QueryPriority.Urgent, 5, 12)]
    [InlineData(QueryPriority.High, 5, 14)]
    [InlineData(QueryPriority.Normal, 6, 10)]
    [InlineData(QueryPriority.Low, 7, 10)]
    public void AQueryIsDueAfterItsBusinessHours(QueryPriority priority, int dueDay, int dueHour) =>
        // Received Monday 5 Jan at 10:00.
        SlaPolicy.Default.DueAt(Utc(2026, 1, 5, 10), priority, London).ShouldBe(Utc(2026, 1, dueDay, dueHour));

    [Fact]
    public void AnUrgentQueryOnFridayAfternoonIsDueOnMonday() =>
        SlaPolicy.Default.DueAt(Utc(2026, 1, 9, 16), QueryPriority.Urgent, London).ShouldBe(Utc(2026, 1, 12, 10));

    [Fact]
    public void AQueryReceivedAtTheWeekendIsCountedFromMondayMorning() =>
        SlaPolicy.Default.DueAt(Utc(2026, 1, 10, 11), QueryPriority.Normal, London).ShouldBe(Utc(2026, 1, 12, 17));

    [Fact]
    public void ACustomPolicyIsUsed()
    {
        var policy = SlaPolicy.TryCreate(
            TimeSpan.FromHours(24), TimeSpan.FromHours(12), TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)).Value;

        policy.DueAt(Utc(2026, 1, 5, 10), QueryPriority.Urgent, London).ShouldBe(Utc(2026, 1, 5, 10, 30));
        policy.DueAt(Utc(2026, 1, 5, 10), QueryPriority.Low, London).ShouldBe(Utc(2026, 1, 8, 10));
    }

    [Fact]
    public void ReplyTimesThatAreNotPositiveAreFieldErrors()
    {
        var error = SlaPolicy.TryCreate(TimeSpan.Zero, TimeSpan.FromHours(8), TimeSpan.FromHours(4), TimeSpan.FromHours(-1)).Error;

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.ShouldNotBeNull().Keys.ShouldBe(["low", "urgent"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(-60, false)] // replied an hour early
    [InlineData(0, false)] // replied exactly at the due time
    [InlineData(1, true)] // a minute late
    public void AReplyIsJudgedByWhenItCame(int repliedMinutesAfterDue, bool breached) =>
        SlaPolicy.IsBreached(Due, Due.AddMinutes(repliedMinutesAfterDue), nowUtc: Due.AddDays(3)).ShouldBe(breached);

    [Theory]
    [InlineData(-60, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void AMissingReplyIsBreachedOnceTheDueTimeHasPassed(int nowMinutesAfterDue, bool breached) =>
        SlaPolicy.IsBreached(Due, repliedAtUtc: null, Due.AddMinutes(nowMinutesAfterDue)).ShouldBe(breached);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
