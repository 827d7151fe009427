using Liaison.Core.Common;
using Liaison.Core.Features.Staff;
using Liaison.Core.Tests.Fixtures;

namespace Liaison.Core.Tests.Staff;

public sealed class StaffServiceTests : DatabaseTest
{
    [Fact]
    public async Task ClientsAreForbiddenTheStaffDirectory()
    {
        var agency = await SeedAgencyAsync();

        var result = await StaffDirectory.ListAsync(agency.Client, new StaffListQuery(), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task AnyStaffMemberSeesTheWholeDirectory()
    {
        var agency = await SeedAgencyAsync();

        var page = (await StaffDirectory.ListAsync(agency.OffTeam, new StaffListQuery(), Ct)).Value;

        page.Items.Select(s => s.FullName).ShouldBe(["Amira Haddad", "Jonas Becker", "Lena Novak", "Mateo Alvarez"]);
        page.Items.ShouldAllBe(s => s.HasSignIn);
    }

    [Fact]
    public async Task SearchMatchesNameEmailOrTitleIgnoringCase()
    {
        var agency = await SeedAgencyAsync();

        var page = (await StaffDirectory.ListAsync(agency.Admin, new StaffListQuery(Search: "  MATEO "), Ct)).Value;

        page.Items.ShouldHaveSingleItem().Email.ShouldBe("mateo@agency.test");
    }
}
