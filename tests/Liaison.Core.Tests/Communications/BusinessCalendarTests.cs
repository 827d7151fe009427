using System.Globalization;
using Liaison.Core.Common;
using Liaison.Core.Features.Communications;

namespace Liaison.Core.Tests.Communications;

/// <summary>Business-time arithmetic across weekends, holidays, time zones and DST changes (all instants fixed, in 2026).</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    // Good Friday, Easter Monday, Christmas.
    private static readonly BusinessCalendar London = Create(
        "Europe/London", Weekdays, 9, 17, [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 12, 25)]);

    private static readonly BusinessCalendar NewYork = Create("America/New_York", Weekdays, 9, 17);

    private static readonly BusinessCalendar Tokyo = Create("Asia/Tokyo", Weekdays, 9, 17);

    private static readonly BusinessCalendar Auckland = Create("Pacific/Auckland", Weekdays, 9, 17);

    // Boundaries inside the hours that London skips (29 Mar) and repeats (25 Oct).
    private static readonly BusinessCalendar LondonEarly = Create("Europe/London", EveryDay, new TimeOnly(1, 30), new TimeOnly(4, 0));

    private static readonly BusinessCalendar LondonNight = Create("Europe/London", EveryDay, new TimeOnly(0, 30), new TimeOnly(3, 30));

    private static readonly BusinessCalendar NewYorkAllDay = Create("America/New_York", EveryDay, TimeOnly.MinValue, new TimeOnly(23, 59));

    private static readonly BusinessCalendar NewYorkEveryDay = Create("America/New_York", EveryDay, 9, 17);

    private static readonly Dictionary<string, BusinessCalendar> Calendars = new()
    {
        ["London"] = London,
        ["NewYork"] = NewYork,
        ["Tokyo"] = Tokyo,
        ["Auckland"] = Auckland,
        ["LondonEarly"] = LondonEarly,
        ["NewYorkAllDay"] = NewYorkAllDay,
    };

    [Fact]
    public void HoursWithinADayAreAddedAsTheyAre() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 10), TimeSpan.FromHours(3)).ShouldBe(Utc(2026, 1, 5, 13));

    [Fact]
    public void HoursLeftAtClosingCarryToTheNextMorning() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 15), TimeSpan.FromHours(4)).ShouldBe(Utc(2026, 1, 6, 11));

    [Fact]
    public void AWeekendIsSkipped() =>
        London.AddBusinessHours(Utc(2026, 1, 9, 15), TimeSpan.FromHours(4)).ShouldBe(Utc(2026, 1, 12, 11));

    [Fact]
    public void HoursSpanSeveralDays() =>
        // Wed 14:00 + 20h: 3 on Wed, 8 on Thu, 8 on Fri, 1 on Mon.
        London.AddBusinessHours(Utc(2026, 1, 7, 14), TimeSpan.FromHours(20)).ShouldBe(Utc(2026, 1, 12, 10));

    [Fact]
    public void HolidaysAreSkippedInTheCalendarsOwnDates() =>
        // Thu 2 Apr 16:00 BST + 2h: Good Friday, the weekend and Easter Monday pass; Tue 7 Apr 10:00 BST.
        London.AddBusinessHours(Utc(2026, 4, 2, 15), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 4, 7, 9));

    [Fact]
    public void AStartBeforeOpeningCountsFromOpening() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 7), TimeSpan.FromHours(1)).ShouldBe(Utc(2026, 1, 5, 10));

    [Fact]
    public void AStartAfterClosingCountsFromTheNextOpening() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 18), TimeSpan.FromHours(1)).ShouldBe(Utc(2026, 1, 6, 10));

    [Fact]
    public void AStartOnAWeekendCountsFromMonday() =>
        London.AddBusinessHours(Utc(2026, 1, 10, 12), TimeSpan.FromHours(8)).ShouldBe(Utc(2026, 1, 12, 17));

    [Fact]
    public void AFullDayFromOpeningEndsAtClosingNotAtTheNextOpening() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 9), TimeSpan.FromHours(8)).ShouldBe(Utc(2026, 1, 5, 17));

    [Fact]
    public void ClosingTimeIsNotWorkingTimeSoTheNextMinuteIsTomorrow() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 17), TimeSpan.FromMinutes(1)).ShouldBe(Utc(2026, 1, 6, 9, 1));

    [Theory]
    [InlineData("2026-01-05T12:00:00Z", "2026-01-05T12:00:00Z")] // in working time: itself
    [InlineData("2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")] // at opening: itself
    [InlineData("2026-01-05T17:00:00Z", "2026-01-06T09:00:00Z")] // at closing: the next opening
    [InlineData("2026-01-09T20:00:00Z", "2026-01-12T09:00:00Z")] // Friday evening: Monday
    public void ZeroHoursGiveTheNextWorkingMoment(string start, string expected) =>
        London.AddBusinessHours(Parse(start), TimeSpan.Zero).ShouldBe(Parse(expected));

    [Theory]
    [InlineData("2026-01-05T09:00:00Z", true)]
    [InlineData("2026-01-05T16:59:59Z", true)]
    [InlineData("2026-01-05T17:00:00Z", false)]
    [InlineData("2026-01-05T08:59:59Z", false)]
    [InlineData("2026-01-10T12:00:00Z", false)] // Saturday
    [InlineData("2026-12-25T12:00:00Z", false)] // Christmas, a Friday
    [InlineData("2026-07-01T08:30:00Z", true)] // 09:30 BST
    [InlineData("2026-07-01T16:30:00Z", false)] // 17:30 BST
    public void WorkingTimeIsTheLocalHoursOfWorkingDays(string instant, bool working) =>
        London.IsWorkingTime(Parse(instant)).ShouldBe(working);

    [Fact]
    public void TheResultIsAUtcInstant() =>
        London.AddBusinessHours(Utc(2026, 1, 5, 10), TimeSpan.FromHours(1)).Kind.ShouldBe(DateTimeKind.Utc);

    [Fact]
    public void LondonSpringForwardWeekMovesOpeningFromNineUtcToEightUtc()
    {
        // Fri 27 Mar 16:00 GMT + 2h: 1h on Friday, then Mon 30 Mar opens at 09:00 BST = 08:00Z.
        London.AddBusinessHours(Utc(2026, 3, 27, 16), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 3, 30, 9));
        London.BusinessTimeBetween(Utc(2026, 3, 27, 9), Utc(2026, 3, 30, 16)).ShouldBe(TimeSpan.FromHours(16));
        London.IsWorkingTime(Utc(2026, 3, 30, 8)).ShouldBeTrue();
    }

    [Fact]
    public void LondonFallBackWeekMovesOpeningFromEightUtcToNineUtc()
    {
        // Fri 23 Oct 16:00 BST (15:00Z) + 2h: 1h on Friday, then Mon 26 Oct 10:00 GMT.
        London.AddBusinessHours(Utc(2026, 10, 23, 15), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 10, 26, 10));
        London.IsWorkingTime(Utc(2026, 10, 26, 8, 30)).ShouldBeFalse();
    }

    [Fact]
    public void NewYorkSpringForwardWeek() =>
        // Fri 6 Mar 16:00 EST (21:00Z) + 2h: Mon 9 Mar 10:00 EDT = 14:00Z.
        NewYork.AddBusinessHours(Utc(2026, 3, 6, 21), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 3, 9, 14));

    [Fact]
    public void NewYorkFallBackWeek() =>
        // Fri 30 Oct 16:00 EDT (20:00Z) + 2h: Mon 2 Nov 10:00 EST = 15:00Z.
        NewYork.AddBusinessHours(Utc(2026, 10, 30, 20), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 11, 2, 15));

    [Fact]
    public void ANineToFiveDayIsEightHoursOnTheDayTheClocksChange()
    {
        NewYorkEveryDay.BusinessTimeBetween(Utc(2026, 3, 8, 0), Utc(2026, 3, 9, 0)).ShouldBe(TimeSpan.FromHours(8));
        NewYorkEveryDay.AddBusinessHours(Utc(2026, 3, 8, 0), TimeSpan.FromHours(8)).ShouldBe(Utc(2026, 3, 8, 21));
        NewYorkEveryDay.BusinessTimeBetween(Utc(2026, 11, 1, 0), Utc(2026, 11, 2, 0)).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void HoursAcrossTheChangeCountRealElapsedTime()
    {
        // 00:00–23:59 is 22h59m on the spring-forward Sunday and 24h59m on the fall-back one.
        NewYorkAllDay.BusinessTimeBetween(Utc(2026, 3, 8, 5), Utc(2026, 3, 9, 4)).ShouldBe(new TimeSpan(22, 59, 0));
        NewYorkAllDay.BusinessTimeBetween(Utc(2026, 11, 1, 4), Utc(2026, 11, 2, 5)).ShouldBe(new TimeSpan(24, 59, 0));
        LondonNight.BusinessTimeBetween(Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 23)).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void AnOpeningInTheSkippedHourIsTheMomentTheClockJumps()
    {
        // On 29 Mar London goes from 01:00 GMT to 02:00 BST, so 01:30 never happens: opening is 01:00Z.
        LondonEarly.IsWorkingTime(Utc(2026, 3, 29, 0, 59)).ShouldBeFalse();
        LondonEarly.IsWorkingTime(Utc(2026, 3, 29, 1)).ShouldBeTrue();
        LondonEarly.AddBusinessHours(Utc(2026, 3, 29, 0), TimeSpan.Zero).ShouldBe(Utc(2026, 3, 29, 1));
        // Until 04:00 BST = 03:00Z.
        LondonEarly.BusinessTimeBetween(Utc(2026, 3, 29, 0), Utc(2026, 3, 30, 0)).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void AnOpeningInTheRepeatedHourIsItsFirstOccurrence()
    {
        // On 25 Oct 01:00–02:00 happens twice; 01:30 first occurs at 01:30 BST = 00:30Z. Closing is 04:00 GMT.
        LondonEarly.AddBusinessHours(Utc(2026, 10, 24, 23), TimeSpan.Zero).ShouldBe(Utc(2026, 10, 25, 0, 30));
        LondonEarly.BusinessTimeBetween(Utc(2026, 10, 25, 0), Utc(2026, 10, 26, 0)).ShouldBe(TimeSpan.FromHours(3.5));
        LondonEarly.BusinessTimeBetween(Utc(2026, 1, 11, 0), Utc(2026, 1, 12, 0)).ShouldBe(TimeSpan.FromHours(2.5));
    }

    [Fact]
    public void TokyoWorksWhileItIsStillTheDayBeforeInUtc()
    {
        // Mon 08:00 JST is Sun 23:00Z: one hour later is 10:00 JST.
        Tokyo.AddBusinessHours(Utc(2026, 1, 4, 23), TimeSpan.FromHours(1)).ShouldBe(Utc(2026, 1, 5, 1));
        // Fri 16:00 JST (07:00Z) + 2h: Mon 12 Jan 10:00 JST = 01:00Z.
        Tokyo.AddBusinessHours(Utc(2026, 1, 9, 7), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 1, 12, 1));
        Tokyo.IsWorkingTime(Utc(2026, 1, 5, 7, 59)).ShouldBeTrue();
        Tokyo.IsWorkingTime(Utc(2026, 1, 5, 8)).ShouldBeFalse();
    }

    [Fact]
    public void AucklandMondayMorningIsSundayInUtc()
    {
        // Mon 5 Jan 09:00 NZDT (UTC+13) is Sun 4 Jan 20:00Z.
        Auckland.IsWorkingTime(Utc(2026, 1, 4, 20, 30)).ShouldBeTrue();
        Auckland.IsWorkingTime(Utc(2026, 1, 5, 20, 30)).ShouldBeTrue();
        Auckland.IsWorkingTime(Utc(2026, 1, 9, 20, 30)).ShouldBeFalse(); // Saturday in Auckland
        // Fri 3 Apr 16:00 NZDT (03:00Z) + 2h crosses the 5 Apr change: Mon 6 Apr 10:00 NZST = Sun 22:00Z.
        Auckland.AddBusinessHours(Utc(2026, 4, 3, 3), TimeSpan.FromHours(2)).ShouldBe(Utc(2026, 4, 5, 22));
    }

    [Theory]
    [InlineData("London", "2026-01-05T10:00:00Z", 3)]
    [InlineData("London", "2026-01-09T15:30:00Z", 12.25)]
    [InlineData("London", "2026-04-02T15:00:00Z", 2)] // over Easter
    [InlineData("London", "2026-01-10T12:00:00Z", 40)] // from a Saturday
    [InlineData("London", "2026-03-26T12:00:00Z", 20)] // over spring forward
    [InlineData("London", "2026-10-22T12:00:00Z", 20)] // over fall back
    [InlineData("NewYork", "2026-03-05T18:00:00Z", 17.5)]
    [InlineData("NewYork", "2026-10-29T22:00:00Z", 9)]
    [InlineData("Tokyo", "2026-01-08T03:00:00Z", 30)]
    [InlineData("Auckland", "2026-04-01T01:00:00Z", 24)]
    [InlineData("LondonEarly", "2026-03-28T02:00:00Z", 5)]
    [InlineData("LondonEarly", "2026-10-24T02:00:00Z", 5)]
    [InlineData("NewYorkAllDay", "2026-03-07T12:00:00Z", 30)]
    public void BusinessTimeBetweenUndoesAddBusinessHours(string calendar, string start, double hours)
    {
        var cal = Calendars[calendar];
        var from = Parse(start);
        var duration = TimeSpan.FromHours(hours);

        var due = cal.AddBusinessHours(from, duration);

        due.ShouldBeGreaterThan(from);
        cal.BusinessTimeBetween(from, due).ShouldBe(duration);
    }

    [Fact]
    public void BusinessTimeBetweenCountsOnlyWorkingHours()
    {
        // Mon 10:00 to Wed 12:00: 7 + 8 + 3.
        London.BusinessTimeBetween(Utc(2026, 1, 5, 10), Utc(2026, 1, 7, 12)).ShouldBe(TimeSpan.FromHours(18));
        London.BusinessTimeBetween(Utc(2026, 1, 9, 17), Utc(2026, 1, 12, 9)).ShouldBe(TimeSpan.Zero);
        London.BusinessTimeBetween(Utc(2026, 1, 5, 18), Utc(2026, 1, 6, 9, 30)).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void BusinessTimeBackwardsIsZero()
    {
        London.BusinessTimeBetween(Utc(2026, 1, 7, 12), Utc(2026, 1, 5, 10)).ShouldBe(TimeSpan.Zero);
        London.BusinessTimeBetween(Utc(2026, 1, 5, 12), Utc(2026, 1, 5, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AValidCalendarKeepsItsSettings()
    {
        London.TimeZoneId.ShouldBe("Europe/London");
        London.WorkingDays.Count.ShouldBe(5);
        London.DayStart.ShouldBe(new TimeOnly(9, 0));
        London.DayEnd.ShouldBe(new TimeOnly(17, 0));
        London.Holidays.ShouldContain(new DateOnly(2026, 12, 25));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    public void AnUnknownTimeZoneIsAFieldError(string zone)
    {
        var error = BusinessCalendar.TryCreate(zone, Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0)).Error;

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Validation);
        error.Fields.ShouldNotBeNull().Keys.ShouldBe(["timeZoneId"]);
        if (zone == "Mars/Olympus_Mons")
        {
            error.Fields["timeZoneId"].Single().ShouldContain("Mars/Olympus_Mons");
        }
    }

    [Fact]
    public void NoWorkingDaysIsAFieldError() =>
        BusinessCalendar.TryCreate("Europe/London", [], new TimeOnly(9, 0), new TimeOnly(17, 0))
            .Error.ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["workingDays"]);

    [Fact]
    public void AnUndefinedDayOfTheWeekIsAFieldError() =>
        BusinessCalendar.TryCreate("Europe/London", [(DayOfWeek)7], new TimeOnly(9, 0), new TimeOnly(17, 0))
            .Error.ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["workingDays"]);

    [Theory]
    [InlineData(17, 17)]
    [InlineData(17, 9)]
    public void HoursThatDoNotEndAfterTheyStartAreAFieldError(int start, int end) =>
        BusinessCalendar.TryCreate("Europe/London", Weekdays, new TimeOnly(start, 0), new TimeOnly(end, 0))
            .Error.ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["dayEnd"]);

    [Fact]
    public void EveryProblemIsReportedAtOnce() =>
        BusinessCalendar.TryCreate("Nowhere/Atall", [], new TimeOnly(17, 0), new TimeOnly(9, 0))
            .Error.ShouldNotBeNull().Fields.ShouldNotBeNull().Keys.ShouldBe(["timeZoneId", "workingDays", "dayEnd"], ignoreOrder: true);

    [Fact]
    public void ACalendarWithoutWorkingTimeForTenYearsFailsInsteadOfLooping()
    {
        var start = new DateOnly(2026, 1, 1);
        var everyDayOff = Enumerable.Range(0, 11 * 366).Select(start.AddDays);
        var closed = Create("Europe/London", Weekdays, 9, 17, everyDayOff);

        Should.Throw<InvalidOperationException>(() => closed.AddBusinessHours(Utc(2026, 1, 1, 0), TimeSpan.FromHours(1)));
        closed.BusinessTimeBetween(Utc(2026, 1, 1, 0), Utc(2027, 1, 1, 0)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ANegativeDurationIsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => London.AddBusinessHours(Utc(2026, 1, 5, 10), TimeSpan.FromHours(-1)));

    [Fact]
    public void ALocalTimeIsRefusedBecauseItsZoneIsTheServers() =>
        Should.Throw<ArgumentException>(() => London.IsWorkingTime(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Local)));

    private static BusinessCalendar Create(string zone, DayOfWeek[] days, int startHour, int endHour, IEnumerable<DateOnly>? holidays = null) =>
        Create(zone, days, new TimeOnly(startHour, 0), new TimeOnly(endHour, 0), holidays);

    private static BusinessCalendar Create(string zone, DayOfWeek[] days, TimeOnly start, TimeOnly end, IEnumerable<DateOnly>? holidays = null) =>
        BusinessCalendar.TryCreate(zone, days, start, end, holidays).Value;

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Parse(string instant) =>
        DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
