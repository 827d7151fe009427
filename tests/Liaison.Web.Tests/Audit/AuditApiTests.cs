using System.Net;
using System.Text.Json;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Tests.Audit;

/// <summary>/api/v1/accounts/{id}/audit and the audit table: who changed what, kept for good.</summary>
public abstract class AuditApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    [Fact]
    public async Task CreatingAndUpdatingAnAccountIsLoggedWithTheChangedFieldsAsync()
    {
        var name = $"Audited {Guid.NewGuid():N}";
        using var created = await _admin.PostAsync("/api/v1/accounts", new { name, status = "Prospect" });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var account = await created.ReadJsonAsync<AccountDetails>();
        using (var updated = await _admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = name + " Renamed", status = "Active" }, ifMatch: "\"1\""))
        {
            await updated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var log = await _admin.GetJsonAsync<Page<AuditView>>($"/api/v1/accounts/{account.Id}/audit");

        var entries = log.Items.Where(e => e.EntityType == "Account" && e.EntityId == account.Id.ToString()).ToList();
        entries.Select(e => e.Action).ShouldBe([AuditAction.Updated, AuditAction.Created], "Newest first.");
        entries.ShouldAllBe(e => e.ActorName == "ada.admin");

        var creation = entries[1].Changes;
        creation.GetProperty("Name").GetProperty("new").GetString().ShouldBe(name);
        creation.GetProperty("Status").GetProperty("new").GetString().ShouldBe("Prospect");

        var update = entries[0].Changes;
        ShouldBeChange(update, "Name", name, name + " Renamed");
        ShouldBeChange(update, "Status", "Prospect", "Active");
        update.TryGetProperty("Tier", out _).ShouldBeFalse("Only changed fields are logged.");
        update.TryGetProperty("Version", out _).ShouldBeFalse("Bookkeeping is not logged.");
    }

    [Fact]
    public async Task OnlyAdminsReadTheAuditLogAsync()
    {
        using var teamManager = await app.ClientFor(Principal.ManagerOnTeam).GetAsync($"/api/v1/accounts/{app.World.AccountA}/audit");
        using var offTeam = await app.ClientFor(Principal.ManagerOffTeam).GetAsync($"/api/v1/accounts/{app.World.AccountA}/audit");

        await teamManager.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await offTeam.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "ActorName" = 'someone else'""")]
    [InlineData("""DELETE FROM "AuditEntries" """)]
    public async Task TheAuditTableRefusesUpdatesAndDeletesAsync(string sql)
    {
        await using var db = await app.OpenDbAsync();
        var ct = TestContext.Current.CancellationToken;
        var before = await db.AuditEntries.CountAsync(ct);
        before.ShouldBeGreaterThan(0, "Seeding wrote audit entries, so the statement has rows to touch.");

        var error = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, ct));

        error.Message.ShouldContain("append-only");
        (await db.AuditEntries.CountAsync(ct)).ShouldBe(before);
        (await db.AuditEntries.CountAsync(e => e.ActorName == "someone else", ct)).ShouldBe(0);
    }

    private static void ShouldBeChange(JsonElement changes, string field, string oldValue, string newValue)
    {
        changes.TryGetProperty(field, out var change).ShouldBeTrue($"{field} is missing from {changes}");
        change.GetProperty("old").GetString().ShouldBe(oldValue);
        change.GetProperty("new").GetString().ShouldBe(newValue);
    }
}

public sealed class AuditApiTestsOnSqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuditApiTestsOnPostgres(PostgresApp app) : AuditApiTests(app), IClassFixture<PostgresApp>;
