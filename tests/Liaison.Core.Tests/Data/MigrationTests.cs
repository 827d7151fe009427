using Liaison.Core.Data;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Data;

/// <summary>Each provider's migrations must describe the model as it is now, or a deployment would miss a change.</summary>
public sealed class MigrationTests : DatabaseTest
{
    [Fact]
    public async Task SqliteMigrationsAreAppliedAndUpToDate()
    {
        await using var db = Database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void PostgresMigrationsAreUpToDate()
    {
        // Building the model needs no server; nothing here opens a connection.
        var options = new DbContextOptionsBuilder<LiaisonDb>();
        options.UseLiaisonDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        using var db = new LiaisonDb(options.Options);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
