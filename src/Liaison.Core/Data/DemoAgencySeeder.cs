using Liaison.Core.Access;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

public sealed record DemoSignIn(string Email, Role Role, string Who);

/// <summary>
/// Fills an empty database with a believable agency ("Northwind &amp; Pike") so the product can be
/// tried at once. Development only; production seeds nothing.
/// </summary>
public sealed partial class DemoAgencySeeder(IDbContextFactory<LiaisonDb> dbs, IPasswordHasher<LiaisonUser> hasher, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const string Password = "liaison-demo-2026";

    private static readonly (string Name, string Email, string Title, Role? Role)[] People =
    [
        ("Amira Haddad", "amira@northwind-pike.test", "Agency Lead", Role.Admin),
        ("Jonas Becker", "jonas@northwind-pike.test", "Senior Account Manager", Role.AccountManager),
        ("Clara Dufresne", "clara@northwind-pike.test", "Account Manager", Role.AccountManager),
        ("Mateo Alvarez", "mateo@northwind-pike.test", "Project Manager", Role.ProjectManager),
        ("Priya Raman", "priya@northwind-pike.test", "Project Manager", Role.ProjectManager),
        ("Tom Whitaker", "tom@northwind-pike.test", "Strategy Director", Role.TeamMember),
        ("Lena Novak", "lena@northwind-pike.test", "Senior Copywriter", Role.TeamMember),
        ("Kofi Mensah", "kofi@northwind-pike.test", "Art Director", null),
        ("Sofia Lindqvist", "sofia@northwind-pike.test", "UX Designer", null),
        ("Daniel Okafor", "daniel@northwind-pike.test", "Lead Developer", null),
        ("Hannah Roth", "hannah@northwind-pike.test", "Social Media Manager", null),
        ("Yuki Tanaka", "yuki@northwind-pike.test", "Media Planner", null),
    ];

    private static readonly (string Name, AccountStatus Status, AccountTier Tier, string Industry, int Manager, int[] Team, int StartMonthsAgo)[] Clients =
    [
        ("Harbourline Ferries", AccountStatus.Active, AccountTier.Strategic, "Transport & logistics", 1, [3, 5, 7, 9], 30),
        ("Verdant Foods", AccountStatus.Active, AccountTier.Key, "Food & beverage", 1, [4, 6, 10], 18),
        ("Alder & Finch Legal", AccountStatus.AtRisk, AccountTier.Key, "Professional services", 2, [3, 6], 26),
        ("Brightwell Energy", AccountStatus.Onboarding, AccountTier.Strategic, "Energy", 2, [4, 5, 8, 11], 1),
        ("Kestrel Outdoor", AccountStatus.Active, AccountTier.Standard, "Retail", 1, [3, 7, 10], 11),
        ("Mirabel Health", AccountStatus.OnHold, AccountTier.Standard, "Healthcare", 2, [4, 9], 14),
        ("Quayside Museum Trust", AccountStatus.Prospect, AccountTier.Small, "Arts & culture", 1, [5], 0),
        ("Solenne Cosmetics", AccountStatus.Churned, AccountTier.Small, "Beauty", 2, [6, 7], 36),
        ("Tidewater Bank", AccountStatus.Active, AccountTier.Strategic, "Financial services", 2, [3, 5, 8, 9, 11], 42),
    ];

    private static readonly (string Name, string Title, StakeholderRole[] Roles, int Influence, Support Support, int Strength, Channel Channel)[] StakeholderShapes =
    [
        ("Marketing Director", "Marketing Director", [StakeholderRole.Sponsor, StakeholderRole.DecisionMaker], 5, Support.Champion, 4, Channel.VideoCall),
        ("Head of Brand", "Head of Brand", [StakeholderRole.BusinessOwner], 4, Support.Supporter, 4, Channel.Email),
        ("Chief Financial Officer", "CFO", [StakeholderRole.DecisionMaker], 5, Support.Skeptic, 2, Channel.Email),
        ("Digital Manager", "Digital Manager", [StakeholderRole.User, StakeholderRole.Influencer], 3, Support.Supporter, 5, Channel.Chat),
        ("Procurement Lead", "Procurement Lead", [StakeholderRole.ProcurementLegal], 2, Support.Neutral, 2, Channel.Email),
        ("Head of Sales", "Head of Sales", [StakeholderRole.BusinessHead, StakeholderRole.Influencer], 4, Support.Detractor, 1, Channel.Phone),
    ];

    private static readonly string[] FirstNames = ["Olivia", "Rahul", "Grace", "Felix", "Ines", "Marcus", "Noor", "Elliot", "Zara", "Henrik", "Chloe", "Samuel"];
    private static readonly string[] LastNames = ["Whitfield", "Castellano", "Moreau", "Adeyemi", "Lindgren", "Kowalski", "Fairbairn", "Nakamura", "Ortega", "Brennan", "Osei", "Vasquez"];

    /// <summary>Seeds when the database has no users; returns the sign-ins, or nothing if it already had data.</summary>
    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(ct) || await db.Accounts.AnyAsync(ct))
        {
            return [];
        }

        var now = clock.UtcNowStorable();
        var today = DateOnly.FromDateTime(now);
        var signIns = new List<DemoSignIn>();

        // One hash for the shared demo password: hashing is deliberately slow.
        var passwordHash = hasher.HashPassword(new LiaisonUser(), Password);

        var staff = People.Select((p, i) => new StaffMember
        {
            FullName = p.Name, Email = p.Email, JobTitle = p.Title, Discipline = Disciplines[i], WeeklyCapacityMinutes = i == 0 ? 30 * 60 : 37 * 60 + 30,
        }).ToList();
        db.Staff.AddRange(staff);
        for (var i = 0; i < People.Length; i++)
        {
            if (People[i].Role is not { } role)
            {
                continue;
            }

            var user = NewUser(People[i].Email, People[i].Name, role, passwordHash, now);
            user.StaffId = staff[i].Id;
            staff[i].UserId = user.Id;
            db.Users.Add(user);
            signIns.Add(new DemoSignIn(user.Email!, role, $"{People[i].Name}, {People[i].Title}"));
        }

        var accounts = new List<Account>();
        var nameIndex = 0;
        foreach (var client in Clients)
        {
            var start = today.AddMonths(-client.StartMonthsAgo);
            // Contracts run in 24-month terms; a churned client's last term has ended.
            var end = start.AddMonths(24 * ((client.StartMonthsAgo / 24) + 1));
            if (client.Status == AccountStatus.Churned)
            {
                end = today.AddMonths(-2);
            }

            var account = new Account
            {
                Name = client.Name,
                Status = client.Status,
                Tier = client.Tier,
                Industry = client.Industry,
                Website = $"https://www.{Slug(client.Name)}.example",
                AccountManagerId = staff[client.Manager].Id,
                ContractStart = client.Status == AccountStatus.Prospect ? null : start,
                ContractEnd = client.Status == AccountStatus.Prospect ? null : end,
                RenewalDate = client.Status is AccountStatus.Prospect or AccountStatus.Churned ? null : end.AddMonths(-3),
                Notes = client.Status == AccountStatus.AtRisk ? "New CFO is reviewing all agency spend; keep reporting tight." : null,
            };
            accounts.Add(account);
            db.Accounts.Add(account);
            db.AccountTeamMembers.Add(new AccountTeamMember { AccountId = account.Id, StaffId = staff[client.Manager].Id, Role = TeamRole.AccountManager, AddedAt = now });
            foreach (var member in client.Team)
            {
                var role = member is 3 or 4 ? TeamRole.ProjectManager : member == 5 ? TeamRole.Strategist
                    : member is 9 ? TeamRole.Developer : member is 6 or 7 or 8 ? TeamRole.Creative : TeamRole.Specialist;
                db.AccountTeamMembers.Add(new AccountTeamMember { AccountId = account.Id, StaffId = staff[member].Id, Role = role, AddedAt = now });
            }

            var count = client.Tier is AccountTier.Strategic ? 6 : client.Tier is AccountTier.Key ? 5 : 3;
            foreach (var shape in StakeholderShapes.Take(count))
            {
                var first = FirstNames[nameIndex % FirstNames.Length];
                var last = LastNames[(nameIndex * 7 + 3) % LastNames.Length];
                nameIndex++;
                db.Stakeholders.Add(new Stakeholder
                {
                    AccountId = account.Id,
                    FullName = $"{first} {last}",
                    Title = shape.Title,
                    Email = $"{first}.{last}@{Slug(client.Name)}.example".ToLowerInvariant(),
                    Phone = $"+44 20 7946 0{nameIndex:D3}",
                    Roles = [.. shape.Roles],
                    Influence = shape.Influence,
                    Support = shape.Support,
                    RelationshipStrength = shape.Strength,
                    PreferredChannel = shape.Channel,
                    PortalAccess = shape.Roles.Contains(StakeholderRole.Sponsor),
                    Notes = shape.Support == Support.Detractor ? "Pushed for an in-house team last year; brief them early." : null,
                    LastTouchAt = now.AddDays(-(nameIndex * 5 % 60)),
                });
            }
        }

        // A client sign-in for the first account, so the portal view can be tried.
        var clientUser = NewUser("olivia@harbourline.example", "Olivia Whitfield", Role.Client, passwordHash, now);
        clientUser.ClientAccountId = accounts[0].Id;
        db.Users.Add(clientUser);
        signIns.Add(new DemoSignIn(clientUser.Email!, Role.Client, $"Olivia Whitfield, client at {accounts[0].Name}"));

        await db.SaveChangesAsync(ct);
        await SeedDeliveryAsync(db, staff, accounts, today, now, ct);
        await SeedRelationshipAsync(db, staff, accounts, now, ct);
        await SeedRisksAsync(db, staff, accounts, today, now, ct);
        await SeedDeliverablesAsync(db, staff, accounts, today, now, ct);
        return signIns;
    }

    private LiaisonUser NewUser(string email, string name, Role role, string passwordHash, DateTime now)
    {
        var user = LiaisonUser.Create(email, name, role, normalizer, now);
        user.PasswordHash = passwordHash;
        return user;
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
