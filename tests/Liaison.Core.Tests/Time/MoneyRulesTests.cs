using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;

namespace Liaison.Core.Tests.Time;

/// <summary>The arithmetic of money and time: rounding, effective-dated rates, rollover, recognition and forecast.</summary>
public sealed class MoneyRulesTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    [Theory]
    [InlineData(60, 10000, 10000)] // an hour at 100.00
    [InlineData(1, 10000, 167)] // 166.67 rounds up
    [InlineData(1, 3000, 50)] // exactly half a cent is not involved: 50.00
    [InlineData(1, 90, 2)] // 1.5 minor units: half away from zero
    [InlineData(1, 30, 1)] // 0.5 → 1
    [InlineData(-1, 30, -1)] // a negative delta rounds away from zero too
    public void UnitsBecomeMoneyRoundingHalfAwayFromZero(int minutes, long ratePerHour, long expected) =>
        Money.FromUnits(Money.Units(minutes, ratePerHour)).ShouldBe(expected);

    [Fact]
    public void SummingUnitsLosesNoCentThatPerEntryRoundingWould()
    {
        // Three 1-minute entries at 100.00 an hour are 5.00 exactly; rounding each (1.67) would give 5.01.
        var units = Enumerable.Repeat(Money.Units(1, 10000), 3).Sum();
        Money.FromUnits(units).ShouldBe(500);
        (3 * Money.FromUnits(Money.Units(1, 10000))).ShouldBe(501);
    }

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(-1, 8, -12.5)]
    public void PercentagesHaveOneDecimal(long part, long whole, double expected) =>
        Money.Percent(part, whole).ShouldBe((decimal)expected);

    [Fact]
    public void APercentageOfNothingIsUnknown() => Money.Percent(5, 0).ShouldBeNull();

    [Fact]
    public void FormatsMoneyAndHours()
    {
        Money.Format(1234567).ShouldBe("12,345.67");
        Money.Hours(90).ShouldBe("1:30");
        Money.Hours(-5).ShouldBe("-0:05");
    }

    [Fact]
    public void WeeksStartOnMonday()
    {
        Money.WeekOf(new DateOnly(2026, 3, 1)).ShouldBe(new DateOnly(2026, 2, 23)); // a Sunday
        Money.WeekOf(new DateOnly(2026, 3, 2)).ShouldBe(new DateOnly(2026, 3, 2)); // a Monday
    }

    [Fact]
    public void TheRateOfADayIsTheLatestThatStartedOnOrBeforeIt()
    {
        StaffRate[] rates =
        [
            new() { EffectiveFrom = new DateOnly(2026, 1, 1), CostRate = 5000, BillRate = 10000 },
            new() { EffectiveFrom = new DateOnly(2026, 4, 1), CostRate = 6000, BillRate = 12000 },
        ];

        RateTimeline.EffectiveOn(rates, new DateOnly(2025, 12, 31)).ShouldBeNull();
        RateTimeline.EffectiveOn(rates, new DateOnly(2026, 3, 31))!.CostRate.ShouldBe(5000);
        RateTimeline.EffectiveOn(rates, new DateOnly(2026, 4, 1))!.CostRate.ShouldBe(6000);
    }

    [Fact]
    public void TheRateCardOverridesByPersonThenDisciplineThenTheirOwnRate()
    {
        var designer = new StaffMember { FullName = "D", Email = "d@x", Discipline = Discipline.Design };
        StaffRate[] rates = [new() { StaffId = designer.Id, EffectiveFrom = Jan1, CostRate = 5000, BillRate = 10000 }];
        var day = new DateOnly(2026, 2, 1);

        RateTimeline.BillRateOn(designer, rates, [], day).ShouldBe(10000);
        RateTimeline.BillRateOn(designer, rates, [new RateCardLine { Discipline = Discipline.Design, BillRate = 11000 }], day).ShouldBe(11000);
        RateTimeline.BillRateOn(designer, rates,
            [new RateCardLine { Discipline = Discipline.Design, BillRate = 11000 }, new RateCardLine { StaffId = designer.Id, BillRate = 9000 }], day)
            .ShouldBe(9000);
        RateTimeline.BillRateOn(designer, rates, [new RateCardLine { Discipline = Discipline.Copy, BillRate = 11000 }], day).ShouldBe(10000);
    }

    [Fact]
    public void RetainerCarriesUnusedHoursUpToTheCapIntoTheNextPeriodOnly()
    {
        // 10 hours a month, up to 50% (5 hours) rolls over.
        var used = new Dictionary<DateOnly, long>
        {
            [new DateOnly(2026, 1, 1)] = 4 * 60, // 6 unused → 5 roll
            [new DateOnly(2026, 2, 1)] = 12 * 60, // allowance 15: 3 left; own unused = 3 → 3 roll
            [new DateOnly(2026, 3, 1)] = 20 * 60, // allowance 13: over by 7, nothing rolls
        };

        var ledger = RetainerLedger.Build(Jan1, new DateOnly(2026, 4, 15), RetainerPeriod.Monthly, 600, 150000, 50, used);

        ledger.Count.ShouldBe(4);
        ledger[0].ShouldBe(new RetainerPeriodLine(Jan1, new DateOnly(2026, 1, 31), 150000, 600, 0, 240, 360, 300));
        ledger[1].ShouldBe(new RetainerPeriodLine(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), 150000, 900, 300, 720, 180, 180));
        ledger[2].ShouldBe(new RetainerPeriodLine(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 150000, 780, 180, 1200, -420, 0));
        ledger[3].RolledInMinutes.ShouldBe(0);
        ledger[3].AllowanceMinutes.ShouldBe(600);
    }

    [Fact]
    public void RolledOverHoursNeverRollTwice()
    {
        // Nothing used for two months: each month may pass on only its own unused hours (capped).
        var ledger = RetainerLedger.Build(Jan1, new DateOnly(2026, 3, 1), RetainerPeriod.Monthly, 600, 0, 100, new Dictionary<DateOnly, long>());

        ledger.Select(l => l.AllowanceMinutes).ShouldBe([600L, 1200L, 1200L]);
    }

    [Fact]
    public void WithoutRolloverUnusedHoursLapse()
    {
        var ledger = RetainerLedger.Build(Jan1, new DateOnly(2026, 2, 1), RetainerPeriod.Monthly, 600, 0, 0, new Dictionary<DateOnly, long>());

        ledger[1].AllowanceMinutes.ShouldBe(600);
        ledger[0].RolledOutMinutes.ShouldBe(0);
    }

    [Fact]
    public void QuarterlyPeriodsSumTheirThreeMonths()
    {
        var used = new Dictionary<DateOnly, long> { [Jan1] = 60, [new DateOnly(2026, 3, 1)] = 120, [new DateOnly(2026, 4, 1)] = 30 };

        var ledger = RetainerLedger.Build(Jan1, new DateOnly(2026, 4, 2), RetainerPeriod.Quarterly, 1000, 0, 0, used);

        ledger.Count.ShouldBe(2);
        ledger[0].End.ShouldBe(new DateOnly(2026, 3, 31));
        ledger[0].UsedMinutes.ShouldBe(180);
        ledger[1].UsedMinutes.ShouldBe(30);
    }

    [Fact]
    public void PercentCompleteRecognisesTheChangeAcrossARange()
    {
        ProgressReading[] readings =
        [
            new() { On = new DateOnly(2026, 1, 31), Percent = 20 },
            new() { On = new DateOnly(2026, 2, 28), Percent = 50 },
        ];
        long ByDay(DateOnly day) => Recognition.ByPercentComplete(100_000, readings, day);

        Recognition.InRange(ByDay, Jan1, new DateOnly(2026, 1, 31)).ShouldBe(20_000);
        Recognition.InRange(ByDay, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).ShouldBe(30_000);
        Recognition.InRange(ByDay, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)).ShouldBe(0);
    }

    [Fact]
    public void MilestonesRecogniseEqualSharesThatAddUpToTheFee()
    {
        Milestone[] milestones =
        [
            new() { DueDate = Jan1, DoneOn = new DateOnly(2026, 1, 10) },
            new() { DueDate = Jan1, DoneOn = new DateOnly(2026, 2, 10) },
            new() { DueDate = Jan1, DoneOn = new DateOnly(2026, 3, 10) },
        ];
        long ByDay(DateOnly day) => Recognition.ByMilestones(100_000, milestones, day);

        var january = Recognition.InRange(ByDay, Jan1, new DateOnly(2026, 1, 31));
        var february = Recognition.InRange(ByDay, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        var march = Recognition.InRange(ByDay, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        (january, february, march).ShouldBe((33_333L, 33_334L, 33_333L));
        (january + february + march).ShouldBe(100_000);
    }

    [Fact]
    public void ForecastCarriesTheRecentBurnToTheEndAndWarnsOfAnOverrun()
    {
        // 100 days, 40 gone; 500 of 1,000 used; 28 days burned 280 (10 a day); 60 days left → 1,100.
        var start = new DateOnly(2026, 1, 1);
        var forecast = Forecast.Project(500, 1000, 280, start, start.AddDays(99), start.AddDays(39));

        forecast.BurnPercent.ShouldBe(50m);
        forecast.ElapsedPercent.ShouldBe(40m);
        forecast.AtCompletion.ShouldBe(1100);
        forecast.Overrun.ShouldBeTrue();
    }

    [Fact]
    public void AForecastWithinBudgetRaisesNoWarning()
    {
        var start = new DateOnly(2026, 1, 1);
        var forecast = Forecast.Project(100, 1000, 28, start, start.AddDays(99), start.AddDays(49));

        forecast.AtCompletion.ShouldBe(150);
        forecast.Overrun.ShouldBeFalse();
    }

    [Fact]
    public void AfterTheEndNothingMoreIsForecast()
    {
        var start = new DateOnly(2026, 1, 1);
        var forecast = Forecast.Project(900, 1000, 280, start, start.AddDays(9), start.AddDays(30));

        forecast.ElapsedPercent.ShouldBe(100m);
        forecast.AtCompletion.ShouldBe(900);
    }
}
