using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Time;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Time;

/// <summary>
/// An account's profitability costs the same number of round trips however many engagements the account
/// has: it once read each engagement's months and recent time separately (docs/performance.md).
/// </summary>
public sealed class ProfitabilityCostTests : DatabaseTest
{
    [Fact]
    public async Task AnAccountsProfitabilitySendsAsManyCommandsForFiveEngagementsAsForOne()
    {
        var seeder = new DemoAgencySeeder(Database, Hasher, Normalizer, Clock);
        await seeder.SeedAsync(Ct);
        Guid account, adminId;
        await using (var db = Database.CreateDbContext())
        {
            account = await db.Accounts.Where(a => a.Name == "Kestrel Outdoor").Select(a => a.Id).SingleAsync(Ct);
            adminId = await db.Users.Where(u => u.Role == Liaison.Core.Access.Role.Admin).Select(u => u.Id).FirstAsync(Ct);
        }

        var admin = (await Loader.LoadAsync(adminId, Ct))!;
        var (from, to) = (new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));
        await AddEngagementWithTimeAsync(account, "Only engagement");
        var withOne = await CommandsOfAsync(() => Profitability.ForAccountAsync(admin, account, from, to, Ct));

        for (var i = 2; i <= 5; i++)
        {
            await AddEngagementWithTimeAsync(account, $"Engagement {i}");
        }

        var five = (await Profitability.ForAccountAsync(admin, account, from, to, Ct)).Value;
        five.Engagements.Count(e => e.Minutes > 0).ShouldBeGreaterThanOrEqualTo(5);
        var withFive = await CommandsOfAsync(() => Profitability.ForAccountAsync(admin, account, from, to, Ct));
        withFive.ShouldBe(withOne);
    }

    private async Task<int> CommandsOfAsync<T>(Func<Task<T>> call)
    {
        var before = Database.CommandsSent;
        await call();
        return Database.CommandsSent - before;
    }

    /// <summary>A time-and-materials engagement in delivery with a month of time in its rollups and a recent entry.</summary>
    private async Task AddEngagementWithTimeAsync(Guid accountId, string name)
    {
        await using var db = Database.CreateDbContext();
        var staff = await db.AccountTeamMembers.Where(t => t.AccountId == accountId).Select(t => t.StaffId).FirstAsync(Ct);
        var engagement = new Engagement
        {
            AccountId = accountId, Name = name, Type = EngagementType.TimeAndMaterials, Status = EngagementStatus.InDelivery,
            StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2026, 12, 31), Budget = new Budget { HoursCapMinutes = 100 * 60 },
        };
        db.Engagements.Add(engagement);
        var entry = new TimeEntry
        {
            AccountId = accountId, EngagementId = engagement.Id, StaffId = staff, Date = new DateOnly(2026, 2, 20), Minutes = 90, CostRate = 5000, BillRate = 12000,
        };
        db.TimeEntries.Add(entry);
        await db.SaveChangesAsync(Ct);
        await Rollups.ApplyAsync(db, [Rollups.Contribution.Of(entry)], [], Ct);
    }
}
