using Liaison.Core.Common;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Tests.Fixtures;

namespace Liaison.Core.Tests.Stakeholders;

public sealed class StakeholderServiceTests : DatabaseTest
{
    [Fact]
    public async Task ClientsAreRefusedTheListOfTheirOwnAccount()
    {
        var agency = await SeedAgencyAsync();
        await AddStakeholderAsync(agency.Harbour, "Grace Moreau", notes: "Pushed for an in-house team.");

        var list = await Stakeholders.ListAsync(agency.Client, agency.Harbour, new StakeholderListQuery(), Ct);
        var map = await Stakeholders.MapAsync(agency.Client, agency.Harbour, Ct);

        list.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        map.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task ClientsGetNotFoundForASingleStakeholder()
    {
        var agency = await SeedAgencyAsync();
        var id = await AddStakeholderAsync(agency.Harbour, "Grace Moreau", notes: "Pushed for an in-house team.");

        var result = await Stakeholders.GetAsync(agency.Client, agency.Harbour, id, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task ListOfAnAccountTheCallerCannotSeeIsNotFound()
    {
        var agency = await SeedAgencyAsync();
        await AddStakeholderAsync(agency.Harbour, "Grace Moreau");

        (await Stakeholders.ListAsync(agency.OffTeam, agency.Harbour, new StakeholderListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Stakeholders.ListAsync(agency.OtherClient, agency.Harbour, new StakeholderListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task StaffOnTheTeamReadStakeholdersWithTheirNotes()
    {
        var agency = await SeedAgencyAsync();
        await AddStakeholderAsync(agency.Harbour, "Grace Moreau", notes: "Pushed for an in-house team.");
        await AddStakeholderAsync(agency.Verdant, "Felix Adeyemi");

        var page = (await Stakeholders.ListAsync(agency.ProjectManager, agency.Harbour, new StakeholderListQuery(), Ct)).Value;

        var grace = page.Items.ShouldHaveSingleItem();
        grace.FullName.ShouldBe("Grace Moreau");
        grace.Notes.ShouldBe("Pushed for an in-house team.");
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task AStakeholderIsNotFoundThroughAnotherAccountsPath()
    {
        var agency = await SeedAgencyAsync();
        var id = await AddStakeholderAsync(agency.Verdant, "Felix Adeyemi");

        var result = await Stakeholders.GetAsync(agency.Admin, agency.Harbour, id, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task TeamMembersMayReadButNotEdit()
    {
        var agency = await SeedAgencyAsync();
        var id = await AddStakeholderAsync(agency.Verdant, "Felix Adeyemi");

        var read = await Stakeholders.GetAsync(agency.OffTeam, agency.Verdant, id, Ct);
        var edit = await Stakeholders.UpdateAsync(agency.OffTeam, agency.Verdant, id, 1, new StakeholderInput { FullName = "Changed" }, Ct);
        var create = await Stakeholders.CreateAsync(agency.OffTeam, agency.Verdant, new StakeholderInput { FullName = "New" }, Ct);

        read.IsSuccess.ShouldBeTrue();
        edit.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        create.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Stakeholders.GetAsync(agency.Admin, agency.Verdant, id, Ct)).Value.FullName.ShouldBe("Felix Adeyemi");
    }

    [Fact]
    public async Task ProjectManagerCreatesWithCleanedInput()
    {
        var agency = await SeedAgencyAsync();
        var input = new StakeholderInput
        {
            FullName = "  Noor Kowalski ",
            Email = "Noor@Harbourline.Example",
            Title = "   ",
            Roles = [StakeholderRole.User, StakeholderRole.Sponsor, StakeholderRole.User],
            Influence = 5,
        };

        var created = (await Stakeholders.CreateAsync(agency.ProjectManager, agency.Harbour, input, Ct)).Value;

        created.FullName.ShouldBe("Noor Kowalski");
        created.Email.ShouldBe("noor@harbourline.example");
        created.Title.ShouldBeNull();
        created.Roles.ShouldBe([StakeholderRole.Sponsor, StakeholderRole.User]);
        created.Version.ShouldBe(1);
    }

    [Fact]
    public async Task ValidationErrorsAreKeyedByTheApiFieldNames()
    {
        var agency = await SeedAgencyAsync();
        var input = new StakeholderInput { FullName = "Ines", Influence = 9, RelationshipStrength = 0, Phone = "call me", Email = "nope" };

        var result = await Stakeholders.CreateAsync(agency.Admin, agency.Harbour, input, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields.ShouldNotBeNull().Keys.ShouldBe(["influence", "relationshipStrength", "phone", "email"], ignoreOrder: true);
    }

    [Fact]
    public async Task FilteringByRoleStillPagesCorrectly()
    {
        var agency = await SeedAgencyAsync();
        foreach (var name in new[] { "Ann", "Ben", "Cai", "Dee", "Eve" })
        {
            List<StakeholderRole> roles = name is "Ben" or "Dee" or "Eve" ? [StakeholderRole.Sponsor] : [StakeholderRole.User];
            await Stakeholders.CreateAsync(agency.Admin, agency.Harbour, new StakeholderInput { FullName = name, Roles = roles }, Ct);
        }

        var first = (await Stakeholders.ListAsync(agency.Admin, agency.Harbour, new StakeholderListQuery(Role: StakeholderRole.Sponsor, Limit: 2), Ct)).Value;
        var second = (await Stakeholders.ListAsync(agency.Admin, agency.Harbour,
            new StakeholderListQuery(Role: StakeholderRole.Sponsor, Limit: 2, Cursor: first.NextCursor), Ct)).Value;

        first.Items.Select(s => s.FullName).ShouldBe(["Ben", "Dee"]);
        second.Items.Select(s => s.FullName).ShouldBe(["Eve"]);
        second.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task NullRolesFromJsonMeanNoRoles()
    {
        var agency = await SeedAgencyAsync();

        // A JSON body with "roles": null overwrites the list's initialiser with null.
        var result = await Stakeholders.CreateAsync(agency.Admin, agency.Harbour, new StakeholderInput { FullName = "Una Null", Roles = null! }, Ct);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value.Roles.ShouldBeEmpty();
    }
}
