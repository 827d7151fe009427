using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Accounts;

/// <summary>/api/v1/accounts: lists, creation, validation, optimistic concurrency and archiving.</summary>
public abstract class AccountsApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    [Fact]
    public async Task ListPagesThroughEveryMatchWithoutRepeatsAsync()
    {
        var tag = UniqueTag();
        var names = Enumerable.Range(1, 5).Select(i => $"{tag} Paged {i}").ToList();
        foreach (var name in names)
        {
            await CreateAsync(new { name });
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var url = $"/api/v1/accounts?search={tag}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await _admin.GetJsonAsync<Page<AccountSummary>>(url);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(a => a.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        seen.ShouldBe(names, "Every account once, in name order.");
    }

    [Fact]
    public async Task LastPageHasNoNextCursorAsync()
    {
        var tag = UniqueTag();
        await CreateAsync(new { name = $"{tag} Only" });

        var page = await _admin.GetJsonAsync<Page<AccountSummary>>($"/api/v1/accounts?search={tag}&limit=1");

        page.Items.Count.ShouldBe(1);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task FiltersBySearchStatusAndTierAsync()
    {
        var tag = UniqueTag();
        await CreateAsync(new { name = $"{tag} Risky Key", status = "AtRisk", tier = "Key" });
        await CreateAsync(new { name = $"{tag} Risky Small", status = "AtRisk", tier = "Small" });
        await CreateAsync(new { name = $"{tag} Calm Key", status = "Active", tier = "Key" });
        await CreateAsync(new { name = "Unrelated", industry = $"{tag} Shipping" });

        (await NamesAsync($"search={tag}&status=AtRisk")).ShouldBe([$"{tag} Risky Key", $"{tag} Risky Small"]);
        (await NamesAsync($"search={tag}&tier=Key")).ShouldBe([$"{tag} Calm Key", $"{tag} Risky Key"]);
        (await NamesAsync($"search={tag}&status=AtRisk&tier=Key")).ShouldBe([$"{tag} Risky Key"]);
        (await NamesAsync($"search={tag.ToUpperInvariant()} SHIPPING")).ShouldBe(["Unrelated"], "Search matches the industry too, ignoring case.");
    }

    [Fact]
    public async Task SortsByTierInDeclaredOrderAndByNameDescendingAsync()
    {
        var tag = UniqueTag();
        await CreateAsync(new { name = $"{tag} A", tier = "Small" });
        await CreateAsync(new { name = $"{tag} B", tier = "Strategic" });
        await CreateAsync(new { name = $"{tag} C", tier = "Key" });

        (await NamesAsync($"search={tag}&sort=Tier")).ShouldBe([$"{tag} B", $"{tag} C", $"{tag} A"]);
        (await NamesAsync($"search={tag}&sort=Name&descending=true")).ShouldBe([$"{tag} C", $"{tag} B", $"{tag} A"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task RejectsBadPagingAsync(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/v1/accounts?{query}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task CreateWithOnlyANameUsesTheDefaultsAsync()
    {
        using var response = await _admin.PostAsync("/api/v1/accounts", new { name = "Defaults Ltd" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<AccountDetails>();
        response.Headers.Location?.ToString().ShouldBe($"/api/v1/accounts/{created.Id}");
        response.ETag().ShouldBe("\"1\"");
        created.Name.ShouldBe("Defaults Ltd");
        created.Status.ShouldBe(AccountStatus.Active);
        created.Tier.ShouldBe(AccountTier.Standard);
        created.Version.ShouldBe(1);
        created.ArchivedAt.ShouldBeNull();

        var fetched = await _admin.GetJsonAsync<AccountDetails>(response.Headers.Location!.ToString());
        fetched.ShouldBe(created);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   "}""")]
    public async Task CreateWithoutANameIsAValidationProblemAsync(string body)
    {
        using var response = await _admin.PostAsync("/api/v1/accounts", ApiClient.RawJson(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("name").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ContractEndingBeforeItStartsIsAValidationProblemAsync()
    {
        using var response = await _admin.PostAsync("/api/v1/accounts",
            new { name = "Backwards Inc", contractStart = "2026-06-01", contractEnd = "2026-01-31" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("contractEnd").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("""{"name":"Enum Co","status":"Sleeping"}""")]
    [InlineData("""{"name":"Enum Co","tier":42}""")]
    [InlineData("""{"name":"Enum Co","tier":"42"}""")]
    [InlineData("""{"name":"Broken""")]
    public async Task MalformedJsonIsABadRequestProblemNotAServerErrorAsync(string body)
    {
        using var response = await _admin.PostAsync("/api/v1/accounts", ApiClient.RawJson(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetAnswersWithTheVersionAsETagAsync()
    {
        var account = await CreateAsync(new { name = "Tagged Co" });

        using var response = await _admin.GetAsync($"/api/v1/accounts/{account.Id}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.ETag().ShouldBe("\"1\"");
    }

    [Fact]
    public async Task UpdateWithoutIfMatchIsPreconditionRequiredAndChangesNothingAsync()
    {
        var account = await CreateAsync(new { name = "Unguarded Co" });

        using var response = await _admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Renamed" });

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        (await GetAsync(account.Id)).ShouldBe(account);
    }

    [Fact]
    public async Task UpdateWithAStaleIfMatchIsPreconditionFailedAndChangesNothingAsync()
    {
        var account = await CreateAsync(new { name = "Raced Co" });
        using (var first = await _admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "First edit" }, ifMatch: "\"1\""))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        using var second = await _admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Second edit" }, ifMatch: "\"1\"");

        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await GetAsync(account.Id)).Name.ShouldBe("First edit");
    }

    [Fact]
    public async Task UpdateWithTheCurrentIfMatchSavesAndAnswersTheNewETagAsync()
    {
        var account = await CreateAsync(new { name = "Current Co" });

        using var response = await _admin.PutAsync($"/api/v1/accounts/{account.Id}",
            new { name = "Current Co Renamed", status = "AtRisk", tier = "Key", industry = "Energy" }, ifMatch: "\"1\"");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.ETag().ShouldBe("\"2\"");
        var updated = await response.ReadJsonAsync<AccountDetails>();
        updated.Version.ShouldBe(2);
        updated.Name.ShouldBe("Current Co Renamed");
        updated.Status.ShouldBe(AccountStatus.AtRisk);
        updated.Tier.ShouldBe(AccountTier.Key);
        (await GetAsync(account.Id)).ShouldBe(updated);
    }

    [Fact]
    public async Task UpdateIsValidatedLikeCreateAsync()
    {
        var account = await CreateAsync(new { name = "Valid Co" });

        using var response = await _admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "" }, ifMatch: "\"1\"");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("name").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task DeleteArchivesTheAccountOutOfTheDefaultListAsync()
    {
        var tag = UniqueTag();
        var account = await CreateAsync(new { name = $"{tag} Archived" });

        using var response = await _admin.DeleteAsync($"/api/v1/accounts/{account.Id}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await NamesAsync($"search={tag}")).ShouldBeEmpty();
        var withArchived = await _admin.GetJsonAsync<Page<AccountSummary>>($"/api/v1/accounts?search={tag}&includeArchived=true");
        withArchived.Items.ShouldHaveSingleItem().ArchivedAt.ShouldNotBeNull();
        (await GetAsync(account.Id)).ArchivedAt.ShouldNotBeNull("An archived account keeps its page and history.");
    }

    [Fact]
    public async Task RestoreBringsAnArchivedAccountBackAsync()
    {
        var tag = UniqueTag();
        var account = await CreateAsync(new { name = $"{tag} Restored" });
        using (var archived = await _admin.DeleteAsync($"/api/v1/accounts/{account.Id}"))
        {
            await archived.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        using var response = await _admin.PostAsync($"/api/v1/accounts/{account.Id}/restore");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await NamesAsync($"search={tag}")).ShouldBe([$"{tag} Restored"]);
    }

    [Fact]
    public async Task ClientsSeeTheirAccountWithoutInternalFieldsAsync()
    {
        var asClient = await app.ClientFor(Principal.ClientOfA).GetJsonAsync<AccountDetails>($"/api/v1/accounts/{app.World.AccountA}");
        var asStaff = await app.ClientFor(Principal.ManagerOnTeam).GetJsonAsync<AccountDetails>($"/api/v1/accounts/{app.World.AccountA}");

        asClient.Name.ShouldBe(World.AccountAName);
        asClient.Tier.ShouldBeNull();
        asClient.Notes.ShouldBeNull();
        asStaff.Tier.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(Principal.Admin, true, true)]
    [InlineData(Principal.ManagerOnTeam, true, false)]
    [InlineData(Principal.ManagerOffTeam, false, false)]
    [InlineData(Principal.TeamMemberOnTeam, true, false)]
    [InlineData(Principal.ClientOfA, true, false)]
    [InlineData(Principal.ClientOfB, false, true)]
    public async Task ListShowsOnlyTheAccountsTheCallerMaySeeAsync(Principal caller, bool seesA, bool seesB)
    {
        var page = await app.ClientFor(caller).GetJsonAsync<Page<AccountSummary>>("/api/v1/accounts?limit=200");
        var ids = page.Items.Select(a => a.Id).ToList();

        ids.Contains(app.World.AccountA).ShouldBe(seesA);
        ids.Contains(app.World.AccountB).ShouldBe(seesB);
    }

    private static string UniqueTag() => $"T{Guid.NewGuid():N}"[..12];

    private async Task<AccountDetails> CreateAsync(object body)
    {
        using var response = await _admin.PostAsync("/api/v1/accounts", body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<AccountDetails>();
    }

    private Task<AccountDetails> GetAsync(Guid id) => _admin.GetJsonAsync<AccountDetails>($"/api/v1/accounts/{id}");

    private async Task<List<string>> NamesAsync(string query) =>
        [.. (await _admin.GetJsonAsync<Page<AccountSummary>>($"/api/v1/accounts?{query}")).Items.Select(a => a.Name)];
}

public sealed class AccountsApiTestsOnSqlite(SqliteApp app) : AccountsApiTests(app), IClassFixture<SqliteApp>;

public sealed class AccountsApiTestsOnPostgres(PostgresApp app) : AccountsApiTests(app), IClassFixture<PostgresApp>;
