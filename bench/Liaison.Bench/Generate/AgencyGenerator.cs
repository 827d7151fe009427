using Liaison.Core.Access;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Bench.Generate;

/// <summary>Staff with their rates and sign-ins, accounts with their stakeholders: the people of the agency.</summary>
public static partial class AgencyGenerator
{
    public const string AdminEmail = "bench-admin@liaison.test";
    public const string AdminPassword = "bench-admin-2026";

    // About the mix of a mid-sized agency: designers and developers the most, a tenth in account management.
    private static readonly Discipline[] DisciplineCycle =
    [
        Discipline.Account, Discipline.Project, Discipline.Design, Discipline.Development, Discipline.Copy, Discipline.Strategy,
        Discipline.Account, Discipline.Project, Discipline.Design, Discipline.Development, Discipline.Social, Discipline.Media,
        Discipline.Design, Discipline.Development, Discipline.Copy, Discipline.Project, Discipline.Design, Discipline.Other,
    ];

    /// <summary>Cost per hour in cents for a mid-level person of the discipline; seniority and markup vary around it.</summary>
    private static long BaseCost(Discipline discipline) => discipline switch
    {
        Discipline.Account => 6500,
        Discipline.Project => 6000,
        Discipline.Strategy => 7500,
        Discipline.Development => 7000,
        Discipline.Design => 5500,
        Discipline.Copy => 5200,
        _ => 4800,
    };

    private static string Title(Discipline discipline, bool senior) => (discipline, senior) switch
    {
        (Discipline.Account, true) => "Senior Account Manager",
        (Discipline.Account, false) => "Account Manager",
        (Discipline.Project, _) => senior ? "Senior Project Manager" : "Project Manager",
        (Discipline.Strategy, _) => senior ? "Strategy Director" : "Strategist",
        (Discipline.Development, _) => senior ? "Lead Developer" : "Developer",
        (Discipline.Design, _) => senior ? "Art Director" : "Designer",
        (Discipline.Copy, _) => senior ? "Senior Copywriter" : "Copywriter",
        (Discipline.Social, _) => "Social Media Manager",
        (Discipline.Media, _) => "Media Planner",
        _ => "Producer",
    };

    public static Agency Create(Scale scale, SeededRandom random, DateTime now, IPasswordHasher<LiaisonUser> hasher, ILookupNormalizer normalizer)
    {
        var staff = CreateStaff(scale, random, now);
        // Hashing is deliberately slow: one hash serves every bench sign-in.
        var passwordHash = hasher.HashPassword(new LiaisonUser(), AdminPassword);
        var admin = NewUser(AdminEmail, "Bench Admin", Role.Admin, staff[0], passwordHash, normalizer, now, random);
        var agency = new Agency { Now = now, Admin = admin };
        agency.Staff.AddRange(staff);
        agency.Users.Add(admin);
        foreach (var manager in staff.Skip(1).Where(s => s.Discipline == Discipline.Account).Take(Math.Max(2, scale.Staff / 50)))
        {
            agency.Users.Add(NewUser(manager.Email, manager.FullName, Role.AccountManager, manager, passwordHash, normalizer, now, random));
        }

        AddRates(agency, random);
        AddAccounts(agency, scale, random);
        AddStakeholders(agency, scale, random);
        AddEngagements(agency, scale, random);
        return agency;
    }

    private static List<StaffMember> CreateStaff(Scale scale, SeededRandom random, DateTime now)
    {
        var hired = now.AddYears(-Scale.Years).AddMonths(-2);
        var staff = new List<StaffMember>();
        for (var i = 0; i < scale.Staff; i++)
        {
            var discipline = DisciplineCycle[i % DisciplineCycle.Length];
            var name = Names.Person(i);
            staff.Add(new StaffMember
            {
                Id = random.NextId(hired),
                FullName = name,
                Email = $"{Names.Slug(name)}.{i + 1}@bench-agency.test",
                JobTitle = i == 0 ? "Agency Lead" : Title(discipline, random.Chance(0.3)),
                Discipline = discipline,
                WeeklyCapacityMinutes = random.Chance(0.1) ? 30 * 60 : 37 * 60 + 30,
                IsActive = i < 3 || random.Chance(0.96),
                CreatedAt = hired,
                UpdatedAt = hired,
            });
        }

        return staff;
    }

    private static LiaisonUser NewUser(
        string email, string name, Role role, StaffMember staff, string passwordHash, ILookupNormalizer normalizer, DateTime now, SeededRandom random)
    {
        var user = LiaisonUser.Create(email, name, role, normalizer, now);
        user.Id = random.NextId(now);
        user.PasswordHash = passwordHash;
        user.StaffId = staff.Id;
        staff.UserId = user.Id;
        return user;
    }

    /// <summary>A starting rate from before the first day of time, then a raise or two a year, as a real rate history has.</summary>
    private static void AddRates(Agency agency, SeededRandom random)
    {
        foreach (var person in agency.Staff)
        {
            var cost = (long)Math.Round(BaseCost(person.Discipline) * (0.8 + (0.5 * random.NextDouble())) / 100) * 100;
            var markup = 2.0 + (0.4 * random.NextDouble());
            var from = agency.FirstDay.AddMonths(-1);
            while (from <= agency.Today)
            {
                agency.Rates.Add(new StaffRate
                {
                    Id = random.NextId(agency.Now),
                    StaffId = person.Id,
                    EffectiveFrom = from,
                    CostRate = cost,
                    BillRate = (long)Math.Round(cost * markup / 500) * 500,
                    CreatedAt = agency.Now,
                });
                from = from.AddDays(random.Next(150, 420));
                cost = (long)Math.Round(cost * (1.02 + (0.06 * random.NextDouble())) / 50) * 50;
            }
        }
    }

