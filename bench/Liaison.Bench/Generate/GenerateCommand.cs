using System.Globalization;
using Liaison.Core.Data;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Bench.Generate;

/// <summary>
/// generate: migrates an empty database with the app's own migrations and fills it with a believable
/// agency of the chosen scale. Small tables go through EF; the big ones through the provider's bulk path.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scale = Scale.Parse(options.Required("scale"));
        var provider = options.Provider();
        var connectionString = options.Required("connection");
        var seed = options.Int("seed", 2026);
        var clock = new StepClock();
        Console.WriteLine($"Generating the {scale.Name} agency (seed {seed}) on {provider}.");

        await using var db = BenchDatabase.Open(provider, connectionString);
        await clock.TimeAsync("migrate", () => DatabaseSetup.MigrateAsync(db, ct));
        if (await db.Accounts.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("generate: the database already has accounts or users; generate fills only an empty database.");
            return 1;
        }

        var random = new SeededRandom(seed);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var agency = clock.Time("plan staff, accounts, engagements", () => AgencyGenerator.Create(
            scale, random, now, new PasswordHasher<LiaisonUser>(), new UpperInvariantLookupNormalizer()));

        await clock.TimeAsync("users, staff, accounts, engagements", async () => await SaveSmallTablesAsync(db, agency, ct),
            count => count);
        var interactions = clock.Time("plan interactions", () => RelationshipGenerator.Interactions(agency, scale, random));

        await using (var writer = await BulkWriter.OpenAsync(provider, db, connectionString, ct))
        {
            async Task Load<T>(string name, IEnumerable<T> rows)
                where T : class => await clock.TimeAsync(name, () => writer.WriteAsync(rows, ct), n => n);

            await Load("staff rates", agency.Rates);
            await Load("account teams", agency.Team);
            await Load("engagement members", agency.Engagements.SelectMany(e => e.Members));
            await Load("planned deliverables", agency.Engagements.SelectMany(e => e.Deliverables));
            await Load("milestones", agency.Engagements.SelectMany(e => e.Milestones));
            await Load("rate card lines", agency.RateCards);
            await Load("progress readings", agency.ProgressReadings);
            await Load("stakeholders", agency.Stakeholders);
            await Load("time entries", StepClock.Progress(TimeEntryGenerator.Generate(agency, random), "time entries", 500_000));
            await Load("interactions", interactions);
            await Load("interaction stakeholders", interactions.SelectMany(i => i.Stakeholders));
            await Load("commitments", RelationshipGenerator.Commitments(agency, scale, random));
            await clock.TimeAsync("time rollups", () => writer.ExecuteAsync(RollupBuilder.Sql(provider), ct), n => n);
            await clock.TimeAsync("commit", () => writer.CommitAsync(ct));
            await clock.TimeAsync("analyze", () => writer.ExecuteAsync("ANALYZE", ct));
            await writer.CommitAsync(ct);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded in {clock.Total.TotalSeconds:N1} s."));
        await PrintCountsAsync(db, ct);
        Console.WriteLine($"Sign in as the admin {AgencyGenerator.AdminEmail} with the password {AgencyGenerator.AdminPassword}.");
        return 0;
    }

    /// <summary>
    /// The tables of a few thousand rows, through EF (the engagement keeps its budget and hand-off in
    /// its own row). The engagements' children wait for the bulk writer, so EF saves the rows alone.
    /// </summary>
    private static async Task<long> SaveSmallTablesAsync(LiaisonDb db, Agency agency, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var children = agency.Engagements.ToDictionary(e => e.Id, e => (e.Members, e.Deliverables, e.Milestones));
        foreach (var engagement in agency.Engagements)
        {
            (engagement.Members, engagement.Deliverables, engagement.Milestones) = ([], [], []);
        }

        db.Users.AddRange(agency.Users);
        db.Staff.AddRange(agency.Staff);
        db.Accounts.AddRange(agency.Accounts);
        db.Engagements.AddRange(agency.Engagements);
        var saved = await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var engagement in agency.Engagements)
        {
            (engagement.Members, engagement.Deliverables, engagement.Milestones) = children[engagement.Id];
        }

        return saved;
    }

    private static async Task PrintCountsAsync(LiaisonDb db, CancellationToken ct)
    {
        (string Name, IQueryable<object> Rows)[] tables =
        [
            ("accounts", db.Accounts), ("stakeholders", db.Stakeholders), ("staff", db.Staff), ("staff rates", db.StaffRates),
            ("users", db.Users), ("account team members", db.AccountTeamMembers), ("engagements", db.Engagements),
            ("engagement members", db.EngagementMembers), ("time entries", db.TimeEntries), ("time rollups", db.TimeRollups),
            ("commitments", db.Commitments), ("interactions", db.Interactions), ("audit entries", db.AuditEntries),
        ];
        Console.WriteLine("Counts:");
        foreach (var (name, rows) in tables)
        {
            var count = await rows.LongCountAsync(ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {count,12:N0}"));
        }

        var statuses = await db.Engagements.GroupBy(e => new { e.Type, e.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() })
            .OrderBy(g => g.Type).ThenBy(g => g.Status).ToListAsync(ct);
        Console.WriteLine("  engagements by type and status: " +
            string.Join(", ", statuses.Select(s => $"{s.Type}/{s.Status} {s.Count}")));
    }
}
