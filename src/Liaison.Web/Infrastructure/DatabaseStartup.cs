using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Migrates (unless turned off) and, in Development, seeds the demo agency and prints its sign-ins.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = DatabaseSettings.From(app.Configuration);
        await using var scope = app.Services.CreateAsyncScope();
        if (settings.ApplyMigrationsOnStartup)
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LiaisonDb>>().CreateDbContextAsync();
            await DatabaseSetup.MigrateAsync(db);
        }

        if (settings.SeedDemoData ?? app.Environment.IsDevelopment())
        {
            var signIns = await scope.ServiceProvider.GetRequiredService<DemoAgencySeeder>().SeedAsync(CancellationToken.None);
            PrintSignIns(signIns);
        }
    }

    public static void PrintSignIns(IReadOnlyList<DemoSignIn> signIns)
    {
        if (signIns.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Demo agency seeded. Sign in at http://localhost:5080 with any of these (password: " + DemoAgencySeeder.Password + "):");
        foreach (var signIn in signIns)
        {
            Console.WriteLine($"  {signIn.Role,-15} {signIn.Email,-32} {signIn.Who}");
        }

        Console.WriteLine();
    }
}
