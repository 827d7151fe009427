using Liaison.Core.Access;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Access;

/// <summary>The visibility filter itself, on accounts and on records that belong to an account.</summary>
public sealed class AccountAccessTests : DatabaseTest
{
    [Fact]
    public async Task AdminSeesEveryAccount()
    {
        var agency = await SeedAgencyAsync();

        var (accounts, stakeholders) = await VisibleAsync(agency.Admin);

        accounts.ShouldBe([agency.Harbour, agency.Verdant], ignoreOrder: true);
        stakeholders.ShouldBe([agency.Harbour, agency.Verdant], ignoreOrder: true);
    }

    [Fact]
    public async Task StaffOnTheTeamSeeOnlyTheirAccounts()
    {
        var agency = await SeedAgencyAsync();

        var (accounts, stakeholders) = await VisibleAsync(agency.ProjectManager);

        accounts.ShouldBe([agency.Harbour]);
        stakeholders.ShouldBe([agency.Harbour]);
    }

    [Fact]
    public async Task StaffOffTheTeamDoNotSeeTheAccount()
    {
        var agency = await SeedAgencyAsync();

        var (accounts, stakeholders) = await VisibleAsync(agency.OffTeam);

        accounts.ShouldNotContain(agency.Harbour);
        stakeholders.ShouldNotContain(agency.Harbour);
        accounts.ShouldBe([agency.Verdant]);
    }

    [Fact]
    public async Task ClientSeesOnlyTheirOwnAccount()
    {
        var agency = await SeedAgencyAsync();

        (await VisibleAsync(agency.Client)).Accounts.ShouldBe([agency.Harbour]);
        (await VisibleAsync(agency.OtherClient)).Accounts.ShouldBe([agency.Verdant]);
    }

    [Fact]
    public async Task ClientWithoutAnAccountSeesNothing()
    {
        var agency = await SeedAgencyAsync();
        var orphan = agency.Client with { ClientAccountId = null };

        var (accounts, stakeholders) = await VisibleAsync(orphan);

        accounts.ShouldBeEmpty();
        stakeholders.ShouldBeEmpty();
    }

    [Fact]
    public async Task StaffWithoutAStaffRecordSeesNothing()
    {
        var agency = await SeedAgencyAsync();
        var detached = agency.Manager with { StaffId = null };

        (await VisibleAsync(detached)).Accounts.ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavingTheTeamHidesTheAccountAtOnce()
    {
        var agency = await SeedAgencyAsync();
        await using (var db = Database.CreateDbContext())
        {
            await db.AccountTeamMembers.Where(t => t.StaffId == agency.ProjectManager.StaffId).ExecuteDeleteAsync(Ct);
        }

        (await VisibleAsync(agency.ProjectManager)).Accounts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.Admin, true, true, true)]
    [InlineData(Role.AccountManager, true, true, true)]
    [InlineData(Role.ProjectManager, false, true, true)]
    [InlineData(Role.TeamMember, false, false, true)]
    [InlineData(Role.Client, false, false, false)]
    public void RolePermissions(Role role, bool editAccount, bool editStakeholders, bool readStakeholders)
    {
        var user = new CurrentUser(Guid.NewGuid(), "Someone", role, null, null);

        AccountAccess.CanEditAccount(user).ShouldBe(editAccount);
        AccountAccess.CanCreateAccount(user).ShouldBe(editAccount);
        AccountAccess.CanEditStakeholders(user).ShouldBe(editStakeholders);
        AccountAccess.CanReadStakeholders(user).ShouldBe(readStakeholders);
        AccountAccess.CanSeeAudit(user).ShouldBe(role == Role.Admin);
    }

    /// <summary>The accounts the user sees, and the accounts of the stakeholders (an account-owned set) they see.</summary>
    private async Task<(List<Guid> Accounts, List<Guid> Stakeholders)> VisibleAsync(CurrentUser user)
    {
        await using var db = Database.CreateDbContext();
        if (!await db.Stakeholders.AnyAsync(Ct))
        {
            foreach (var accountId in await db.Accounts.Select(a => a.Id).ToListAsync(Ct))
            {
                db.Stakeholders.Add(new Features.Stakeholders.Stakeholder { AccountId = accountId, FullName = "Someone" });
            }

            await db.SaveChangesAsync(Ct);
        }

        var accounts = await db.Accounts.VisibleTo(db, user).Select(a => a.Id).ToListAsync(Ct);
        var stakeholders = await db.Stakeholders.VisibleTo(db, user).Select(s => s.AccountId).Distinct().ToListAsync(Ct);
        return (accounts, stakeholders);
    }
}
