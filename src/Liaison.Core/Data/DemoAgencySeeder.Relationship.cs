using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

/// <summary>
/// The demo agency's relationship rhythm: an interaction log with a touch for every client person,
/// queries answered fast and slow and two still waiting; for two accounts a plan, a held
/// review, the next QBR, and commitments of both sides kept, late and open.
/// </summary>
public sealed partial class DemoAgencySeeder
{
    private static readonly (InteractionChannel Channel, InteractionDirection Direction, string Subject)[] Touches =
    [
        (InteractionChannel.Email, InteractionDirection.Outbound, "Monthly report and next steps"),
        (InteractionChannel.Phone, InteractionDirection.Inbound, "Call about upcoming priorities"),
        (InteractionChannel.Chat, InteractionDirection.Outbound, "Quick check on the draft"),
        (InteractionChannel.Meeting, InteractionDirection.Outbound, "Coffee catch-up"),
        (InteractionChannel.WhatsApp, InteractionDirection.Inbound, "Photos from the shoot"),
    ];

    private static readonly string[] QuerySubjects =
    [
        "Can we see the figures before the board meeting?",
        "Is the launch date still on track?",
        "Who approves the new copy on our side?",
        "Could you resend last month's invoice?",
    ];

    private static async Task SeedRelationshipAsync(LiaisonDb db, List<StaffMember> staff, List<Account> accounts, DateTime now, CancellationToken ct)
    {
        // Harbourline keeps London hours; every other account runs on the default policy.
        var harbour = accounts[0];
        var london = new AccountSlaPolicy { AccountId = harbour.Id, TimeZoneId = "Europe/London", DayStart = new TimeOnly(9, 0), DayEnd = new TimeOnly(17, 30) };
        db.AccountSlaPolicies.Add(london);
        var policies = accounts.ToDictionary(a => a.Id, a => (a.Id == harbour.Id ? london : new AccountSlaPolicy { AccountId = a.Id }).Resolve());
        var loggedBy = accounts.ToDictionary(a => a.Id, a => staff.FirstOrDefault(s => s.Id == a.AccountManagerId)?.UserId);

        // The last touch each person shows is an interaction in the log.
        var people = await db.Stakeholders.AsNoTracking().OrderBy(s => s.FullName).ToListAsync(ct);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var touch = Touches[i % Touches.Length];
            Add(db, new Interaction
            {
                AccountId = person.AccountId, Channel = touch.Channel, Direction = touch.Direction, Subject = touch.Subject,
                OccurredAt = person.LastTouchAt ?? now.AddDays(-45), LoggedBy = loggedBy[person.AccountId],
            }, person.Id);
        }

        var sponsors = people.Where(p => p.Roles.Contains(StakeholderRole.Sponsor)).ToList();
        foreach (var (account, index) in accounts.Where(a => a.Status is AccountStatus.Active or AccountStatus.AtRisk).Select((a, i) => (a, i)))
        {
            if (sponsors.FirstOrDefault(s => s.AccountId == account.Id) is not { } sponsor)
            {
                continue;
            }

            // Three answered queries a month back: one within hours, one the next day, one late.
            var (calendar, policy) = policies[account.Id];
            foreach (var (hours, offset) in new[] { (2, 0), (9, 1), (20, 2) })
            {
                var received = calendar.AddBusinessHours(now.Date.AddDays(-30 + (offset * 7) - index), TimeSpan.FromHours(1));
                var repliedAt = calendar.AddBusinessHours(received, TimeSpan.FromHours(hours));
                var query = NewQuery(account.Id, QuerySubjects[(index + offset) % QuerySubjects.Length], received, QueryPriority.Normal, policies);
                var reply = new Interaction
                {
                    AccountId = account.Id, Channel = InteractionChannel.Email, Direction = InteractionDirection.Outbound,
                    Subject = $"Re: {query.Subject}", OccurredAt = repliedAt, InReplyToId = query.Id, LoggedBy = loggedBy[account.Id],
                };
                query.ReplyId = reply.Id;
                query.RepliedAt = repliedAt;
                query.ReplyBusinessMinutes = (int)Math.Round(calendar.BusinessTimeBetween(received, repliedAt).TotalMinutes);
                query.AssigneeStaffId = account.AccountManagerId;
                Add(db, query, sponsor.Id);
                Add(db, reply, sponsor.Id);
            }
        }

        // Two of Harbourline's queries are still waiting: one due soon, one already late.
        var harbourSponsor = sponsors.First(s => s.AccountId == harbour.Id);
        var waiting = NewQuery(harbour.Id, "Can we add a Christmas sailing to the campaign?", now.AddHours(-1), QueryPriority.High, policies);
        var late = NewQuery(harbour.Id, "Where are the new timetable visuals?", now.AddDays(-4), QueryPriority.Urgent, policies);
        waiting.AssigneeStaffId = late.AssigneeStaffId = harbour.AccountManagerId;
        Add(db, waiting, harbourSponsor.Id);
        Add(db, late, harbourSponsor.Id);

        // Not Harbourline: the browser tests arrange its meetings and commitments from scratch.
        foreach (var account in accounts.Where(a => a.Name is "Tidewater Bank" or "Kestrel Outdoor"))
        {
            SeedRhythm(db, account, people.Where(p => p.AccountId == account.Id).ToList(), staff, now);
        }

