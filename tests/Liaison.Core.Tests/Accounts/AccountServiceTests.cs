using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Accounts;

public sealed class AccountServiceTests : DatabaseTest
{
    [Fact]
    public async Task GetAnswersNotFoundForAnAccountTheCallerCannotSee()
    {
        var agency = await SeedAgencyAsync();

        var offTeam = await Accounts.GetAsync(agency.OffTeam, agency.Harbour, Ct);
        var otherClient = await Accounts.GetAsync(agency.OtherClient, agency.Harbour, Ct);
        var missing = await Accounts.GetAsync(agency.Admin, Guid.NewGuid(), Ct);

        offTeam.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        otherClient.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        // Invisible and non-existent must be indistinguishable.
        offTeam.Error.ShouldBe(missing.Error);
    }

    [Fact]
    public async Task GetReturnsTheAccountToTeamMembers()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.GetAsync(agency.ProjectManager, agency.Harbour, Ct);

        result.Value.Name.ShouldBe("Harbourline Ferries");
        result.Value.AccountManagerName.ShouldBe("Jonas Becker");
    }

    [Fact]
    public async Task ClientsDoNotGetTierOrInternalNotes()
    {
        var agency = await SeedAgencyAsync();

        var asClient = (await Accounts.GetAsync(agency.Client, agency.Harbour, Ct)).Value;
        var asStaff = (await Accounts.GetAsync(agency.Manager, agency.Harbour, Ct)).Value;
        var listed = (await Accounts.ListAsync(agency.Client, new AccountListQuery(), Ct)).Value.Items.ShouldHaveSingleItem();

        asClient.Tier.ShouldBeNull();
        asClient.Notes.ShouldBeNull();
        listed.Tier.ShouldBeNull();
        asStaff.Tier.ShouldBe(AccountTier.Key);
        asStaff.Notes.ShouldNotBeNull().ShouldContain("price-sensitive");
    }

    [Fact]
    public async Task ClientsCannotLearnTheirTierByFilteringOrSorting()
    {
        var agency = await SeedAgencyAsync();

        // Harbourline is a Key account: a tier filter that excluded it would tell the client its tier.
        var strategic = (await Accounts.ListAsync(agency.Client, new AccountListQuery(Tier: AccountTier.Strategic), Ct)).Value;
        var key = (await Accounts.ListAsync(agency.Client, new AccountListQuery(Tier: AccountTier.Key), Ct)).Value;
        var staffStrategic = (await Accounts.ListAsync(agency.Manager, new AccountListQuery(Tier: AccountTier.Strategic), Ct)).Value;

        strategic.Items.Select(a => a.Id).ShouldBe(key.Items.Select(a => a.Id));
        strategic.Items.ShouldHaveSingleItem().Id.ShouldBe(agency.Harbour);
        staffStrategic.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task AccountManagerOnTheTeamCanUpdate()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.UpdateAsync(agency.Manager, agency.Harbour, 1, Input("Harbourline Ferries Ltd", agency), Ct);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        (await ReadAccountAsync(agency.Harbour)).Name.ShouldBe("Harbourline Ferries Ltd");
    }

    [Fact]
    public async Task ProjectManagerOnTheTeamIsForbiddenToUpdateAndNothingChanges()
    {
        var agency = await SeedAgencyAsync();
        var auditBefore = (await ReadAuditAsync()).Count;

        var result = await Accounts.UpdateAsync(agency.ProjectManager, agency.Harbour, 1, Input("Renamed", agency), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var stored = await ReadAccountAsync(agency.Harbour);
        stored.Name.ShouldBe("Harbourline Ferries");
        stored.Version.ShouldBe(1);
        (await ReadAuditAsync()).Count.ShouldBe(auditBefore);
    }

    [Fact]
    public async Task ClientIsForbiddenToUpdateTheirOwnAccount()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.UpdateAsync(agency.Client, agency.Harbour, 1, Input("Ours now", agency), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ReadAccountAsync(agency.Harbour)).Name.ShouldBe("Harbourline Ferries");
    }

    [Fact]
    public async Task UpdateOfAnInvisibleAccountIsNotFoundEvenForAnAccountManager()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.UpdateAsync(agency.Manager, agency.Verdant, 1, Input("Verdant", agency), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task CreateIsForbiddenToProjectManagersAndClients()
    {
        var agency = await SeedAgencyAsync();

        (await Accounts.CreateAsync(agency.ProjectManager, new AccountInput { Name = "New" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Accounts.CreateAsync(agency.Client, new AccountInput { Name = "New" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task AccountManagerCreatingAnAccountManagesItAndKeepsSightOfIt()
    {
        var agency = await SeedAgencyAsync();

        var created = (await Accounts.CreateAsync(agency.Manager, new AccountInput { Name = "Kestrel Outdoor" }, Ct)).Value;

        created.AccountManagerId.ShouldBe(agency.Manager.StaffId);
        created.Version.ShouldBe(1);
        var team = (await Accounts.ListTeamAsync(agency.Manager, created.Id, new PageRequest(), Ct)).Value;
        team.NextCursor.ShouldBeNull();
        team.Items.ShouldHaveSingleItem().StaffId.ShouldBe(agency.Manager.StaffId!.Value);
        (await Accounts.GetAsync(agency.ProjectManager, created.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task InvalidInputIsRejectedWithFieldErrorsAndNothingIsStored()
    {
        var agency = await SeedAgencyAsync();
        var fields = new AccountInput { Name = "", Website = "not a url" };
        var dates = new AccountInput { Name = "Backwards", ContractStart = new DateOnly(2026, 6, 1), ContractEnd = new DateOnly(2026, 1, 1) };

        var fieldsResult = await Accounts.CreateAsync(agency.Admin, fields, Ct);
        var datesResult = await Accounts.CreateAsync(agency.Admin, dates, Ct);

        fieldsResult.Error!.Kind.ShouldBe(ErrorKind.Validation);
        fieldsResult.Error.Fields.ShouldNotBeNull().Keys.ShouldBe(["name", "website"], ignoreOrder: true);
        datesResult.Error!.Fields.ShouldNotBeNull().Keys.ShouldBe(["contractEnd"]);
        await using var db = Database.CreateDbContext();
        (await db.Accounts.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task UnknownAccountManagerIsAFieldError()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.CreateAsync(agency.Admin, new AccountInput { Name = "X", AccountManagerId = Guid.NewGuid() }, Ct);

        result.Error!.Fields.ShouldNotBeNull().Keys.ShouldContain("accountManagerId");
    }

    [Fact]
    public async Task ListPagesThroughEveryVisibleAccountOnce()
    {
        var agency = await SeedAgencyAsync();
        for (var i = 0; i < 5; i++)
        {
            await AddAccountAsync($"Account {i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await Accounts.ListAsync(agency.Admin, new AccountListQuery(Limit: 3, Cursor: cursor), Ct)).Value;
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items.Select(a => a.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(seen.Order().ToList());
        seen.Count.ShouldBe(7);
        seen.Distinct().Count().ShouldBe(7);
    }

    [Fact]
    public async Task ListRejectsABadCursorOnTheCursorField()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.ListAsync(agency.Admin, new AccountListQuery(Cursor: "not-ours"), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields.ShouldNotBeNull().Keys.ShouldContain("cursor");
    }

    [Fact]
    public async Task ArchivedAccountsLeaveTheDefaultList()
    {
        var agency = await SeedAgencyAsync();

        (await Accounts.ArchiveAsync(agency.Admin, agency.Verdant, expectedVersion: 1, Ct)).IsSuccess.ShouldBeTrue();

        var names = (await Accounts.ListAsync(agency.Admin, new AccountListQuery(), Ct)).Value.Items.Select(a => a.Name);
        var all = (await Accounts.ListAsync(agency.Admin, new AccountListQuery(IncludeArchived: true), Ct)).Value.Items.Select(a => a.Name);
        names.ShouldBe(["Harbourline Ferries"]);
        all.ShouldContain("Verdant Foods");
        (await ReadAccountAsync(agency.Verdant)).ArchivedAt.ShouldBe(Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task TheAccountManagerCannotBeRemovedFromTheTeam()
    {
        var agency = await SeedAgencyAsync();

        var result = await Accounts.RemoveTeamMemberAsync(agency.Admin, agency.Harbour, agency.Manager.StaffId!.Value, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    private static AccountInput Input(string name, Agency agency) => new()
    {
        Name = name,
        Status = AccountStatus.Active,
        Tier = AccountTier.Key,
        AccountManagerId = agency.Manager.StaffId,
    };
}
