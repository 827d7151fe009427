using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;

namespace Liaison.Bench.Generate;

/// <summary>Engagements of every type and status, their people and budgets, and how much time each will get.</summary>
public static partial class AgencyGenerator
{
    /// <summary>The average minutes of a generated time entry (see <see cref="TimeEntryGenerator"/>), for sizing budgets.</summary>
    private const double AverageEntryMinutes = 56;

    private static void AddEngagements(Agency agency, Scale scale, SeededRandom random)
    {
        var projectManagers = agency.Staff.Where(s => s.Discipline == Discipline.Project).ToList();
        var workers = agency.Staff.Skip(1).ToList();
        var rates = agency.RatesByStaff();
        var onTeam = agency.Team.Select(t => (t.AccountId, t.StaffId)).ToHashSet();
        var perAccount = SeededRandom.Apportion(scale.Engagements, agency.AccountWeights, minimum: 1);
        var maxWeight = agency.AccountWeights.Max();
        var effort = new List<double>();
        for (var a = 0; a < agency.Accounts.Count; a++)
        {
            var account = agency.Accounts[a];
            // Each account has its regulars: a pool the engagements draw their people from, bigger for bigger clients.
            var poolSize = Math.Min(workers.Count, Math.Max(4, 3 + (int)(Math.Sqrt(agency.AccountWeights[a] / maxWeight) * scale.Staff * 0.15)));
            var pool = workers.OrderBy(_ => random.Next(int.MaxValue)).Take(poolSize).ToList();
            var poolManagers = pool.Where(s => s.Discipline == Discipline.Project).ToList();
            for (var i = 0; i < perAccount[a]; i++)
            {
                var pm = poolManagers.Count > 0 && random.Chance(0.9) ? random.Pick(poolManagers) : random.Pick(projectManagers);
                var members = pool.Where(s => s.Id != pm.Id).OrderBy(_ => random.Next(int.MaxValue)).Take(random.Next(2, 7)).ToList();
                var (engagement, workFrom, workTo) = NewEngagement(agency, account, pm, members, random);
                agency.Engagements.Add(engagement);
                foreach (var person in members.Prepend(pm).Where(p => onTeam.Add((account.Id, p.Id))))
                {
                    agency.Team.Add(new AccountTeamMember { AccountId = account.Id, StaffId = person.Id, Role = TeamRoleOf(person.Discipline), AddedAt = engagement.CreatedAt });
                }

                var days = workTo is { } to ? Math.Max(0, to.DayNumber - workFrom.DayNumber + 1) : 0;
                effort.Add(days * (members.Count + 1) * random.LogNormal(0.7));
                agency.WorkWindows.Add(workTo is { } last ? (workFrom, last) : null);
            }
        }

        agency.EntriesPerEngagement = SeededRandom.Apportion(scale.TimeEntries, effort);
        for (var i = 0; i < agency.Engagements.Count; i++)
        {
            SetBudget(agency, agency.Engagements[i], agency.EntriesPerEngagement[i], rates, random);
        }
    }

