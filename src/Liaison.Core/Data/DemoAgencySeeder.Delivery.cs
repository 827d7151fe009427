using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;

namespace Liaison.Core.Data;

/// <summary>The demo agency's rates, engagements and the last twelve weeks of their time, so the money pages have something to show.</summary>
public sealed partial class DemoAgencySeeder
{
    private static readonly Discipline[] Disciplines =
    [
        Discipline.Account, Discipline.Account, Discipline.Account, Discipline.Project, Discipline.Project, Discipline.Strategy,
        Discipline.Copy, Discipline.Design, Discipline.Design, Discipline.Development, Discipline.Social, Discipline.Media,
    ];

    /// <summary>Cost and bill rate per hour, in cents, by person (same order as <see cref="People"/>).</summary>
    private static readonly (long Cost, long Bill)[] Rates =
    [
        (9000, 18000), (6500, 14000), (5500, 12500), (6000, 13000), (5800, 13000), (7500, 16000),
        (5200, 11500), (5500, 12000), (5000, 11500), (7000, 15000), (4500, 9500), (4800, 10000),
    ];

    private static readonly (int Account, string Name, EngagementType Type, EngagementStatus Status, int StartMonthsAgo, int Months, int Pm, int[] Members)[] Plans =
    [
        (0, "Summer timetable campaign", EngagementType.TimeAndMaterials, EngagementStatus.InDelivery, 2, 5, 3, [5, 7, 9]),
        (0, "Always-on social", EngagementType.Retainer, EngagementStatus.InDelivery, 6, 0, 3, [7]),
        (1, "Packaging refresh", EngagementType.FixedFee, EngagementStatus.InDelivery, 3, 6, 4, [6, 10]),
        (8, "Mobile app onboarding", EngagementType.TimeAndMaterials, EngagementStatus.InDelivery, 4, 8, 3, [5, 8, 9, 11]),
        (3, "Brand discovery", EngagementType.FixedFee, EngagementStatus.Draft, 0, 3, 4, [5, 8]),
        (4, "Spring catalogue", EngagementType.FixedFee, EngagementStatus.Completed, 9, 3, 3, [7, 10]),
    ];

