using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Bench;

/// <summary>
/// Contexts on the bench database, built without a DI host. They carry none of the app's
/// interceptors: generated data is written as a whole, so it must neither fill the audit log nor
/// have its timestamps and versions restamped on save (the generator sets them itself).
/// </summary>
public static class BenchDatabase
{
    public static LiaisonDb Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<LiaisonDb>();
        options.UseLiaisonDatabase(provider, connectionString);
        return new LiaisonDb(options.Options);
    }
}

/// <summary>The app's services take a context factory; this one opens bench contexts.</summary>
public sealed class BenchDbFactory(DatabaseProvider provider, string connectionString) : IDbContextFactory<LiaisonDb>
{
    public LiaisonDb CreateDbContext() => BenchDatabase.Open(provider, connectionString);
}