    /// <summary>An engagement and the days its people log time on (none before hand-off is acknowledged).</summary>
    private static (Engagement Engagement, DateOnly WorkFrom, DateOnly? WorkTo) NewEngagement(
        Agency agency, Account account, StaffMember pm, List<StaffMember> members, SeededRandom random)
    {
        var today = agency.Today;
        var windowFrom = account.ContractStart is { } contractStart && contractStart > agency.FirstDay ? contractStart : agency.FirstDay.AddDays(-60);
        var windowTo = account.Status == AccountStatus.Churned ? account.ContractEnd!.Value : today.AddDays(60);
        var start = windowFrom.AddDays(random.Next(Math.Max(1, windowTo.DayNumber - windowFrom.DayNumber - 14)));
        var type = random.Next(10) switch { < 4 => EngagementType.FixedFee, < 8 => EngagementType.TimeAndMaterials, _ => EngagementType.Retainer };
        var months = type switch { EngagementType.FixedFee => random.Next(1, 7), EngagementType.TimeAndMaterials => random.Next(2, 11), _ => random.Next(6, 25) };
        DateOnly? end = type == EngagementType.Retainer && account.Status != AccountStatus.Churned && random.Chance(0.3) ? null : start.AddMonths(months).AddDays(-1);
        if (account.Status == AccountStatus.Churned && end > windowTo)
        {
            end = windowTo;
        }

        var status = start > today ? (random.Chance(0.6) ? EngagementStatus.Draft : EngagementStatus.HandOff)
            : end < today ? (random.Chance(0.88) ? EngagementStatus.Completed : EngagementStatus.Cancelled)
            : random.Chance(0.88) ? EngagementStatus.InDelivery : EngagementStatus.OnHold;
        var lastWorkDay = end is { } e && e < today ? e : today;
        if (status == EngagementStatus.Cancelled)
        {
            lastWorkDay = start.AddDays((int)((lastWorkDay.DayNumber - start.DayNumber) * (0.3 + (0.6 * random.NextDouble()))));
        }

        var sentAt = start.AddDays(-7).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var createdAt = sentAt.AddDays(-random.Next(3, 21));
        if (status == EngagementStatus.Draft)
        {
            createdAt = Min(createdAt, agency.Now.AddDays(-random.Next(0, 20)));
        }

        var handedOff = status != EngagementStatus.Draft;
        var acknowledged = handedOff && status != EngagementStatus.HandOff;
        sentAt = Min(sentAt, agency.Now.AddHours(-2));
        var acknowledgedAt = Min(sentAt.AddDays(1), agency.Now.AddHours(-1));
        // One save per step of its life, as the versioning interceptor would have counted them.
        var (version, updatedAt) = status switch
        {
            EngagementStatus.Draft => (1, createdAt),
            EngagementStatus.HandOff => (2, sentAt),
            EngagementStatus.InDelivery => (4, acknowledgedAt.AddHours(2)),
            _ => (5, Min(lastWorkDay.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), agency.Now)),
        };

        var engagement = new Engagement
        {
            Id = random.NextId(createdAt),
            AccountId = account.Id,
            Name = $"{random.Pick(EngagementNames)} {start.Year}",
            Type = type,
            Methodology = type == EngagementType.Retainer ? Methodology.Agile : random.Pick(Enum.GetValues<Methodology>()),
            Status = status,
            InitiationStep = handedOff ? 5 : random.Next(1, 6),
            ClientNeeds = $"{account.Name} needs work its customers notice.",
            Goals = ["Measurably more enquiries", "A consistent voice across channels"],
            ClientExpectations = "Regular check-ins; no surprises on budget.",
            KnownRisks = type == EngagementType.FixedFee ? "Scope creep on revisions." : null,
            StartDate = start,
            EndDate = end,
            AccountManagerId = account.AccountManagerId,
            ProjectManagerId = pm.Id,
            ReportCadence = type == EngagementType.Retainer ? ReportCadence.Monthly : random.Chance(0.5) ? ReportCadence.Weekly : ReportCadence.BiWeekly,
            Version = version,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
        if (status is EngagementStatus.InDelivery or EngagementStatus.OnHold && random.Chance(0.25))
        {
            engagement.Rag = random.Chance(0.7) ? Rag.Amber : Rag.Red;
            engagement.RagReason = "Client feedback is slower than planned.";
            engagement.RagSetOn = today.AddDays(-random.Next(1, 30));
        }

        if (handedOff)
        {
            engagement.HandOff = new HandOff
            {
                Brief = $"# Hand-off: {engagement.Name} ({account.Name})",
                SentAt = sentAt,
                SentBy = account.AccountManagerId,
                AcknowledgedAt = acknowledged ? acknowledgedAt : null,
                AcknowledgedBy = acknowledged ? pm.Id : null,
            };
        }

        engagement.Members.AddRange(members.Select(m => new EngagementMember { EngagementId = engagement.Id, StaffId = m.Id, Role = m.JobTitle ?? "" }));
        engagement.Deliverables.Add(new PlannedDeliverable { Id = random.NextId(createdAt), EngagementId = engagement.Id, Title = "Concept and key visuals", DueDate = start.AddDays(30), Position = 0 });
        engagement.Deliverables.Add(new PlannedDeliverable { Id = random.NextId(createdAt), EngagementId = engagement.Id, Title = "Production and roll-out", DueDate = end, Position = 1 });
        return (engagement, start, acknowledged ? lastWorkDay : null);
    }