    private static async Task SeedDeliveryAsync(LiaisonDb db, List<StaffMember> staff, List<Account> accounts, DateOnly today, DateTime now, CancellationToken ct)
    {
        for (var i = 0; i < staff.Count; i++)
        {
            db.StaffRates.Add(new StaffRate { StaffId = staff[i].Id, EffectiveFrom = today.AddYears(-3), CostRate = Rates[i].Cost, BillRate = Rates[i].Bill, CreatedAt = now });
        }

        // A raise three months ago, so the rate history shows how the past keeps its price.
        var raiseFrom = today.AddMonths(-3);
        db.StaffRates.Add(new StaffRate { StaffId = staff[7].Id, EffectiveFrom = raiseFrom, CostRate = 6000, BillRate = 12500, CreatedAt = now });

        // Deterministic, so every demo database tells the same story.
        var random = new Random(2026);
        var engagements = new List<Engagement>();
        foreach (var plan in Plans)
        {
            var account = accounts[plan.Account];
            var start = Money.MonthOf(today.AddMonths(-plan.StartMonthsAgo));
            var engagement = new Engagement
            {
                AccountId = account.Id,
                Name = plan.Name,
                Type = plan.Type,
                Methodology = plan.Type == EngagementType.Retainer ? Methodology.Agile : Methodology.Hybrid,
                Status = plan.Status,
                InitiationStep = plan.Status == EngagementStatus.Draft ? 2 : 5,
                ClientNeeds = $"{account.Name} needs {plan.Name.ToLowerInvariant()} that its customers notice.",
                Goals = ["Measurably more enquiries", "A consistent voice across channels"],
                ClientExpectations = "Weekly check-ins; no surprises on budget.",
                KnownRisks = plan.Type == EngagementType.FixedFee ? "Scope creep on revisions." : null,
                StartDate = start,
                EndDate = plan.Months == 0 ? null : start.AddMonths(plan.Months).AddDays(-1),
                AccountManagerId = account.AccountManagerId,
                ProjectManagerId = staff[plan.Pm].Id,
                ReportCadence = plan.Type == EngagementType.Retainer ? ReportCadence.Monthly : ReportCadence.Weekly,
                Rag = plan.Name.StartsWith("Mobile", StringComparison.Ordinal) ? Rag.Amber : Rag.Green,
                RagReason = plan.Name.StartsWith("Mobile", StringComparison.Ordinal) ? "App store review slipped a week." : null,
                RagSetOn = plan.Name.StartsWith("Mobile", StringComparison.Ordinal) ? today.AddDays(-6) : null,
                Budget = plan.Type switch
                {
                    EngagementType.FixedFee => new Budget { FixedFee = 2_400_000, PercentComplete = plan.Status == EngagementStatus.Completed ? 100 : 40 },
                    EngagementType.Retainer => new Budget { RetainerMinutesPerPeriod = 40 * 60, RetainerFeePerPeriod = 600_000, RolloverPercent = 25 },
                    _ => new Budget { HoursCapMinutes = 220 * 60 },
                },
            };
            if (plan.Status != EngagementStatus.Draft)
            {
                engagement.HandOff = new HandOff
                {
                    Brief = $"# Hand-off: {plan.Name} ({account.Name})", SentAt = now.AddDays(-7 * 4 * plan.StartMonthsAgo - 3), SentBy = account.AccountManagerId,
                    AcknowledgedAt = now.AddDays(-7 * 4 * plan.StartMonthsAgo - 2), AcknowledgedBy = staff[plan.Pm].Id,
                };
            }

            engagement.Members.AddRange(plan.Members.Select(m => new EngagementMember { EngagementId = engagement.Id, StaffId = staff[m].Id, Role = staff[m].JobTitle ?? "" }));
            engagement.Deliverables.Add(new PlannedDeliverable { EngagementId = engagement.Id, Title = "Concept and key visuals", DueDate = start.AddDays(30), Position = 0 });
            engagement.Deliverables.Add(new PlannedDeliverable { EngagementId = engagement.Id, Title = "Production and roll-out", DueDate = engagement.EndDate, Position = 1 });
            engagement.Milestones.Add(new Milestone { EngagementId = engagement.Id, Name = "Concept approved", DueDate = start.AddDays(30), DoneOn = plan.StartMonthsAgo >= 2 ? start.AddDays(33) : null });
            engagements.Add(engagement);
            db.Engagements.Add(engagement);
            if (plan.Type == EngagementType.FixedFee && plan.Status != EngagementStatus.Draft)
            {
                db.ProgressReadings.Add(new ProgressReading { EngagementId = engagement.Id, On = today.AddDays(-14), Percent = engagement.Budget.PercentComplete });
            }

            foreach (var member in plan.Members.Append(plan.Pm).Where(m => !db.AccountTeamMembers.Local.Any(t => t.AccountId == account.Id && t.StaffId == staff[m].Id)))
            {
                db.AccountTeamMembers.Add(new AccountTeamMember { AccountId = account.Id, StaffId = staff[member].Id, Role = TeamRole.Specialist, AddedAt = now });
            }

            if (plan.Status is EngagementStatus.Draft)
            {
                continue;
            }

            var last = engagement.EndDate is { } end && end < today ? end : today.AddDays(-1);
            var first = today.AddDays(-7 * 12) > start ? today.AddDays(-7 * 12) : start;
            foreach (var person in plan.Members.Append(plan.Pm))
            {
                var rates = db.StaffRates.Local.Where(r => r.StaffId == staff[person].Id).ToList();
                for (var day = first; day <= last; day = day.AddDays(1))
                {
                    if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || random.Next(3) == 0)
                    {
                        continue;
                    }

                    var rate = RateTimeline.EffectiveOn(rates, day)!;
                    db.TimeEntries.Add(new TimeEntry
                    {
                        AccountId = account.Id, EngagementId = engagement.Id, StaffId = staff[person].Id, Date = day,
                        Minutes = 30 * random.Next(2, 11), Billable = random.Next(10) > 0, CostRate = rate.CostRate, BillRate = rate.BillRate,
                    });
                }
            }

            db.Expenses.Add(new Expense
            {
                AccountId = account.Id, EngagementId = engagement.Id, StaffId = staff[plan.Pm].Id, Date = first.AddDays(10),
                Amount = 35_000, Category = ExpenseCategory.Stock, Billable = true, Note = "Licensed photography",
            });
        }

        await db.SaveChangesAsync(ct);
        await Rollups.RebuildAsync(db, [.. engagements.Select(e => e.Id)], ct);
    }
}
