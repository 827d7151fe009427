using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Liaison.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LiaisonDb>
{
    public LiaisonDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<LiaisonDb>();
        options.UseLiaisonDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=liaison_design");
        return new LiaisonDb(options.Options);
    }
}
