using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Data;

public sealed class VersioningTests : DatabaseTest
{
    [Fact]
    public async Task EachUpdateBumpsTheVersionAndStampsTheTime()
    {
        var agency = await SeedAgencyAsync();
        var created = Clock.GetUtcNow().UtcDateTime;
        Clock.Advance(TimeSpan.FromHours(1));

        var first = (await Accounts.UpdateAsync(agency.Admin, agency.Harbour, 1, Input("Harbourline 2"), Ct)).Value;
        Clock.Advance(TimeSpan.FromHours(1));
        var second = (await Accounts.UpdateAsync(agency.Admin, agency.Harbour, 2, Input("Harbourline 3"), Ct)).Value;

        first.Version.ShouldBe(2);
        second.Version.ShouldBe(3);
        second.CreatedAt.ShouldBe(created);
        second.UpdatedAt.ShouldBe(created.AddHours(2));
        second.UpdatedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task StampsKeepOnlyTheMicrosecondsPostgreSqlStores()
    {
        var agency = await SeedAgencyAsync();
        // 3 ticks past a microsecond: PostgreSQL would drop them, so a returned time would differ from a re-read one.
        Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond * 7 + 3));

        var created = (await Stakeholders.CreateAsync(agency.Admin, agency.Harbour, new StakeholderInput { FullName = "Iris Brennan" }, Ct)).Value;

        (created.CreatedAt.Ticks % TimeSpan.TicksPerMicrosecond).ShouldBe(0);
        created.CreatedAt.ShouldBe(Clock.GetUtcNow().UtcDateTime.AddTicks(-3));
    }

    [Fact]
    public async Task ASaveThatChangesNothingKeepsTheVersion()
    {
        var agency = await SeedAgencyAsync();
        var current = (await Accounts.GetAsync(agency.Admin, agency.Harbour, Ct)).Value;

        var result = (await Accounts.UpdateAsync(agency.Admin, agency.Harbour, 1, AccountInput.From(current), Ct)).Value;

        result.Version.ShouldBe(1);
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndChangesNothing()
    {
        var agency = await SeedAgencyAsync();
        await Accounts.UpdateAsync(agency.Admin, agency.Harbour, 1, Input("Theirs"), Ct);

        var result = await Accounts.UpdateAsync(agency.Manager, agency.Harbour, 1, Input("Mine"), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        var stored = await ReadAccountAsync(agency.Harbour);
        stored.Name.ShouldBe("Theirs");
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task AStaleVersionOnStakeholderUpdateAndDeleteIsRefused()
    {
        var agency = await SeedAgencyAsync();
        var id = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        await Stakeholders.UpdateAsync(agency.Admin, agency.Harbour, id, 1, new StakeholderInput { FullName = "Grace Moreau-Ortega" }, Ct);

        var update = await Stakeholders.UpdateAsync(agency.Manager, agency.Harbour, id, 1, new StakeholderInput { FullName = "G. Moreau" }, Ct);
        var delete = await Stakeholders.DeleteAsync(agency.Manager, agency.Harbour, id, 1, Ct);

        update.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        delete.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await Stakeholders.GetAsync(agency.Admin, agency.Harbour, id, Ct)).Value.FullName.ShouldBe("Grace Moreau-Ortega");
    }

    [Fact]
    public async Task ASaveRacingAnotherOneBetweenReadAndWriteIsStale()
    {
        var agency = await SeedAgencyAsync();
        // Someone else's save lands after the service has read version 1 and checked it.
        Database.BeforeNextSave(async () =>
        {
            await using var other = Database.CreateDbContext();
            var account = await other.Accounts.SingleAsync(a => a.Id == agency.Harbour, Ct);
            account.Name = "Saved first";
            await other.SaveChangesAsync(Ct);
        });

        var result = await Accounts.UpdateAsync(agency.Manager, agency.Harbour, 1, Input("Saved second"), Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        var stored = await ReadAccountAsync(agency.Harbour);
        stored.Name.ShouldBe("Saved first");
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task TwoContextsSavingTheSameVersionLoseTheSecondSave()
    {
        var agency = await SeedAgencyAsync();
        await using var first = Database.CreateDbContext();
        await using var second = Database.CreateDbContext();
        var mine = await first.Accounts.SingleAsync(a => a.Id == agency.Harbour, Ct);
        var theirs = await second.Accounts.SingleAsync(a => a.Id == agency.Harbour, Ct);

        mine.Name = "First";
        await first.SaveChangesAsync(Ct);
        theirs.Name = "Second";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        theirs.Name = "Second again";
        (await second.TrySaveAsync("The account", Ct))!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await ReadAccountAsync(agency.Harbour)).Name.ShouldBe("First");
    }

    [Fact]
    public async Task NewRecordsStartAtVersionOneWhateverTheCallerSet()
    {
        await using var db = Database.CreateDbContext();
        var account = new Account { Name = "Fresh", Version = 42 };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);

        account.Version.ShouldBe(1);
        account.CreatedAt.ShouldBe(Clock.GetUtcNow().UtcDateTime);
        account.UpdatedAt.ShouldBe(account.CreatedAt);
    }

    private static AccountInput Input(string name) => new() { Name = name, Tier = AccountTier.Key };
}
