using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Time;

public sealed class TimeServiceTests : DatabaseTest
{
    private static readonly DateOnly Feb10 = new(2026, 2, 10);

    [Fact]
    public async Task EveryChangeKeepsTheRollupsEqualToARebuildFromTheEntries()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        var a = (await Time.CreateAsync(tom, Entry(engagement, Feb10, 120), Ct)).Value;
        var b = (await Time.CreateAsync(tom, Entry(engagement, Feb10.AddDays(30), 45, billable: false), Ct)).Value;
        var moved = Entry(engagement, Feb10.AddDays(1), 200);
        (await Time.UpdateAsync(tom, a.Id, a.Version, moved, Ct)).IsSuccess.ShouldBeTrue();
        (await Time.DeleteAsync(agency.ProjectManager, b.Id, null, Ct)).IsSuccess.ShouldBeTrue();
        await Time.CreateAsync(tom, Entry(engagement, Feb10.AddDays(40), 30), Ct);

        var kept = await RollupsAsync();
        await using (var db = Database.CreateDbContext())
        {
            await Rollups.RebuildAsync(db, [engagement], Ct);
        }

        string Describe(List<TimeRollup> rows) => string.Join("; ", rows.Select(r =>
            $"{r.EngagementId}/{r.StaffId}/{r.Month}: {r.Minutes} {r.BillableMinutes} {r.CostUnits} {r.BillableUnits} {r.ValueUnits}"));
        Describe(await RollupsAsync()).ShouldBe(Describe(kept));
        kept.Sum(r => r.Minutes).ShouldBe(230);
        kept.Single(r => r.Month == new DateOnly(2026, 2, 1)).CostUnits.ShouldBe(200 * 5000);
    }

    [Fact]
    public async Task TimeGoesOnlyToEngagementsThePersonBelongsTo()
    {
        var (agency, tom, engagement) = await ArrangeAsync();

        var stranger = await Time.CreateAsync(agency.OffTeam, Entry(engagement, Feb10, 60), Ct);
        var forSomeoneElse = await Time.CreateAsync(tom, Entry(engagement, Feb10, 60, staffId: agency.ProjectManager.StaffId), Ct);
        var byTheirPm = await Time.CreateAsync(agency.ProjectManager, Entry(engagement, Feb10, 60, staffId: tom.StaffId), Ct);

        stranger.Error!.Kind.ShouldBe(ErrorKind.Validation);
        forSomeoneElse.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        byTheirPm.IsSuccess.ShouldBeTrue();
        (await Time.CreateAsync(agency.Client, Entry(engagement, Feb10, 60), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task ALockedMonthRefusesEveryChangeUntilUnlocked()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        var entry = (await Time.CreateAsync(tom, Entry(engagement, Feb10, 60), Ct)).Value;
        (await MonthLocks.LockAsync(tom, new LockInput(Feb10), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await MonthLocks.LockAsync(agency.Admin, new LockInput(Feb10), Ct)).IsSuccess.ShouldBeTrue();

        var update = await Time.UpdateAsync(tom, entry.Id, null, Entry(engagement, Feb10, 90), Ct);
        var moveOut = await Time.UpdateAsync(tom, entry.Id, null, Entry(engagement, Feb10.AddMonths(1), 90), Ct);
        var add = await Time.CreateAsync(tom, Entry(engagement, Feb10.AddDays(1), 30), Ct);
        var delete = await Time.DeleteAsync(tom, entry.Id, null, Ct);

        foreach (var refused in new[] { update.Error, moveOut.Error, add.Error, delete.Error })
        {
            refused!.Kind.ShouldBe(ErrorKind.Conflict);
            refused.Message.ShouldContain("February 2026 is locked");
        }

        (await Time.GetAsync(tom, entry.Id, Ct)).Value.Minutes.ShouldBe(60);
        (await MonthLocks.UnlockAsync(agency.Admin, Feb10, Ct)).IsSuccess.ShouldBeTrue();
        (await Time.DeleteAsync(tom, entry.Id, null, Ct)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task ANewRateRepricesTimeFromItsDayOnAndLeavesEarlierTimeAlone()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        await Time.CreateAsync(tom, Entry(engagement, Feb10, 60), Ct);
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 4, 10), 60), Ct);

        var added = await StaffDirectory.AddRateAsync(agency.Admin, tom.StaffId!.Value,
            new StaffRateInput { EffectiveFrom = new DateOnly(2026, 4, 1), CostRate = 8000, BillRate = 16000 }, Ct);

        added.Value.Rates!.Count.ShouldBe(2);
        var cells = await RollupsAsync();
        cells.Single(c => c.Month == new DateOnly(2026, 2, 1)).CostUnits.ShouldBe(60 * 5000);
        cells.Single(c => c.Month == new DateOnly(2026, 4, 1)).CostUnits.ShouldBe(60 * 8000);
        cells.Single(c => c.Month == new DateOnly(2026, 4, 1)).BillableUnits.ShouldBe(60 * 16000);
    }

    [Fact]
    public async Task ARateMayNotRepriceALockedMonth()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        await Time.CreateAsync(tom, Entry(engagement, Feb10, 60), Ct);
        await MonthLocks.LockAsync(agency.Admin, new LockInput(Feb10), Ct);

        var refused = await StaffDirectory.AddRateAsync(agency.Admin, tom.StaffId!.Value,
            new StaffRateInput { EffectiveFrom = new DateOnly(2026, 2, 1), CostRate = 8000, BillRate = 16000 }, Ct);

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await RollupsAsync()).Single().CostUnits.ShouldBe(60 * 5000);
    }

    [Fact]
    public async Task TheWeekGridAddsChangesAndClearsCells()
    {
        var (_, tom, engagement) = await ArrangeAsync();
        var monday = new DateOnly(2026, 2, 9);
        var first = await Time.SaveWeekAsync(tom, Week(monday, engagement, [60, 120, 0, 0, 0, 0, 0]), Ct);
        first.Value.Rows.Single().Minutes.ShouldBe([60, 120, 0, 0, 0, 0, 0]);

        var second = await Time.SaveWeekAsync(tom, Week(monday, engagement, [0, 90, 30, 0, 0, 0, 0]), Ct);

        second.Value.Rows.Single().Minutes.ShouldBe([0, 90, 30, 0, 0, 0, 0]);
        second.Value.Engagements.ShouldContain(e => e.Id == engagement);
        (await RollupsAsync()).Sum(r => r.Minutes).ShouldBe(120);
        (await Time.SaveWeekAsync(tom, new WeekInput { WeekStart = monday.AddDays(1) }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Validation);
    }

    [Fact]
    public async Task TimeAndMaterialsProfitabilityCountsBillableHoursExpensesAndCosts()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        await Time.CreateAsync(tom, Entry(engagement, Feb10, 120), Ct);
        await Time.CreateAsync(tom, Entry(engagement, Feb10, 60, billable: false), Ct);
        await Expenses.CreateAsync(tom, new ExpenseInput { EngagementId = engagement, Date = Feb10, Amount = 2000, Billable = true }, Ct);

        var figures = (await Profitability.ForEngagementAsync(agency.Manager, engagement, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), Ct)).Value;

        figures.Revenue.ShouldBe(2 * 10000 + 2000);
        figures.TimeCost.ShouldBe(3 * 5000);
        figures.ExpenseCost.ShouldBe(2000);
        figures.Margin.ShouldBe(22000 - 17000);
        figures.MarginPercent.ShouldBe(22.7m);
        figures.ByStaff.Single().Minutes.ShouldBe(180);
        (await Profitability.ForEngagementAsync(tom, engagement, null, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task APartialMonthAtTheEdgeOfARangeCountsOnlyItsDays()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 2, 5), 60), Ct);
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 2, 20), 60), Ct);
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 3, 15), 60), Ct);
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 4, 5), 60), Ct);

        var figures = (await Profitability.ForEngagementAsync(agency.Admin, engagement, new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 31), Ct)).Value;

        figures.Minutes.ShouldBe(120);
        figures.Months.Select(m => m.Minutes).ShouldBe([60L, 60L]);
    }

    [Fact]
    public async Task BurnComparesHoursUsedWithTheCap()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        var budget = (await Budgets.GetAsync(agency.Manager, engagement, Ct)).Value;
        (await Budgets.UpdateAsync(agency.Manager, engagement, budget.Version, new BudgetInput { HoursCapMinutes = 600 }, Ct)).IsSuccess.ShouldBeTrue();
        await Time.CreateAsync(tom, Entry(engagement, new DateOnly(2026, 2, 20), 150), Ct);

        var burn = (await Budgets.GetAsync(agency.Manager, engagement, Ct)).Value.Burn!;

        burn.Used.ShouldBe(150);
        burn.BurnPercent.ShouldBe(25m);
        (await Budgets.GetAsync(tom, engagement, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task ARateCardChangeRepricesTheEngagementsTime()
    {
        var (agency, tom, engagement) = await ArrangeAsync();
        await Time.CreateAsync(tom, Entry(engagement, Feb10, 60), Ct);
        var version = (await Budgets.GetAsync(agency.Manager, engagement, Ct)).Value.Version;

        var updated = await Budgets.UpdateAsync(agency.Manager, engagement, version,
            new BudgetInput { RateCard = [new RateCardLineInput { Discipline = Discipline.Design, BillRate = 13000 }] }, Ct);

        updated.Value.RateCard.Single().BillRate.ShouldBe(13000);
        (await RollupsAsync()).Single().BillableUnits.ShouldBe(60 * 13000);
    }

    private static TimeEntryInput Entry(Guid engagement, DateOnly date, int minutes, bool billable = true, Guid? staffId = null) =>
        new() { EngagementId = engagement, Date = date, Minutes = minutes, Billable = billable, StaffId = staffId };

    private static WeekInput Week(DateOnly monday, Guid engagement, int[] minutes) =>
        new() { WeekStart = monday, Rows = [new WeekRow { EngagementId = engagement, Minutes = minutes }] };

    private async Task<List<TimeRollup>> RollupsAsync()
    {
        await using var db = Database.CreateDbContext();
        var rows = await db.TimeRollups.AsNoTracking().ToListAsync(Ct);
        return [.. rows.Where(r => r.Minutes != 0).OrderBy(r => r.Month).ThenBy(r => r.StaffId)];
    }

    /// <summary>Harbourline's T&amp;M engagement, run by Mateo, with Tom (a designer at 50.00 cost, 100.00 bill) on it.</summary>
    private async Task<(Agency Agency, CurrentUser Tom, Guid Engagement)> ArrangeAsync()
    {
        var agency = await SeedAgencyAsync();
        var tom = await AddStaffUserAsync("Tom Designer", Role.TeamMember);
        await using (var db = Database.CreateDbContext())
        {
            var staff = await db.Staff.SingleAsync(s => s.Id == tom.StaffId, Ct);
            staff.Discipline = Discipline.Design;
            await db.SaveChangesAsync(Ct);
        }

        (await StaffDirectory.AddRateAsync(agency.Admin, tom.StaffId!.Value,
            new StaffRateInput { EffectiveFrom = new DateOnly(2025, 1, 1), CostRate = 5000, BillRate = 10000 }, Ct)).IsSuccess.ShouldBeTrue();
        var engagement = await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput
        {
            AccountId = agency.Harbour,
            Name = "Spring campaign",
            StartDate = new DateOnly(2026, 1, 1),
            EndDate = new DateOnly(2026, 6, 30),
            ProjectManagerId = agency.ProjectManager.StaffId,
            Members = [new MemberInput { StaffId = tom.StaffId!.Value, Role = "Designer" }],
        }, Ct);
        return (agency, tom, engagement.Value.Id);
    }
}
