using System.Net;
using Liaison.Core.Features.Accounts;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Accounts;

/// <summary>GET /api/v1/accounts/{id}/overview: the figures follow what is entered, money only for those who see it.</summary>
public abstract class AccountOverviewApiTests(AppFactory app)
{
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);

    private World World => app.World;

    private string Url => $"/api/v1/accounts/{World.AccountA}/overview";

    [Fact]
    public async Task TheFiguresMoveWithTimeAndQueriesAndMoneyIsForManagersAsync()
    {
        var before = await _manager.GetJsonAsync<AccountOverview>(Url);
        before.TimeByMonth.Count.ShouldBe(12);
        before.Time.Value.ShouldNotBeNull();
        var today = DateOnly.FromDateTime(before.AsOf);

        await PostAsync(_member, "/api/v1/time-entries", new { engagementId = World.EngagementA, date = today, minutes = 75, billable = true });
        // Thirteen months ago is outside the twelve the overview shows.
        await PostAsync(_member, "/api/v1/time-entries", new { engagementId = World.EngagementA, date = today.AddMonths(-13), minutes = 600, billable = true });
        await PostAsync(_manager, "/api/v1/interactions", new
        {
            accountId = World.AccountA, subject = "Where is the report?", isQuery = true, stakeholderIds = new[] { World.StakeholderA },
        });

        var after = await _manager.GetJsonAsync<AccountOverview>(Url);
        after.Time.ThisMonthMinutes.ShouldBe(before.Time.ThisMonthMinutes + 75);
        after.Time.Last12MonthsMinutes.ShouldBe(before.Time.Last12MonthsMinutes + 75);
        after.Time.Value!.Value.ShouldBeGreaterThanOrEqualTo(before.Time.Value!.Value, "the seeded people may have no bill rate");
        after.TimeByMonth[^1].Minutes.ShouldBe(after.Time.ThisMonthMinutes);
        after.TimeByMonth.Sum(m => m.Minutes).ShouldBe(after.Time.Last12MonthsMinutes);
        after.Relationship.OpenQueries.ShouldBe(before.Relationship.OpenQueries + 1);
        after.Relationship.LastInteractionAt.ShouldNotBeNull();
        after.Engagements.Active.ShouldBeGreaterThanOrEqualTo(1);
        after.Delivery.WithClient.ShouldBeGreaterThanOrEqualTo(1, "the seeded deliverable is in the client's review");

        var asMember = await _member.GetJsonAsync<AccountOverview>(Url);
        asMember.Time.Value.ShouldBeNull();
        asMember.TimeByMonth.ShouldAllBe(m => m.Value == null);
        asMember.Time.Last12MonthsMinutes.ShouldBe(after.Time.Last12MonthsMinutes);
    }

    [Fact]
    public async Task ClientsAndOutsidersAreRefusedAsync()
    {
        using var client = await app.ClientFor(Principal.ClientOfA).GetAsync(Url);
        await client.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var foreign = await _manager.GetAsync($"/api/v1/accounts/{World.AccountB}/overview");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task PostAsync(ApiClient client, string url, object body)
    {
        using var response = await client.PostAsync(url, body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }
}

public sealed class AccountOverviewApiTestsOnSqlite(SqliteApp app) : AccountOverviewApiTests(app), IClassFixture<SqliteApp>;

public sealed class AccountOverviewApiTestsOnPostgres(PostgresApp app) : AccountOverviewApiTests(app), IClassFixture<PostgresApp>;
