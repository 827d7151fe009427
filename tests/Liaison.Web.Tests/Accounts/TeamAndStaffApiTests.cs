using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Staff;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Accounts;

/// <summary>/api/v1/accounts/{id}/team and /api/v1/staff: who works on an account, and who works here.</summary>
public abstract class TeamAndStaffApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    private World World => app.World;

    [Fact]
    public async Task TeamListsTheManagerAndTheMembersAsync()
    {
        var team = (await app.ClientFor(Principal.TeamMemberOnTeam).GetJsonAsync<Page<TeamMemberView>>($"/api/v1/accounts/{World.AccountA}/team")).Items;

        team.ShouldContain(m => m.StaffId == World.Person(Principal.ManagerOnTeam).StaffId && m.Role == TeamRole.AccountManager);
        team.ShouldContain(m => m.StaffId == World.Person(Principal.TeamMemberOnTeam).StaffId && m.Role == TeamRole.Specialist);
        team.ShouldNotContain(m => m.StaffId == World.Person(Principal.ManagerOffTeam).StaffId);
    }

    [Fact]
    public async Task JoiningATeamGrantsSightOfTheAccountAndLeavingItTakesItAwayAsync()
    {
        var account = await NewAccountAsync();
        var spare = app.ClientWithToken(World.SpareStaff.Token);
        using (var before = await spare.GetAsync($"/api/v1/accounts/{account}"))
        {
            await before.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using (var added = await _admin.PostAsync($"/api/v1/accounts/{account}/team", new { staffId = World.SpareStaff.StaffId, role = "Developer" }))
        {
            await added.ShouldHaveStatusAsync(HttpStatusCode.OK);
            var member = await added.ReadJsonAsync<TeamMemberView>();
            member.StaffId.ShouldBe(World.SpareStaff.StaffId!.Value);
            member.Role.ShouldBe(TeamRole.Developer);
        }

        using (var during = await spare.GetAsync($"/api/v1/accounts/{account}"))
        {
            await during.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using (var removed = await _admin.DeleteAsync($"/api/v1/accounts/{account}/team/{World.SpareStaff.StaffId}"))
        {
            await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        using var after = await spare.GetAsync($"/api/v1/accounts/{account}");
        await after.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var team = (await _admin.GetJsonAsync<Page<TeamMemberView>>($"/api/v1/accounts/{account}/team")).Items;
        team.ShouldNotContain(m => m.StaffId == World.SpareStaff.StaffId);
    }

    [Fact]
    public async Task TheAccountManagerCannotBeRemovedFromTheTeamAsync()
    {
        var account = await NewAccountAsync();

        using var response = await _admin.DeleteAsync($"/api/v1/accounts/{account}/team/{World.Person(Principal.ManagerOnTeam).StaffId}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var team = (await _admin.GetJsonAsync<Page<TeamMemberView>>($"/api/v1/accounts/{account}/team")).Items;
        team.ShouldContain(m => m.StaffId == World.Person(Principal.ManagerOnTeam).StaffId);
    }

    [Fact]
    public async Task RemovingSomeoneNotOnTheTeamIsNotFoundAsync()
    {
        var account = await NewAccountAsync();

        using var response = await _admin.DeleteAsync($"/api/v1/accounts/{account}/team/{World.Person(Principal.ManagerOffTeam).StaffId}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddingAnUnknownStaffMemberIsAValidationProblemAsync()
    {
        var account = await NewAccountAsync();

        using var unknown = await _admin.PostAsync($"/api/v1/accounts/{account}/team", new { staffId = Guid.NewGuid() });
        using var missing = await _admin.PostAsync($"/api/v1/accounts/{account}/team", new { role = "Developer" });

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("staffId").ShouldNotBeEmpty();
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("staffId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task StaffDirectoryListsTheAgencysPeopleToStaffAsync()
    {
        var staff = await app.ClientFor(Principal.TeamMemberOnTeam).GetJsonAsync<Page<StaffView>>("/api/v1/staff?limit=200");

        staff.Items.Select(s => s.Email).ShouldContain(World.Person(Principal.ManagerOnTeam).Email);
        staff.Items.Select(s => s.Email).ShouldNotContain(World.Person(Principal.ClientOfA).Email, "Client users are not staff.");

        var searched = await app.ClientFor(Principal.TeamMemberOnTeam).GetJsonAsync<Page<StaffView>>("/api/v1/staff?search=offteam");
        searched.Items.ShouldHaveSingleItem().Email.ShouldBe(World.Person(Principal.ManagerOffTeam).Email);
    }

    [Fact]
    public async Task StaffDirectoryIsForbiddenToClientsAsync()
    {
        using var response = await app.ClientFor(Principal.ClientOfA).GetAsync("/api/v1/staff");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A fresh account managed by the on-team manager, so team changes here touch no other test.</summary>
    private async Task<Guid> NewAccountAsync()
    {
        using var response = await _admin.PostAsync("/api/v1/accounts",
            new { name = $"Team test {Guid.NewGuid():N}", accountManagerId = World.Person(Principal.ManagerOnTeam).StaffId });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync<AccountDetails>()).Id;
    }
}

public sealed class TeamAndStaffApiTestsOnSqlite(SqliteApp app) : TeamAndStaffApiTests(app), IClassFixture<SqliteApp>;

public sealed class TeamAndStaffApiTestsOnPostgres(PostgresApp app) : TeamAndStaffApiTests(app), IClassFixture<PostgresApp>;
