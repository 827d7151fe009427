using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Liaison.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LiaisonDb>
{
    public LiaisonDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LiaisonDb>();
        options.UseLiaisonDatabase(DatabaseProvider.Sqlite, "Data Source=design.db");
        return new LiaisonDb(options.Options);
    }
}
