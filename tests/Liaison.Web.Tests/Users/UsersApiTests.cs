using System.Net;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Users;
using Liaison.Web.Features.Integrations;
using Liaison.Web.Features.Users;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Users;

/// <summary>/api/v1/users: admins create sign-ins, change roles and disable them, with effect at once.</summary>
public abstract class UsersApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    [Fact]
    public async Task AdminCreatesAStaffUserWithAStaffRecordAsync()
    {
        var email = UniqueEmail("pat");

        using var response = await _admin.PostAsync("/api/v1/users",
            new { email, password = World.Password, fullName = "Pat Planner", jobTitle = "Producer", role = "ProjectManager" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var user = await response.ReadJsonAsync<UserView>();
        response.Headers.Location?.ToString().ShouldBe($"/api/v1/users/{user.Id}");
        user.Role.ShouldBe(Role.ProjectManager);
        user.StaffId.ShouldNotBeNull();
        user.AccountId.ShouldBeNull();
        var listed = await _admin.GetJsonAsync<Page<UserView>>($"/api/v1/users?search={email}");
        listed.Items.ShouldHaveSingleItem().Id.ShouldBe(user.Id);
    }

    [Fact]
    public async Task AdminCreatesAClientUserOfOneAccountAsync()
    {
        using var response = await _admin.PostAsync("/api/v1/users",
            new { email = UniqueEmail("cora"), password = World.Password, role = "Client", accountId = app.World.AccountA });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var user = await response.ReadJsonAsync<UserView>();
        user.Role.ShouldBe(Role.Client);
        user.AccountId.ShouldBe(app.World.AccountA);
        user.AccountName.ShouldBe(World.AccountAName);
        user.StaffId.ShouldBeNull();
    }

    [Theory]
    [InlineData("Client", false, "accountId")]
    [InlineData("TeamMember", true, "accountId")]
    public async Task AccountGoesWithClientsOnlyAsync(string role, bool withAccount, string field)
    {
        using var response = await _admin.PostAsync("/api/v1/users", new
        {
            email = UniqueEmail("wrong"), password = World.Password, role, accountId = withAccount ? app.World.AccountA : (Guid?)null,
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ShortPasswordIsAValidationProblemAsync()
    {
        using var response = await _admin.PostAsync("/api/v1/users", new { email = UniqueEmail("short"), password = "too-short", role = "TeamMember" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("password").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task DuplicateEmailIsAConflictWhateverItsCaseAsync()
    {
        var existing = app.World.Person(Principal.ManagerOnTeam).Email.ToUpperInvariant();

        using var response = await _admin.PostAsync("/api/v1/users", new { email = existing, password = World.Password, role = "TeamMember" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("email").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ARoleChangeTakesEffectOnTheNextRequestAsync()
    {
        var (user, client) = await NewUserWithTokenAsync("TeamMember");
        using (var refused = await client.PostAsync("/api/v1/accounts", new { name = "Not yet" }))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var changed = await _admin.PutAsync($"/api/v1/users/{user.Id}/role", new { role = "AccountManager" }))
        {
            await changed.ShouldHaveStatusAsync(HttpStatusCode.OK);
            (await changed.ReadJsonAsync<UserView>()).Role.ShouldBe(Role.AccountManager);
        }

        using var allowed = await client.PostAsync("/api/v1/accounts", new { name = $"Promoted {Guid.NewGuid():N}" });
        await allowed.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AClientCannotBecomeStaffAsync()
    {
        using var response = await _admin.PutAsync($"/api/v1/users/{app.World.Person(Principal.ClientOfA).UserId}/role", new { role = "TeamMember" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("role").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task DisablingAUserStopsTheirTokenAtOnceAndEnablingRestoresItAsync()
    {
        var (user, client) = await NewUserWithTokenAsync("TeamMember");
        using (var before = await client.GetAsync("/api/v1/accounts"))
        {
            await before.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using (var disabled = await _admin.PostAsync($"/api/v1/users/{user.Id}/disable"))
        {
            await disabled.ShouldHaveStatusAsync(HttpStatusCode.OK);
            (await disabled.ReadJsonAsync<UserView>()).IsDisabled.ShouldBeTrue();
        }

        using (var refused = await client.GetAsync("/api/v1/accounts"))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var signIn = await app.AnonymousClient().PostAsync("/api/v1/tokens", new { email = user.Email, password = World.Password, name = "again" }))
        {
            await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var enabled = await _admin.PostAsync($"/api/v1/users/{user.Id}/enable"))
        {
            await enabled.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var after = await client.GetAsync("/api/v1/accounts");
        await after.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselvesAsync()
    {
        using var response = await _admin.PostAsync($"/api/v1/users/{app.World.Person(Principal.Admin).UserId}/disable");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}@liaison.test";

    /// <summary>A new user made through the API, signed in through the API.</summary>
    private async Task<(UserView User, ApiClient Client)> NewUserWithTokenAsync(string role)
    {
        using var created = await _admin.PostAsync("/api/v1/users", new { email = UniqueEmail(role.ToLowerInvariant()), password = World.Password, role });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var user = await created.ReadJsonAsync<UserView>();

        using var signIn = await app.AnonymousClient().PostAsync("/api/v1/tokens", new { email = user.Email, password = World.Password, name = "tests" });
        await signIn.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var token = await signIn.ReadJsonAsync<TokenCreated>();
        return (user, app.ClientWithToken(token.Token));
    }
}

public sealed class UsersApiTestsOnSqlite(SqliteApp app) : UsersApiTests(app), IClassFixture<SqliteApp>;

public sealed class UsersApiTestsOnPostgres(PostgresApp app) : UsersApiTests(app), IClassFixture<PostgresApp>;
