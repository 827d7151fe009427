using System.Net;
using Liaison.Core.Features.Integrations;
using Liaison.Web.Features.Integrations;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Users;

/// <summary>POST /api/v1/tokens is rate limited per address; nothing else is.</summary>
public abstract class RateLimitTests(AppFactory app)
{
    public const int Limit = 3;

    [Fact]
    public async Task TokenRequestsBeyondTheLimitAreRefusedWithAProblemAsync()
    {
        var anonymous = app.AnonymousClient();
        for (var i = 0; i < Limit; i++)
        {
            // Unknown addresses: the limit counts requests, whatever their outcome.
            using var allowed = await anonymous.PostAsync("/api/v1/tokens", new { email = "nobody@liaison.test", password = World.Password, name = "x" });
            await allowed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var refused = await anonymous.PostAsync("/api/v1/tokens",
            new { email = app.World.ManagerOfB.Email, password = World.Password, name = "x" });

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        using var other = await app.ClientFor(Principal.Admin).GetAsync("/api/v1/accounts");
        await other.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class RateLimitedSqliteApp : SqliteApp
{
    protected override int TokenRequestsPerMinute => RateLimitTests.Limit;
}

public sealed class RateLimitedPostgresApp(PostgresServer server) : PostgresApp(server)
{
    protected override int TokenRequestsPerMinute => RateLimitTests.Limit;
}

public sealed class RateLimitTestsOnSqlite(RateLimitedSqliteApp app) : RateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class RateLimitTestsOnPostgres(RateLimitedPostgresApp app) : RateLimitTests(app), IClassFixture<RateLimitedPostgresApp>;
