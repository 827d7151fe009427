using System.CommandLine;
using Liaison.Core.Data;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Infrastructure;

/// <summary>
/// Verbs of the same executable, run against the configured database instead of serving:
/// `migrate`, `seed-demo`, `create-admin`, `token create`.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-admin", "token", "--help", "-h", "-?"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("Liaison: run without arguments to serve the web app.");

        var migrate = new Command("migrate", "Apply the database migrations of the configured provider.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var db = await Factory(app).CreateDbContextAsync(ct);
            await DatabaseSetup.MigrateAsync(db, ct);
            Console.WriteLine($"Migrated the {db.Database.ProviderName} database.");
            return 0;
        });
        root.Add(migrate);

        var seed = new Command("seed-demo", "Seed the demo agency into an empty database and print its sign-ins.");
        seed.SetAction(async (_, ct) =>
        {
            await MigrateIfConfiguredAsync(app, ct);
            await using var scope = app.Services.CreateAsyncScope();

            var signIns = await scope.ServiceProvider.GetRequiredService<DemoAgencySeeder>().SeedAsync(ct);
            if (signIns.Count == 0)
            {
                Console.WriteLine("The database already has data; nothing was seeded.");
            }

            DatabaseStartup.PrintSignIns(signIns);
            return 0;
        });
        root.Add(seed);

        var email = new Option<string>("--email") { Description = "E-mail address of the user.", Required = true };
        var password = new Option<string>("--password") { Description = "Password, at least 12 characters.", Required = true };
        var createAdmin = new Command("create-admin", "Create an admin, or reset an existing user to admin with this password.") { email, password };
        createAdmin.SetAction(async (parse, ct) =>
        {
            await MigrateIfConfiguredAsync(app, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserService>()
                .CreateOrResetAdminAsync(parse.GetRequiredValue(email), parse.GetRequiredValue(password), ct);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync(Describe(result.Error));
                return 1;
            }

            Console.WriteLine($"Admin ready: {result.Value.Email}");
            return 0;
        });
        root.Add(createAdmin);

        var tokenEmail = new Option<string>("--email") { Description = "E-mail address of the token's user.", Required = true };
        var tokenName = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var tokenCreate = new Command("create", "Create a personal access token and print it (shown once).") { tokenEmail, tokenName };
        tokenCreate.SetAction(async (parse, ct) =>
        {
            await MigrateIfConfiguredAsync(app, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByEmailAsync(parse.GetRequiredValue(tokenEmail));
            if (user is null)
            {
                await Console.Error.WriteLineAsync("No user has that e-mail address.");
                return 1;
            }

            var result = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user.Id, parse.GetRequiredValue(tokenName), ct);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync(Describe(result.Error));
                return 1;
            }

            Console.WriteLine(result.Value.Token);
            return 0;
        });
        root.Add(new Command("token", "Personal access tokens.") { tokenCreate });

        return root.Parse(args).InvokeAsync();
    }

    /// <summary>Verbs that write work on a fresh database too, as the server would, unless migrations are left to an operator.</summary>
    private static async Task MigrateIfConfiguredAsync(WebApplication app, CancellationToken ct)
    {
        if (DatabaseSettings.From(app.Configuration).ApplyMigrationsOnStartup)
        {
            await using var db = await Factory(app).CreateDbContextAsync(ct);
            await DatabaseSetup.MigrateAsync(db, ct);
        }
    }

    private static IDbContextFactory<LiaisonDb> Factory(WebApplication app) => app.Services.GetRequiredService<IDbContextFactory<LiaisonDb>>();

    private static string Describe(Core.Common.Error error) =>
        error.Fields is { Count: > 0 } fields
            ? string.Join(Environment.NewLine, fields.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")))
            : error.Message;
}
