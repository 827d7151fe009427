using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Stakeholders;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Insights;

/// <summary>Insights through the API: validation, ETags, sharing and the account's throttle.</summary>
public abstract class InsightsApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);

    private World World => app.World;

    [Fact]
    public async Task AnInsightIsWrittenEditedAndDeletedWithETagsAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/insights", new
        {
            accountId = World.AccountA, title = "Competitor cut prices", sourceUrl = "https://news.example.com/a", tags = new[] { "pricing" },
            summary = "Their rival cut prices by 10%.", whyItMatters = "Renewal talks start next month.",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var insight = await created.ReadJsonAsync<InsightView>();
        insight.Tags.ShouldBe(["pricing"]);

        using var read = await _member.GetAsync($"/api/v1/insights/{insight.Id}");
        await read.ShouldHaveStatusAsync(HttpStatusCode.OK);
        read.ETag().ShouldBe(created.ETag());

        var edit = new { title = "Competitor cut prices by 10%", sourceUrl = "http://news.example.com/a" };
        using var noIfMatch = await _manager.PutAsync($"/api/v1/insights/{insight.Id}", edit);
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var edited = await _manager.PutAsync($"/api/v1/insights/{insight.Id}", edit, ifMatch: read.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        edited.ETag().ShouldNotBe(read.ETag());
        using var stale = await _manager.PutAsync($"/api/v1/insights/{insight.Id}", edit, ifMatch: read.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var list = await _member.GetJsonAsync<Page<InsightSummary>>($"/api/v1/insights?accountId={World.AccountA}");
        list.Items.ShouldContain(i => i.Id == insight.Id && i.Title == "Competitor cut prices by 10%");

        using var byMember = await _member.DeleteAsync($"/api/v1/insights/{insight.Id}");
        await byMember.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var deleted = await _manager.DeleteAsync($"/api/v1/insights/{insight.Id}", ifMatch: edited.ETag());
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _manager.GetAsync($"/api/v1/insights/{insight.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ftp://example.com/file")]
    [InlineData("example.com/no-scheme")]
    [InlineData("javascript:alert(1)")]
    public async Task ASourceThatIsNotAWebAddressIsAFieldErrorAsync(string url)
    {
        using var response = await _manager.PostAsync("/api/v1/insights", new { accountId = World.AccountA, title = "Bad source", sourceUrl = url });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("sourceUrl").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SharingBeyondTheAccountsLimitNeedsAnOverrideReasonAsync()
    {
        using var account = await _admin.PostAsync("/api/v1/accounts", new { name = "Throttled Travel" });
        var accountId = (await account.ReadJsonAsync<AccountDetails>()).Id;
        using var person = await _admin.PostAsync($"/api/v1/accounts/{accountId}/stakeholders", new { fullName = "Tess Traveller" });
        var stakeholder = (await person.ReadJsonAsync<StakeholderView>()).Id;
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var made = await _admin.PostAsync("/api/v1/insights", new { accountId, title = $"Insight {i}" });
            ids.Add((await made.ReadJsonAsync<InsightView>()).Id);
        }

        var defaults = await _admin.GetJsonAsync<InsightLimitView>($"/api/v1/accounts/{accountId}/insight-limit");
        defaults.ShouldBe(new InsightLimitView(accountId, null, 2, 0, null));
        using var badLimit = await _admin.PutAsync($"/api/v1/accounts/{accountId}/insight-limit", new { insightsPer30Days = 1000 });
        (await badLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("insightsPer30Days").ShouldNotBeEmpty();
        using var limit = await _admin.PutAsync($"/api/v1/accounts/{accountId}/insight-limit", new { insightsPer30Days = 1 });
        (await limit.ReadJsonAsync<InsightLimitView>()).Limit.ShouldBe(1);

        using var foreign = await _admin.PostAsync($"/api/v1/insights/{ids[0]}/share", new { stakeholderIds = new[] { World.StakeholderA } });
        (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("stakeholderIds").ShouldNotBeEmpty();

        using var first = await _admin.PostAsync($"/api/v1/insights/{ids[0]}/share", new { stakeholderIds = new[] { stakeholder } });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await first.ReadJsonAsync<ShareResult>()).Insight.SharedWith.ShouldBe([stakeholder]);

        using var refused = await _admin.PostAsync($"/api/v1/insights/{ids[1]}/share", new { stakeholderIds = new[] { stakeholder } });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("1 insight was already shared with Throttled Travel in the last 30 days");

        using var overridden = await _admin.PostAsync($"/api/v1/insights/{ids[1]}/share",
            new { stakeholderIds = new[] { stakeholder }, overrideReason = "Their board meets tomorrow." });
        await overridden.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await overridden.ReadJsonAsync<ShareResult>()).Share.OverrideReason.ShouldBe("Their board meets tomorrow.");

        var usage = await _admin.GetJsonAsync<InsightLimitView>($"/api/v1/accounts/{accountId}/insight-limit");
        usage.SharedInLast30Days.ShouldBe(2);
        usage.NextSlotAt.ShouldNotBeNull();
    }
}

public sealed class InsightsApiTestsOnSqlite(SqliteApp app) : InsightsApiTests(app), IClassFixture<SqliteApp>;

public sealed class InsightsApiTestsOnPostgres(PostgresApp app) : InsightsApiTests(app), IClassFixture<PostgresApp>;