    private static void SetBudget(Agency agency, Engagement engagement, int entries, ILookup<Guid, StaffRate> rates, SeededRandom random)
    {
        var today = agency.Today;
        var people = engagement.Members.Select(m => m.StaffId).Append(engagement.ProjectManagerId!.Value).ToList();
        var averageBill = people.Average(p => rates[p].MaxBy(r => r.EffectiveFrom)!.BillRate);
        var expectedMinutes = Math.Max(20 * 60, entries * AverageEntryMinutes);
        var start = engagement.StartDate!.Value;
        var end = engagement.EndDate ?? today;
        switch (engagement.Type)
        {
            case EngagementType.FixedFee:
                var fee = Math.Max(500_000, (long)Math.Round(expectedMinutes / 60 * averageBill * (0.8 + (0.5 * random.NextDouble())) / 100_000) * 100_000);
                var elapsed = end <= start ? 1.0 : Math.Clamp((double)(today.DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber), 0, 1);
                var percent = engagement.Status switch
                {
                    EngagementStatus.Completed => 100,
                    EngagementStatus.Draft or EngagementStatus.HandOff => 0,
                    EngagementStatus.Cancelled => (int)(elapsed * 60),
                    _ => Math.Min(95, (int)(elapsed * 100)),
                };
                var byMilestones = random.Chance(0.25);
                engagement.Budget = new Budget { FixedFee = fee, PercentComplete = percent, Recognition = byMilestones ? RevenueRecognition.Milestones : RevenueRecognition.PercentComplete };
                for (var m = 1; m <= 3; m++)
                {
                    var due = start.AddDays((end.DayNumber - start.DayNumber) * m / 3);
                    var done = engagement.Status is not (EngagementStatus.Draft or EngagementStatus.HandOff) && due.AddDays(3) <= today;
                    engagement.Milestones.Add(new Milestone
                    {
                        Id = random.NextId(engagement.CreatedAt), EngagementId = engagement.Id, Name = $"Milestone {m}", DueDate = due,
                        DoneOn = done ? due.AddDays(random.Next(-3, 4)) : null,
                    });
                }

                if (percent > 0)
                {
                    agency.ProgressReadings.Add(new ProgressReading { Id = random.NextId(agency.Now), EngagementId = engagement.Id, On = end < today ? end : today, Percent = percent });
                }

                break;
            case EngagementType.TimeAndMaterials:
                engagement.Budget = new Budget { HoursCapMinutes = (int)Math.Round(expectedMinutes * (0.9 + (0.5 * random.NextDouble())) / 60) * 60 };
                if (random.Chance(0.25))
                {
                    // A negotiated rate for one discipline: the entries of that discipline bill at it.
                    var personId = random.Pick(people);
                    var person = agency.Staff.First(s => s.Id == personId);
                    agency.RateCards.Add(new RateCardLine
                    {
                        Id = random.NextId(engagement.CreatedAt), EngagementId = engagement.Id, Discipline = person.Discipline,
                        BillRate = (long)Math.Round(averageBill * 0.9 / 500) * 500,
                    });
                }

                break;
            default:
                var months = Math.Max(1, ((end.DayNumber - start.DayNumber) / 30) + 1);
                var perPeriod = Math.Max(10 * 60, (int)Math.Round(expectedMinutes / months * (0.9 + (0.3 * random.NextDouble())) / 300) * 300);
                engagement.Budget = new Budget
                {
                    RetainerMinutesPerPeriod = perPeriod,
                    RetainerFeePerPeriod = (long)Math.Round(perPeriod / 60.0 * averageBill * 0.9 / 10_000) * 10_000,
                    RolloverPercent = random.Pick(RolloverChoices),
                };
                break;
        }
    }

    private static readonly int[] RolloverChoices = [0, 25, 50];

    private static readonly string[] EngagementNames =
    [
        "Brand refresh", "Spring campaign", "Website rebuild", "Always-on social", "Product launch", "Packaging redesign",
        "Customer research", "Loyalty programme", "App onboarding", "Annual report", "Trade show", "Content retainer",
        "SEO programme", "Recruitment campaign", "Internal comms", "Media buying", "Design system", "Holiday campaign",
    ];

    private static TeamRole TeamRoleOf(Discipline discipline) => discipline switch
    {
        Discipline.Project => TeamRole.ProjectManager,
        Discipline.Strategy => TeamRole.Strategist,
        Discipline.Development => TeamRole.Developer,
        Discipline.Design or Discipline.Copy => TeamRole.Creative,
        _ => TeamRole.Specialist,
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