        await db.SaveChangesAsync(ct);
        await StakeholderTouches.RefreshAsync(db, people.Select(p => p.Id), ct);
    }

    private static void SeedRhythm(LiaisonDb db, Account account, List<Stakeholder> people, List<StaffMember> staff, DateTime now)
    {
        var manager = staff.First(s => s.Id == account.AccountManagerId);
        var sponsor = people.First(p => p.Roles.Contains(StakeholderRole.Sponsor));
        var today = DateOnly.FromDateTime(now);
        var review = new Meeting
        {
            AccountId = account.Id, Title = "Quarterly account review", Type = MeetingType.AccountReview, TimeZone = "Europe/London",
            StartsAt = now.Date.AddDays(-21).AddHours(10), DurationMinutes = 60, Location = "Client office",
            Agenda = "<ul><li>Results since the last review</li><li>The account plan</li><li>Next quarter</li></ul>",
            Notes = "<p>Good energy; they want bolder creative next quarter.</p>", Decisions = ["Pilot a loyalty push in spring"],
            ReviewsPlan = true, Status = MeetingStatus.Held,
        };
        review.Stakeholders = [.. people.Take(3).Select(p => new MeetingStakeholder { MeetingId = review.Id, StakeholderId = p.Id })];
        review.Staff = [new MeetingStaff { MeetingId = review.Id, StaffId = manager.Id }];
        var qbr = new Meeting
        {
            AccountId = account.Id, Title = "QBR", Type = MeetingType.Qbr, TimeZone = "Europe/London",
            StartsAt = now.Date.AddDays(10).AddHours(14), DurationMinutes = 90, Location = "Video call",
            Agenda = "<p>Year in review, the renewal, the loyalty pilot.</p>",
        };
        qbr.Stakeholders = [new MeetingStakeholder { MeetingId = qbr.Id, StakeholderId = sponsor.Id }];
        qbr.Staff = [new MeetingStaff { MeetingId = qbr.Id, StaffId = manager.Id }];
        db.Meetings.AddRange(review, qbr);

        var plan = new AccountPlan
        {
            AccountId = account.Id, Vision = $"Be the agency {account.Name} calls first for growth ideas.",
            ClientObjectives = ["Grow repeat customers by 10 %", "Launch in two new regions"],
            AgencyObjectives = ["Renew for two more years", "Add a retained social team"],
            LastReviewedAt = review.StartsAt, LastReviewedMeetingId = review.Id,
        };
        plan.Initiatives =
        [
            new PlanInitiative { PlanId = plan.Id, Title = "Loyalty pilot", OwnerStaffId = manager.Id, Horizon = PlanHorizon.NextQuarter, Status = InitiativeStatus.Planned, Position = 0 },
            new PlanInitiative { PlanId = plan.Id, Title = "Regional launch campaign", OwnerStaffId = manager.Id, Horizon = PlanHorizon.ThisYear, Status = InitiativeStatus.InProgress, Position = 1 },
            new PlanInitiative { PlanId = plan.Id, Title = "Brand refresh", Horizon = PlanHorizon.Later, Status = InitiativeStatus.Idea, Position = 2 },
        ];
        db.AccountPlans.Add(plan);

        // Promised at the review: the client kept one and is late on another; the agency kept one, late on one, one still open.
        (CommitmentSide Side, string Title, int DueInDays, int? DoneInDays)[] promises =
        [
            (CommitmentSide.Client, "Share last year's sales by region", -14, -15),
            (CommitmentSide.Client, "Confirm the loyalty pilot budget", -3, null),
            (CommitmentSide.Agency, "Send the loyalty pilot outline", -10, -11),
            (CommitmentSide.Agency, "Benchmark three competitors' apps", -7, -2),
            (CommitmentSide.Agency, "Draft the QBR deck", 5, null),
        ];
        foreach (var (side, title, due, done) in promises)
        {
            db.Commitments.Add(new Commitment
            {
                AccountId = account.Id, MeetingId = review.Id, Side = side, Title = title, DueDate = today.AddDays(due),
                OwnerStakeholderId = side == CommitmentSide.Client ? sponsor.Id : null, OwnerStaffId = side == CommitmentSide.Agency ? manager.Id : null,
                Status = done is null ? CommitmentStatus.Open : CommitmentStatus.Done, DoneOn = done is { } d ? today.AddDays(d) : null,
                ClientVisible = true,
            });
        }
    }

    private static Interaction NewQuery(
        Guid accountId, string subject, DateTime received, QueryPriority priority,
        Dictionary<Guid, (BusinessCalendar Calendar, SlaPolicy Policy)> policies)
    {
        var (calendar, policy) = policies[accountId];
        return new Interaction
        {
            AccountId = accountId, Channel = InteractionChannel.Email, Direction = InteractionDirection.Inbound, Subject = subject,
            OccurredAt = received, IsQuery = true, Priority = priority, SlaDueAt = policy.DueAt(received, priority, calendar),
            Source = InteractionSource.InboundEmail, MessageId = $"{Guid.NewGuid():N}@demo.example",
            Summary = "Came in by e-mail to the account inbox.",
        };
    }

    private static void Add(LiaisonDb db, Interaction interaction, Guid stakeholderId)
    {
        interaction.Stakeholders = [new InteractionStakeholder { InteractionId = interaction.Id, StakeholderId = stakeholderId }];
        db.Interactions.Add(interaction);
    }
}
