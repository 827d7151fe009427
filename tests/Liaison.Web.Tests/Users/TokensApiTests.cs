using System.Net;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Users;
using Liaison.Web.Features.Integrations;
using Liaison.Web.Features.Users;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Web.Tests.Users;

/// <summary>POST /api/v1/tokens and the caller's own tokens: sign-in for scripts, with lockout.</summary>
public abstract class TokensApiTests(AppFactory app)
{
    private readonly ApiClient _anonymous = app.AnonymousClient();

    private Person Owner => app.World.ManagerOfB;

    [Fact]
    public async Task GoodCredentialsGetAWorkingTokenAsync()
    {
        using var response = await _anonymous.PostAsync("/api/v1/tokens", new { email = Owner.Email, password = World.Password, name = "deploy script" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<TokenCreated>();
        created.Token.ShouldStartWith("lia_");
        created.Prefix.ShouldBe(created.Token[..12]);
        created.Name.ShouldBe("deploy script");
        response.Headers.Location?.ToString().ShouldBe($"/api/v1/tokens/{created.Id}");

        var mine = await app.ClientWithToken(created.Token).GetJsonAsync<Page<TokenView>>("/api/v1/tokens");
        mine.Items.ShouldContain(t => t.Id == created.Id && t.Name == "deploy script");
        mine.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task TheTokenListNeverShowsSecretsAsync()
    {
        using var response = await app.ClientWithToken(Owner.Token).GetAsync("/api/v1/tokens");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldNotContain(Owner.Token);
        body.ShouldNotContain("tokenHash", Case.Insensitive);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswerAsync()
    {
        using var wrongPassword = await _anonymous.PostAsync("/api/v1/tokens", new { email = Owner.Email, password = "not the password at all", name = "x" });
        using var unknownEmail = await _anonymous.PostAsync("/api/v1/tokens", new { email = "nobody@liaison.test", password = World.Password, name = "x" });

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        first.GetProperty("detail").GetString().ShouldBe(second.GetProperty("detail").GetString(), "Nothing tells which e-mail addresses exist.");
    }

    [Fact]
    public async Task MissingFieldsAreAValidationProblemAsync()
    {
        using var response = await _anonymous.PostAsync("/api/v1/tokens", new { email = Owner.Email });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("password").ShouldNotBeEmpty();
        problem.FieldErrors("name").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task FiveFailuresLockTheSignInEvenAgainstTheRightPasswordAsync()
    {
        var email = $"lockme-{Guid.NewGuid():N}@liaison.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            World.Must(await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(app.World.Admin,
                new NewUserInput { Email = email, Password = World.Password, Role = Role.TeamMember }, TestContext.Current.CancellationToken));
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await _anonymous.PostAsync("/api/v1/tokens", new { email, password = $"wrong guess number {attempt}", name = "x" });
            await failed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var locked = await _anonymous.PostAsync("/api/v1/tokens", new { email, password = World.Password, name = "x" });

        var problem = await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (problem.GetProperty("detail").GetString() ?? "").ShouldContain("locked");
        var users = await app.ClientFor(Principal.Admin).GetJsonAsync<Page<UserView>>($"/api/v1/users?search={email}");
        users.Items.ShouldHaveSingleItem().IsLockedOut.ShouldBeTrue();
    }

    [Fact]
    public async Task ARevokedTokenStopsWorkingAsync()
    {
        using var signIn = await _anonymous.PostAsync("/api/v1/tokens", new { email = Owner.Email, password = World.Password, name = "short-lived" });
        await signIn.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var token = await signIn.ReadJsonAsync<TokenCreated>();
        var client = app.ClientWithToken(token.Token);

        using (var revoked = await client.DeleteAsync($"/api/v1/tokens/{token.Id}"))
        {
            await revoked.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        using var after = await client.GetAsync("/api/v1/tokens");
        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var others = await app.ClientWithToken(Owner.Token).GetAsync("/api/v1/tokens");
        await others.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("lia_not-a-real-token")]
    [InlineData("something-else")]
    public async Task AnUnknownTokenIsUnauthorizedAsync(string token)
    {
        using var response = await app.ClientWithToken(token).GetAsync("/api/v1/accounts");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class TokensApiTestsOnSqlite(SqliteApp app) : TokensApiTests(app), IClassFixture<SqliteApp>;

public sealed class TokensApiTestsOnPostgres(PostgresApp app) : TokensApiTests(app), IClassFixture<PostgresApp>;
