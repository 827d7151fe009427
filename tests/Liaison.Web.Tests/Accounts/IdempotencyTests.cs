using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Accounts;

/// <summary>Idempotency-Key: a retried write replays its first answer instead of running twice.</summary>
public abstract class IdempotencyTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    [Fact]
    public async Task ARetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAsync()
    {
        var name = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        using var first = await _admin.PostAsync("/api/v1/accounts", new { name }, idempotencyKey: key);
        using var retry = await _admin.PostAsync("/api/v1/accounts", new { name }, idempotencyKey: key);

        await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await retry.ShouldHaveStatusAsync(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        retry.ETag().ShouldBe(first.ETag());
        (await CountAsync(name)).ShouldBe(1);
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefusedAsync()
    {
        var name = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        using (var first = await _admin.PostAsync("/api/v1/accounts", new { name }, idempotencyKey: key))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        using var other = await _admin.PostAsync("/api/v1/accounts", new { name = name + " changed" }, idempotencyKey: key);

        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await CountAsync(name)).ShouldBe(1, "Only the first request created an account.");
    }

    [Fact]
    public async Task AFailedPreconditionIsNotReplayedToACorrectedRetryAsync()
    {
        using var created = await _admin.PostAsync("/api/v1/accounts", new { name = $"Precondition {Guid.NewGuid():N}" });
        var location = created.Headers.Location!.ToString();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Renamed once" };

        using var stale = await _admin.SendAsync(HttpMethod.Put, location, body, ifMatch: "\"7\"", idempotencyKey: key);
        using var corrected = await _admin.SendAsync(HttpMethod.Put, location, body, ifMatch: "\"1\"", idempotencyKey: key);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await corrected.ShouldHaveStatusAsync(HttpStatusCode.OK);
        corrected.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task KeysBelongToTheirUserAsync()
    {
        var name = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        using (var first = await _admin.PostAsync("/api/v1/accounts", new { name }, idempotencyKey: key))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        using var someoneElse = await app.ClientFor(Principal.ManagerOnTeam).PostAsync("/api/v1/accounts", new { name }, idempotencyKey: key);

        await someoneElse.ShouldHaveStatusAsync(HttpStatusCode.Created);
        someoneElse.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountAsync(name)).ShouldBe(2);
    }

    [Fact]
    public async Task WithoutAKeyEveryRequestRunsAsync()
    {
        var name = $"Idempotent {Guid.NewGuid():N}";

        using var first = await _admin.PostAsync("/api/v1/accounts", new { name });
        using var second = await _admin.PostAsync("/api/v1/accounts", new { name });

        await first.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await second.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await CountAsync(name)).ShouldBe(2);
    }

    private async Task<int> CountAsync(string name) =>
        (await _admin.GetJsonAsync<Page<AccountSummary>>($"/api/v1/accounts?search={Uri.EscapeDataString(name)}")).Items.Count;
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyTestsOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
