using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Users;
using Liaison.Core.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Users;

public sealed class UserServiceTests : DatabaseTest
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task EveryUserUseCaseIsForAdminsOnly()
    {
        var agency = await SeedAgencyAsync();
        var target = agency.OffTeam.UserId;
        var newUser = new NewUserInput { Email = "new@agency.test", Password = Password, Role = Role.TeamMember };

        foreach (var caller in new[] { agency.Manager, agency.ProjectManager, agency.OffTeam, agency.Client })
        {
            (await Users.ListAsync(caller, new UserListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await Users.CreateAsync(caller, newUser, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await Users.ChangeRoleAsync(caller, target, new RoleChangeInput { Role = Role.Admin }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await Users.SetDisabledAsync(caller, target, true, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        (await ReadUserAsync(target)).Role.ShouldBe(Role.TeamMember);
        (await ReadUserAsync(target)).IsDisabled.ShouldBeFalse();
        (await Users.ListAsync(agency.Admin, new UserListQuery(), Ct)).Value.Items.Count.ShouldBe(6);
    }

    [Fact]
    public async Task TheLastAdminCannotDemoteThemselves()
    {
        var agency = await SeedAgencyAsync();

        var result = await Users.ChangeRoleAsync(agency.Admin, agency.Admin.UserId, new RoleChangeInput { Role = Role.AccountManager }, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await ReadUserAsync(agency.Admin.UserId)).Role.ShouldBe(Role.Admin);
    }

    [Fact]
    public async Task TheLastActiveAdminCannotBeDisabled()
    {
        var agency = await SeedAgencyAsync();
        // An admin identity that is not itself an active admin row (such as a session whose row changed since).
        var staleAdmin = agency.Admin with { UserId = Guid.NewGuid() };

        var bySelf = await Users.SetDisabledAsync(agency.Admin, agency.Admin.UserId, true, Ct);
        var byOther = await Users.SetDisabledAsync(staleAdmin, agency.Admin.UserId, true, Ct);

        bySelf.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        byOther.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        byOther.Error.Message.ShouldContain("last active admin");
        (await ReadUserAsync(agency.Admin.UserId)).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task WithASecondAdminTheFirstCanBeDemotedAndDisabled()
    {
        var agency = await SeedAgencyAsync();
        var second = await AddStaffUserAsync("Tom Whitaker", Role.Admin);

        (await Users.ChangeRoleAsync(second, agency.Admin.UserId, new RoleChangeInput { Role = Role.AccountManager }, Ct)).IsSuccess.ShouldBeTrue();
        (await Users.SetDisabledAsync(second, agency.Admin.UserId, true, Ct)).IsSuccess.ShouldBeTrue();

        var stored = await ReadUserAsync(agency.Admin.UserId);
        stored.Role.ShouldBe(Role.AccountManager);
        stored.IsDisabled.ShouldBeTrue();
    }

    [Fact]
    public async Task DisablingAUserChangesTheStampAndTheyAreNobodyFromThenOn()
    {
        var agency = await SeedAgencyAsync();
        var stampBefore = (await ReadUserAsync(agency.Manager.UserId)).SecurityStamp;

        var result = await Users.SetDisabledAsync(agency.Admin, agency.Manager.UserId, true, Ct);

        result.Value.IsDisabled.ShouldBeTrue();
        var stored = await ReadUserAsync(agency.Manager.UserId);
        stored.IsDisabled.ShouldBeTrue();
        stored.SecurityStamp.ShouldNotBe(stampBefore);
        (await Loader.LoadAsync(agency.Manager.UserId, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task EnablingAUserAgainMakesThemSomebodyAgain()
    {
        var agency = await SeedAgencyAsync();
        await Users.SetDisabledAsync(agency.Admin, agency.Manager.UserId, true, Ct);

        (await Users.SetDisabledAsync(agency.Admin, agency.Manager.UserId, false, Ct)).IsSuccess.ShouldBeTrue();

        var loaded = await Loader.LoadAsync(agency.Manager.UserId, Ct);
        loaded.ShouldBe(agency.Manager);
    }

    [Fact]
    public async Task ChangingARoleChangesTheStampAndTakesEffectOnTheNextLoad()
    {
        var agency = await SeedAgencyAsync();
        var stampBefore = (await ReadUserAsync(agency.ProjectManager.UserId)).SecurityStamp;

        await Users.ChangeRoleAsync(agency.Admin, agency.ProjectManager.UserId, new RoleChangeInput { Role = Role.AccountManager }, Ct);

        (await ReadUserAsync(agency.ProjectManager.UserId)).SecurityStamp.ShouldNotBe(stampBefore);
        (await Loader.LoadAsync(agency.ProjectManager.UserId, Ct))!.Role.ShouldBe(Role.AccountManager);
    }

    [Fact]
    public async Task StaffCannotBecomeClientsNorClientsStaff()
    {
        var agency = await SeedAgencyAsync();

        var toClient = await Users.ChangeRoleAsync(agency.Admin, agency.OffTeam.UserId, new RoleChangeInput { Role = Role.Client, AccountId = agency.Harbour }, Ct);
        var toStaff = await Users.ChangeRoleAsync(agency.Admin, agency.Client.UserId, new RoleChangeInput { Role = Role.TeamMember }, Ct);

        toClient.Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("role");
        toStaff.Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("role");
    }

    [Fact]
    public async Task CreatingAStaffUserLinksAStaffRecordAndHashesThePassword()
    {
        var agency = await SeedAgencyAsync();
        var input = new NewUserInput { Email = " Priya@Agency.test ", Password = Password, Role = Role.ProjectManager, JobTitle = "Project Manager" };

        var created = (await Users.CreateAsync(agency.Admin, input, Ct)).Value;

        created.FullName.ShouldBe("Priya");
        created.StaffId.ShouldNotBeNull();
        var stored = await ReadUserAsync(created.Id);
        stored.NormalizedEmail.ShouldBe("PRIYA@AGENCY.TEST");
        stored.PasswordHash.ShouldNotBeNull().ShouldNotContain(Password);
        Hasher.VerifyHashedPassword(stored, stored.PasswordHash, Password).ShouldBe(PasswordVerificationResult.Success);
        await using var db = Database.CreateDbContext();
        var staff = await db.Staff.SingleAsync(s => s.Id == created.StaffId, Ct);
        staff.UserId.ShouldBe(created.Id);
        staff.JobTitle.ShouldBe("Project Manager");
    }

    [Fact]
    public async Task ADuplicateEmailIsAConflictOnTheEmailField()
    {
        var agency = await SeedAgencyAsync();

        var result = await Users.CreateAsync(agency.Admin, new NewUserInput { Email = "JONAS@agency.test", Password = Password, Role = Role.TeamMember }, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        result.Error.Fields.ShouldNotBeNull().Keys.ShouldContain("email");
    }

    [Fact]
    public async Task NewUserInputIsValidatedBeforeAnythingIsStored()
    {
        var agency = await SeedAgencyAsync();
        var badFields = new NewUserInput { Email = "not-an-email", Password = "short", Role = Role.TeamMember };
        var clientWithoutAccount = new NewUserInput { Email = "x@client.test", Password = "long enough password", Role = Role.Client };

        var fieldsResult = await Users.CreateAsync(agency.Admin, badFields, Ct);
        var ruleResult = await Users.CreateAsync(agency.Admin, clientWithoutAccount, Ct);

        fieldsResult.Error!.Kind.ShouldBe(ErrorKind.Validation);
        fieldsResult.Error.Fields.ShouldNotBeNull().Keys.ShouldBe(["email", "password"], ignoreOrder: true);
        ruleResult.Error!.Fields.ShouldNotBeNull().Keys.ShouldBe(["accountId"]);
        (await Users.ListAsync(agency.Admin, new UserListQuery(), Ct)).Value.Items.Count.ShouldBe(6);
    }

    [Fact]
    public async Task AClientUserNeedsALiveAccount()
    {
        var agency = await SeedAgencyAsync();
        await Accounts.ArchiveAsync(agency.Admin, agency.Verdant, null, Ct);

        var archived = await Users.CreateAsync(agency.Admin, new NewUserInput { Email = "x@client.test", Password = Password, Role = Role.Client, AccountId = agency.Verdant }, Ct);
        var live = await Users.CreateAsync(agency.Admin, new NewUserInput { Email = "y@client.test", Password = Password, Role = Role.Client, AccountId = agency.Harbour }, Ct);

        archived.Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("accountId");
        live.Value.AccountName.ShouldBe("Harbourline Ferries");
        live.Value.StaffId.ShouldBeNull();
    }

    [Fact]
    public async Task CreateAdminResetsAnExistingUserToAnActiveAdmin()
    {
        var agency = await SeedAgencyAsync();
        await Users.SetDisabledAsync(agency.Admin, agency.OffTeam.UserId, true, Ct);

        var result = await Users.CreateOrResetAdminAsync("lena@agency.test", "a brand new passphrase", Ct);

        result.Value.Role.ShouldBe(Role.Admin);
        var stored = await ReadUserAsync(agency.OffTeam.UserId);
        stored.IsDisabled.ShouldBeFalse();
        Hasher.VerifyHashedPassword(stored, stored.PasswordHash!, "a brand new passphrase").ShouldBe(PasswordVerificationResult.Success);
        (await Loader.LoadAsync(stored.Id, Ct))!.IsAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAdminOnAnEmptyDatabaseCreatesAnAdminWithAStaffRecord()
    {
        var result = await Users.CreateOrResetAdminAsync("root@agency.test", "a brand new passphrase", Ct);

        var admin = await Loader.LoadAsync(result.Value.Id, Ct);
        admin.ShouldNotBeNull().IsAdmin.ShouldBeTrue();
        admin.StaffId.ShouldNotBeNull();
        (await Users.CreateOrResetAdminAsync("root@agency.test", "short", Ct)).Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("password");
    }
}
