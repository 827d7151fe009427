using System.Text.Json;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Users;
using Liaison.Core.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Data;

public sealed class AuditTests : DatabaseTest
{
    [Fact]
    public async Task CreatingARecordLogsItsValuesAndTheActor()
    {
        var agency = await SeedAgencyAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var before = (await ReadAuditAsync()).Count;

        var created = (await Stakeholders.CreateAsync(agency.Manager, agency.Harbour,
            new StakeholderInput { FullName = "Grace Moreau", Support = Support.Champion, Influence = 5 }, Ct)).Value;

        var entry = (await ReadAuditAsync()).Skip(before).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Created);
        entry.EntityType.ShouldBe(nameof(Stakeholder));
        entry.EntityId.ShouldBe(created.Id.ToString());
        entry.AccountId.ShouldBe(agency.Harbour);
        entry.ActorId.ShouldBe(agency.Manager.UserId);
        entry.ActorName.ShouldBe("Jonas Becker");
        entry.At.ShouldBe(Clock.GetUtcNow().UtcDateTime);
        var changes = Changes(entry);
        changes["FullName"].GetProperty("new").GetString().ShouldBe("Grace Moreau");
        changes["Support"].GetProperty("new").GetString().ShouldBe("Champion");
        changes["Influence"].GetProperty("new").GetInt32().ShouldBe(5);
        changes.ShouldNotContainKey("Version");
        changes.ShouldNotContainKey("CreatedAt");
    }

    [Fact]
    public async Task ChangesAreReadableJsonWithoutTheKeys()
    {
        var agency = await SeedAgencyAsync();

        await Stakeholders.CreateAsync(agency.Manager, agency.Harbour,
            new StakeholderInput { FullName = "Zoë O'Brien & Co", Phone = "+44 20 7946 0000" }, Ct);

        var entry = (await ReadAuditAsync()).Last();
        entry.Changes.ShouldContain("+44 20 7946 0000");
        entry.Changes.ShouldContain("Zoë O'Brien & Co");
        var changes = Changes(entry);
        // The key and the owning account are the entry's own EntityId and AccountId columns.
        changes.ShouldNotContainKey("Id");
        changes.ShouldNotContainKey("AccountId");
    }

    [Fact]
    public async Task UpdatingARecordLogsOnlyTheChangedFieldsOldToNew()
    {
        var agency = await SeedAgencyAsync();
        var before = (await ReadAuditAsync()).Count;
        var input = AccountInput.From((await Accounts.GetAsync(agency.Admin, agency.Harbour, Ct)).Value);
        input.Status = AccountStatus.AtRisk;
        input.Name = "Harbourline Ferries Group";

        await Accounts.UpdateAsync(agency.Manager, agency.Harbour, 1, input, Ct);

        var entry = (await ReadAuditAsync()).Skip(before).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.ActorName.ShouldBe("Jonas Becker");
        var changes = Changes(entry);
        changes.Keys.ShouldBe(["Name", "Status"], ignoreOrder: true);
        changes["Status"].GetProperty("old").GetString().ShouldBe("Active");
        changes["Status"].GetProperty("new").GetString().ShouldBe("AtRisk");
        changes["Name"].GetProperty("old").GetString().ShouldBe("Harbourline Ferries");
    }

    [Fact]
    public async Task DeletingARecordLogsItsLastValues()
    {
        var agency = await SeedAgencyAsync();
        var id = await AddStakeholderAsync(agency.Harbour, "Grace Moreau", notes: "Keep close.");

        (await Stakeholders.DeleteAsync(agency.Admin, agency.Harbour, id, null, Ct)).IsSuccess.ShouldBeTrue();

        var entry = (await ReadAuditAsync()).Last();
        entry.Action.ShouldBe(AuditAction.Deleted);
        entry.EntityId.ShouldBe(id.ToString());
        entry.ActorName.ShouldBe("Amira Haddad");
        Changes(entry)["Notes"].GetProperty("old").GetString().ShouldBe("Keep close.");
    }

    [Fact]
    public async Task TheAuditEntryIsWrittenInTheSameSaveAsTheChange()
    {
        var agency = await SeedAgencyAsync();
        var before = (await ReadAuditAsync()).Count;
        // A save that fails takes its audit entry with it.
        Database.BeforeNextSave(async () =>
        {
            await using var other = Database.CreateDbContext();
            await other.Accounts.Where(a => a.Id == agency.Harbour).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, 7L), Ct);
        });

        var result = await Accounts.UpdateAsync(agency.Admin, agency.Harbour, 1, new AccountInput { Name = "Lost" }, Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await ReadAuditAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task WritesWithoutAnActorAreLoggedAsTheSystem()
    {
        await AddAccountAsync("Quayside Museum Trust");

        var entry = (await ReadAuditAsync()).ShouldHaveSingleItem();
        entry.ActorName.ShouldBe("system");
        entry.ActorId.ShouldBeNull();
    }

    [Fact]
    public async Task PasswordHashesAndSecurityStampsAreLoggedAsChangedButNeverTheirValues()
    {
        var agency = await SeedAgencyAsync();

        var created = (await Users.CreateAsync(agency.Admin,
            new NewUserInput { Email = "priya@agency.test", Password = "a long enough passphrase", Role = Role.TeamMember }, Ct)).Value;
        await Users.SetDisabledAsync(agency.Admin, created.Id, true, Ct);
        await Users.CreateOrResetAdminAsync("priya@agency.test", "another long passphrase", Ct);

        var stored = await ReadUserAsync(created.Id);
        var userEntries = (await ReadAuditAsync()).Where(a => a.EntityType == nameof(LiaisonUser) && a.EntityId == created.Id.ToString()).ToList();
        userEntries.Select(a => a.Action).ShouldBe([AuditAction.Created, AuditAction.Updated, AuditAction.Updated]);
        foreach (var entry in userEntries)
        {
            entry.Changes.ShouldNotContain(stored.PasswordHash!);
            entry.Changes.ShouldNotContain(stored.SecurityStamp!);
            entry.Changes.ShouldNotContain("passphrase");
        }

        Changes(userEntries[1])["IsDisabled"].GetProperty("new").GetBoolean().ShouldBeTrue();
        Changes(userEntries[2])["Role"].GetProperty("new").GetString().ShouldBe("Admin");
        Changes(userEntries[2])[nameof(LiaisonUser.PasswordHash)].GetString().ShouldBe("(changed)");
    }

    [Fact]
    public async Task ResettingAnAdminsPasswordIsAuditedEvenThoughNothingElseChanges()
    {
        await Users.CreateOrResetAdminAsync("root@agency.test", "first long passphrase", Ct);
        var before = (await ReadAuditAsync()).Count;

        await Users.CreateOrResetAdminAsync("root@agency.test", "second long passphrase", Ct);

        var entries = await ReadAuditAsync();
        entries.Count.ShouldBe(before + 1);
        var reset = entries.Last();
        reset.Action.ShouldBe(AuditAction.Updated);
        Changes(reset)[nameof(LiaisonUser.PasswordHash)].GetString().ShouldBe("(changed)");
        reset.Changes.ShouldNotContain("passphrase");
    }

    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteAuditEntries()
    {
        await AddAccountAsync("Quayside Museum Trust");
        await using var db = Database.CreateDbContext();

        var update = await Should.ThrowAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "ActorName" = 'someone else'""", Ct));
        var delete = await Should.ThrowAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """, Ct));
        var bulkDelete = await Should.ThrowAsync<SqliteException>(() => db.AuditEntries.ExecuteDeleteAsync(Ct));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        bulkDelete.Message.ShouldContain("append-only");
        (await ReadAuditAsync()).ShouldHaveSingleItem().ActorName.ShouldBe("system");
    }

    [Fact]
    public async Task AnAccountsHistoryIsForAdminsWhoCanSeeIt()
    {
        var agency = await SeedAgencyAsync();
        await Accounts.UpdateAsync(agency.Manager, agency.Harbour, 1, new AccountInput { Name = "Harbourline", AccountManagerId = agency.Manager.StaffId }, Ct);

        var asAdmin = (await Audit.ListForAccountAsync(agency.Admin, agency.Harbour, new PageRequest(), Ct)).Value;
        var asManager = await Audit.ListForAccountAsync(agency.Manager, agency.Harbour, new PageRequest(), Ct);
        var asOutsider = await Audit.ListForAccountAsync(agency.OffTeam, agency.Harbour, new PageRequest(), Ct);

        asAdmin.Items[0].Action.ShouldBe(AuditAction.Updated);
        asAdmin.Items.Select(a => a.EntityType).ShouldContain(nameof(Account));
        asAdmin.Items.Select(a => a.EntityType).ShouldContain(nameof(AccountTeamMember));
        asManager.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        asOutsider.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task ABudgetChangeIsLoggedFieldByFieldOnItsEngagement()
    {
        // The budget is a complex property of the engagement, stored in its row: its fields are logged
        // under the engagement, named "Budget.<field>", like any other column.
        var agency = await SeedAgencyAsync();
        var engagement = (await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput
        {
            AccountId = agency.Harbour, Name = "Rebrand", Type = EngagementType.FixedFee,
        }, Ct)).Value;
        var created = (await ReadAuditAsync()).Last(a => a.EntityType == nameof(Engagement));
        Changes(created)["Budget.Recognition"].GetProperty("new").GetString().ShouldBe("PercentComplete");
        var before = (await ReadAuditAsync()).Count;

        (await Budgets.UpdateAsync(agency.Manager, engagement.Id, null, new BudgetInput { FixedFee = 2_400_000 }, Ct)).IsSuccess.ShouldBeTrue();

        var entry = (await ReadAuditAsync()).Skip(before).ShouldHaveSingleItem();
        entry.EntityType.ShouldBe(nameof(Engagement));
        var changes = Changes(entry);
        changes.Keys.ShouldBe(["Budget.FixedFee"]);
        changes["Budget.FixedFee"].GetProperty("old").ValueKind.ShouldBe(JsonValueKind.Null);
        changes["Budget.FixedFee"].GetProperty("new").GetInt64().ShouldBe(2_400_000);
    }

    private static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;
}