    private static void AddAccounts(Agency agency, Scale scale, SeededRandom random)
    {
        var managers = agency.Staff.Where(s => s.Discipline == Discipline.Account).ToList();
        agency.AccountWeights = SeededRandom.Zipf(scale.Accounts, 0.8);
        for (var rank = 0; rank < scale.Accounts; rank++)
        {
            var share = (double)rank / scale.Accounts;
            var tier = share < 0.05 ? AccountTier.Strategic : share < 0.2 ? AccountTier.Key : share < 0.7 ? AccountTier.Standard : AccountTier.Small;
            // Big clients are the agency's steady ones; the tail holds the prospects, the churned and the wobbly.
            var status = rank < Math.Max(3, scale.Accounts / 10) ? AccountStatus.Active : random.Next(100) switch
            {
                < 66 => AccountStatus.Active,
                < 74 => AccountStatus.AtRisk,
                < 79 => AccountStatus.Onboarding,
                < 84 => AccountStatus.OnHold,
                < 92 => AccountStatus.Churned,
                _ => AccountStatus.Prospect,
            };
            if (status == AccountStatus.Prospect)
            {
                agency.AccountWeights[rank] = 0;
            }

            var start = status == AccountStatus.Onboarding ? agency.Today.AddDays(-random.Next(10, 90))
                : agency.FirstDay.AddDays(-random.Next(0, 400));
            var end = status == AccountStatus.Churned ? agency.Today.AddDays(-random.Next(30, 400)) : start.AddYears(((agency.Today.DayNumber - start.DayNumber) / 365) + 1);
            var createdAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(-30);
            var name = Names.Company(rank);
            var manager = managers[rank % managers.Count];
            var account = new Account
            {
                Id = random.NextId(createdAt),
                Name = name,
                Status = status,
                Tier = tier,
                Industry = Names.Industries[rank % Names.Industries.Length],
                Website = $"https://www.{Names.Slug(name)}.example",
                AccountManagerId = manager.Id,
                ContractStart = status == AccountStatus.Prospect ? null : start,
                ContractEnd = status == AccountStatus.Prospect ? null : end,
                RenewalDate = status is AccountStatus.Prospect or AccountStatus.Churned ? null : end.AddMonths(-3),
                Notes = status == AccountStatus.AtRisk ? "Spend is under review on the client side; keep reporting tight." : null,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            agency.Accounts.Add(account);
            agency.Team.Add(new AccountTeamMember { AccountId = account.Id, StaffId = manager.Id, Role = TeamRole.AccountManager, AddedAt = createdAt });
        }
    }

    private static readonly (string Title, StakeholderRole[] Roles, int Influence)[] StakeholderShapes =
    [
        ("Marketing Director", [StakeholderRole.Sponsor, StakeholderRole.DecisionMaker], 5),
        ("Head of Brand", [StakeholderRole.BusinessOwner], 4),
        ("Chief Financial Officer", [StakeholderRole.DecisionMaker], 5),
        ("Digital Manager", [StakeholderRole.User, StakeholderRole.Influencer], 3),
        ("Procurement Lead", [StakeholderRole.ProcurementLegal], 2),
        ("Head of Sales", [StakeholderRole.BusinessHead, StakeholderRole.Influencer], 4),
        ("Marketing Manager", [StakeholderRole.User], 3),
        ("Content Lead", [StakeholderRole.User], 2),
        ("Product Owner", [StakeholderRole.BusinessOwner, StakeholderRole.User], 3),
    ];

    private static readonly Channel[] Channels = Enum.GetValues<Channel>();

    private static readonly Support[] Supports = [Support.Champion, Support.Supporter, Support.Supporter, Support.Neutral, Support.Neutral, Support.Skeptic, Support.Detractor];

    /// <summary>At least two people per client, more for the big ones; the first is the sponsor.</summary>
    private static void AddStakeholders(Agency agency, Scale scale, SeededRandom random)
    {
        var perAccount = SeededRandom.Apportion(scale.Stakeholders, [.. agency.AccountWeights.Select(w => Math.Sqrt(w) + 0.3)], minimum: 2);
        var person = 0;
        for (var a = 0; a < agency.Accounts.Count; a++)
        {
            var account = agency.Accounts[a];
            for (var i = 0; i < perAccount[a]; i++)
            {
                var shape = StakeholderShapes[i % StakeholderShapes.Length];
                var name = Names.Person(person + 5);
                person++;
                var createdAt = account.CreatedAt.AddDays(random.Next(0, 60));
                agency.Stakeholders.Add(new Stakeholder
                {
                    Id = random.NextId(createdAt),
                    AccountId = account.Id,
                    FullName = name,
                    Title = shape.Title,
                    Email = $"{Names.Slug(name)}.{person}@{Names.Slug(account.Name)}.example",
                    Phone = $"+44 20 7946 {person % 10_000:D4}",
                    Roles = [.. shape.Roles],
                    Influence = shape.Influence,
                    Support = random.Pick(Supports),
                    RelationshipStrength = random.Next(1, 6),
                    PreferredChannel = random.Pick(Channels),
                    PortalAccess = shape.Roles.Contains(StakeholderRole.Sponsor) && random.Chance(0.5),
                    CreatedAt = createdAt,
                    UpdatedAt = createdAt,
                });
            }
        }
    }
}
