using Liaison.Core.Access;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Recommendations;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Time;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Tests.Fixtures;

/// <summary>
/// A fresh migrated database per test, the real services over it, and short ways to arrange the
/// people and accounts a test needs. Arrangement writes straight to the database so that a test
/// of one service does not depend on another.
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    // Few iterations: hashing is deliberately slow, and these tests are not about its strength.
    protected static readonly IPasswordHasher<LiaisonUser> Hasher =
        new PasswordHasher<LiaisonUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    protected static readonly ILookupNormalizer Normalizer = new UpperInvariantLookupNormalizer();

    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected FakeClock Clock => Database.Clock;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected AccountService Accounts => new(Database, Clock);

    protected StakeholderService Stakeholders => new(Database, Clock);

    protected StaffService StaffDirectory => new(Database, Clock);

    protected UserService Users => new(Database, Hasher, Normalizer, Clock);

    protected TokenService Tokens => new(Database, Clock);

    protected AuditService Audit => new(Database);

    protected CurrentUserLoader Loader => new(Database);

    protected EngagementService Engagements => new(Database, Clock);

    protected HandOffService HandOffs => new(Database, Clock);

    protected BudgetService Budgets => new(Database, Clock);

    protected ChangeRequestService ChangeRequests => new(Database, Clock, new ClientRequestService(Database, Clock));

    protected TimeService Time => new(Database);

    protected ExpenseService Expenses => new(Database);

    protected MonthLockService MonthLocks => new(Database, Clock);

    protected ProfitabilityService Profitability => new(Database, Clock);

    protected WorkloadService Workload => new(Database, Clock);

    protected AccountPlanService Plans => new(Database);

    protected MeetingService Meetings => new(Database, Clock);

    protected CommitmentService Commitments => new(Database, Clock);

    protected CalendarFeedService CalendarFeeds => new(Database, Clock);

    protected RecommendationService Recommendations => new(Database, Clock);

    protected InsightService Insights => new(Database, Clock);

    protected InteractionService Interactions => new(Database, Clock);

    protected ReplyQueueService Replies => new(Database, Clock);

    protected SlaPolicyService SlaPolicies => new(Database);

    protected TriageService Triage => new(Database, Clock);

    protected RiskService Risks => new(Database, Clock);

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A staff member with a sign-in, as Core sees them when they call a service.</summary>
    protected async Task<CurrentUser> AddStaffUserAsync(string fullName, Role role)
    {
        var email = $"{fullName.Split(' ')[0].ToLowerInvariant()}@agency.test";
        var staff = new StaffMember { FullName = fullName, Email = email };
        var user = NewUser(email, fullName, role);
        user.StaffId = staff.Id;
        staff.UserId = user.Id;
        await using (var db = Database.CreateDbContext())
        {
            db.Staff.Add(staff);
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
        }

        return await LoadAsync(user.Id);
    }

    protected async Task<CurrentUser> AddClientUserAsync(string fullName, Guid accountId)
    {
        var user = NewUser($"{fullName.Split(' ')[0].ToLowerInvariant()}@client.test", fullName, Role.Client);
        user.ClientAccountId = accountId;
        await using (var db = Database.CreateDbContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
        }

        return await LoadAsync(user.Id);
    }

    /// <summary>An account whose team is the given staff; the first account manager among them manages it.</summary>
    protected async Task<Guid> AddAccountAsync(string name, params (CurrentUser Member, TeamRole Role)[] team)
    {
        var account = new Account
        {
            Name = name,
            Tier = AccountTier.Key,
            Notes = $"Internal: {name} is price-sensitive.",
            AccountManagerId = team.FirstOrDefault(t => t.Role == TeamRole.AccountManager).Member?.StaffId,
        };
        await using var db = Database.CreateDbContext();
        db.Accounts.Add(account);
        foreach (var (member, role) in team)
        {
            db.AccountTeamMembers.Add(new AccountTeamMember
            {
                AccountId = account.Id, StaffId = member.StaffId!.Value, Role = role, AddedAt = Clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(Ct);
        return account.Id;
    }

    protected async Task<Guid> AddStakeholderAsync(Guid accountId, string fullName, string? notes = null)
    {
        var person = new Stakeholder { AccountId = accountId, FullName = fullName, Notes = notes, Influence = 4 };
        await using var db = Database.CreateDbContext();
        db.Stakeholders.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Id;
    }

    protected async Task<Account> ReadAccountAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
    }

    protected async Task<LiaisonUser> ReadUserAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    protected async Task<List<AuditEntry>> ReadAuditAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    /// <summary>
    /// The agency most access tests need: Harbourline is run by Jonas (account manager) and Mateo
    /// (project manager); Lena is on Verdant's team only; each account has one client user.
    /// </summary>
    protected async Task<Agency> SeedAgencyAsync()
    {
        var admin = await AddStaffUserAsync("Amira Haddad", Role.Admin);
        var manager = await AddStaffUserAsync("Jonas Becker", Role.AccountManager);
        var projectManager = await AddStaffUserAsync("Mateo Alvarez", Role.ProjectManager);
        var offTeam = await AddStaffUserAsync("Lena Novak", Role.TeamMember);
        var harbour = await AddAccountAsync("Harbourline Ferries", (manager, TeamRole.AccountManager), (projectManager, TeamRole.ProjectManager));
        var verdant = await AddAccountAsync("Verdant Foods", (offTeam, TeamRole.Creative));
        var client = await AddClientUserAsync("Olivia Whitfield", harbour);
        var otherClient = await AddClientUserAsync("Rahul Castellano", verdant);
        return new Agency(admin, manager, projectManager, offTeam, client, otherClient, harbour, verdant);
    }

    private async Task<CurrentUser> LoadAsync(Guid userId) =>
        await Loader.LoadAsync(userId, Ct) ?? throw new InvalidOperationException("The user just added could not be loaded.");

    private LiaisonUser NewUser(string email, string fullName, Role role) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        UserName = email,
        NormalizedEmail = Normalizer.NormalizeEmail(email),
        NormalizedUserName = Normalizer.NormalizeName(email),
        FullName = fullName,
        Role = role,
        LockoutEnabled = true,
        PasswordHash = Hasher.HashPassword(new LiaisonUser(), "correct horse battery"),
        SecurityStamp = Guid.NewGuid().ToString("N"),
        CreatedAt = Clock.GetUtcNow().UtcDateTime,
    };
}

public sealed record Agency(
    CurrentUser Admin,
    CurrentUser Manager,
    CurrentUser ProjectManager,
    CurrentUser OffTeam,
    CurrentUser Client,
    CurrentUser OtherClient,
    Guid Harbour,
    Guid Verdant);
