using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Stakeholders;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Stakeholders;

/// <summary>/api/v1/accounts/{id}/stakeholders: the agency's private map of the people on the client side.</summary>
public abstract class StakeholdersApiTests(AppFactory app)
{
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);

    private string StakeholdersOfA => $"/api/v1/accounts/{app.World.AccountA}/stakeholders";

    [Fact]
    public async Task CreateReadUpdateAndDeleteAStakeholderAsync()
    {
        using var created = await _manager.PostAsync(StakeholdersOfA, new
        {
            fullName = "Nina Newcomer",
            title = "Head of Digital",
            email = "Nina@Aurora.test",
            roles = new[] { "DecisionMaker", "Sponsor" },
            influence = 4,
            support = "Supporter",
            notes = "Met at the kickoff.",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.ETag().ShouldBe("\"1\"");
        var person = await created.ReadJsonAsync<StakeholderView>();
        created.Headers.Location?.ToString().ShouldBe($"{StakeholdersOfA}/{person.Id}");
        person.Email.ShouldBe("nina@aurora.test");
        person.Roles.ShouldBe([StakeholderRole.Sponsor, StakeholderRole.DecisionMaker]);
        person.AccountId.ShouldBe(app.World.AccountA);

        var read = await _manager.GetJsonAsync<StakeholderView>($"{StakeholdersOfA}/{person.Id}");
        // Stamps are kept at the microseconds PostgreSQL stores, so the create answer equals a later read exactly.
        read.ShouldBeEquivalentTo(person);

        using var updated = await _manager.PutAsync($"{StakeholdersOfA}/{person.Id}",
            new { fullName = "Nina Newcomer", influence = 5, support = "Champion" }, ifMatch: "\"1\"");
        await updated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        updated.ETag().ShouldBe("\"2\"");
        var afterUpdate = await updated.ReadJsonAsync<StakeholderView>();
        afterUpdate.Influence.ShouldBe(5);
        afterUpdate.Support.ShouldBe(Support.Champion);

        using var stale = await _manager.PutAsync($"{StakeholdersOfA}/{person.Id}", new { fullName = "Lost update" }, ifMatch: "\"1\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        using var unguarded = await _manager.PutAsync($"{StakeholdersOfA}/{person.Id}", new { fullName = "Lost update" });
        await unguarded.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        using var deleted = await _manager.DeleteAsync($"{StakeholdersOfA}/{person.Id}");
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _manager.GetAsync($"{StakeholdersOfA}/{person.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task InfluenceOutsideOneToFiveIsAValidationProblemAsync(int influence)
    {
        using var response = await _manager.PostAsync(StakeholdersOfA, new { fullName = "Out Of Range", influence });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("influence").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task BadEmailIsAValidationProblemAsync()
    {
        using var response = await _manager.PostAsync(StakeholdersOfA, new { fullName = "No Mail", email = "not-an-address" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("email").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task MissingNameIsAValidationProblemAsync()
    {
        using var response = await _manager.PostAsync(StakeholdersOfA, new { influence = 3 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("fullName").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task StaffOnTheTeamReadTheInternalNotesAsync()
    {
        var person = await app.ClientFor(Principal.TeamMemberOnTeam)
            .GetJsonAsync<StakeholderView>($"{StakeholdersOfA}/{app.World.StakeholderA}");

        person.Notes.ShouldBe(World.StakeholderANotes);
    }

    [Fact]
    public async Task ClientsNeverReceiveStakeholderRecordsAsync()
    {
        var client = app.ClientFor(Principal.ClientOfA);

        using var list = await client.GetAsync(StakeholdersOfA);
        using var single = await client.GetAsync($"{StakeholdersOfA}/{app.World.StakeholderA}");

        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await single.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var response in new[] { list, single })
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            body.ShouldNotContain(World.StakeholderANotes);
            body.ShouldNotContain("Alma Sponsor");
        }
    }

    [Fact]
    public async Task ListFiltersBySupportAndSortsByInfluenceAsync()
    {
        var account = await NewAccountAsync();
        var url = $"/api/v1/accounts/{account}/stakeholders";
        foreach (var (name, influence, support) in new[] { ("Low Fan", 1, "Champion"), ("High Fan", 5, "Champion"), ("Critic", 3, "Detractor") })
        {
            using var response = await _manager.PostAsync(url, new { fullName = name, influence, support });
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var champions = await _manager.GetJsonAsync<Page<StakeholderView>>($"{url}?support=Champion&sort=Influence&descending=true");
        champions.Items.Select(s => s.FullName).ShouldBe(["High Fan", "Low Fan"]);

        var firstPage = await _manager.GetJsonAsync<Page<StakeholderView>>($"{url}?limit=2");
        firstPage.Items.Select(s => s.FullName).ShouldBe(["Critic", "High Fan"]);
        var secondPage = await _manager.GetJsonAsync<Page<StakeholderView>>($"{url}?limit=2&cursor={firstPage.NextCursor}");
        secondPage.Items.Select(s => s.FullName).ShouldBe(["Low Fan"]);
        secondPage.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task AStakeholderIsOnlyFoundUnderItsOwnAccountAsync()
    {
        // The stakeholder of B addressed through A, which the admin may see, is still not found.
        using var response = await app.ClientFor(Principal.Admin).GetAsync($"{StakeholdersOfA}/{app.World.StakeholderB}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>An account of the on-team manager with no stakeholders yet, so lists hold only this test's people.</summary>
    private async Task<Guid> NewAccountAsync()
    {
        using var response = await _manager.PostAsync("/api/v1/accounts", new { name = $"Stakeholder list {Guid.NewGuid():N}" });
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync<AccountDetails>()).Id;
    }
}

public sealed class StakeholdersApiTestsOnSqlite(SqliteApp app) : StakeholdersApiTests(app), IClassFixture<SqliteApp>;

public sealed class StakeholdersApiTestsOnPostgres(PostgresApp app) : StakeholdersApiTests(app), IClassFixture<PostgresApp>;
