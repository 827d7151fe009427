using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Stakeholders;

namespace Liaison.Bench.Generate;

/// <summary>
/// Three years of the client relationship: logged interactions (a few of them e-mailed queries with
/// an SLA deadline, most answered) and commitments of both sides, kept, late, open and dropped.
/// Sets each stakeholder's last touch as the app keeps it.
/// </summary>
public static class RelationshipGenerator
{
    private static readonly (InteractionChannel Channel, string Subject)[] Touches =
    [
        (InteractionChannel.Email, "Monthly report and next steps"), (InteractionChannel.Email, "Feedback on the latest draft"),
        (InteractionChannel.Email, "Invoice question"), (InteractionChannel.Email, "Timeline for the next phase"),
        (InteractionChannel.Phone, "Call about upcoming priorities"), (InteractionChannel.Phone, "Quick call on the budget"),
        (InteractionChannel.Chat, "Quick check on the draft"), (InteractionChannel.Meeting, "Coffee catch-up"),
        (InteractionChannel.Meeting, "Workshop debrief"), (InteractionChannel.WhatsApp, "Photos from the shoot"),
        (InteractionChannel.Portal, "Approval left in the portal"), (InteractionChannel.Other, "Met at an industry event"),
    ];

    private static readonly string[] QuerySubjects =
    [
        "Can we see the figures before the board meeting?", "Is the launch date still on track?",
        "Who approves the new copy on our side?", "Could you resend last month's invoice?", "Can we add one more market?",
    ];

    private static readonly string[] CommitmentTitles =
    [
        "Share last year's sales by region", "Confirm the pilot budget", "Send the campaign outline", "Benchmark three competitors",
        "Draft the QBR deck", "Approve the key visuals", "Introduce the new procurement lead", "Send brand guidelines",
        "Book the photo shoot", "Review the media plan",
    ];

    private static readonly QueryPriority[] Priorities = [QueryPriority.Low, QueryPriority.Normal, QueryPriority.Normal, QueryPriority.Normal, QueryPriority.High, QueryPriority.Urgent];

    public static List<Interaction> Interactions(Agency agency, Scale scale, SeededRandom random)
    {
        var people = agency.StakeholdersByAccount();
        var loggedBy = agency.Users.Where(u => u.StaffId is not null).ToDictionary(u => u.StaffId!.Value, u => u.Id);
        // No account has an SLA policy of its own, so each query's deadline comes from the default one, as in the app.
        var (calendar, policy) = new AccountSlaPolicy().Resolve();
        var weights = agency.AccountWeights.Select(w => Math.Pow(w, 0.7) + 0.02).ToList();
        var perAccount = SeededRandom.Apportion(scale.Interactions, weights, minimum: 1);
        var firstInstant = agency.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var span = (agency.Now - firstInstant).TotalMinutes;
        var interactions = new List<Interaction>(scale.Interactions);
        for (var a = 0; a < agency.Accounts.Count; a++)
        {
            var account = agency.Accounts[a];
            var contacts = people[account.Id].ToList();
            var logger = loggedBy.TryGetValue(account.AccountManagerId!.Value, out var user) ? user : agency.Admin.Id;
            var left = perAccount[a];
            while (left > 0)
            {
                // Whole minutes: what a person types into the log.
                var occurredAt = firstInstant.AddMinutes(Math.Floor(random.NextDouble() * span));
                var contact = random.Pick(contacts);
                if (left >= 2 && random.Chance(0.06))
                {
                    left -= AddQuery(interactions, account, contact, occurredAt, logger, calendar, policy, agency.Now, random);
                    continue;
                }

                var (channel, subject) = random.Pick(Touches);
                var touch = New(account.Id, channel, random.Chance(0.5) ? InteractionDirection.Outbound : InteractionDirection.Inbound, subject, occurredAt, logger, random);
                touch.Stakeholders.Add(new InteractionStakeholder { InteractionId = touch.Id, StakeholderId = contact.Id });
                if (contacts.Count > 1 && random.Chance(0.2) && random.Pick(contacts) is { } other && other.Id != contact.Id)
                {
                    touch.Stakeholders.Add(new InteractionStakeholder { InteractionId = touch.Id, StakeholderId = other.Id });
                }

                interactions.Add(touch);
                left--;
            }
        }

        SetLastTouches(agency.Stakeholders, interactions);
        return interactions;
    }

    /// <summary>An e-mailed query with its deadline, and its reply when one was sent by now; returns how many interactions it made.</summary>
    private static int AddQuery(
        List<Interaction> interactions, Account account, Stakeholder contact, DateTime receivedAt, Guid logger,
        BusinessCalendar calendar, SlaPolicy policy, DateTime now, SeededRandom random)
    {
        var priority = random.Pick(Priorities);
        var query = New(account.Id, InteractionChannel.Email, InteractionDirection.Inbound, random.Pick(QuerySubjects), receivedAt, null, random);
        query.IsQuery = true;
        query.Priority = priority;
        query.Source = InteractionSource.InboundEmail;
        query.MessageId = $"{query.Id:N}@bench.example";
        query.Summary = "Came in by e-mail to the account inbox.";
        query.AssigneeStaffId = account.AccountManagerId;
        query.SlaDueAt = policy.DueAt(receivedAt, priority, calendar);
        query.Stakeholders.Add(new InteractionStakeholder { InteractionId = query.Id, StakeholderId = contact.Id });
        interactions.Add(query);

        // Most answered within the promise, some late; a recent few still waiting.
        var repliedAt = calendar.AddBusinessHours(receivedAt, TimeSpan.FromMinutes(random.Next(10, 60 * (random.Chance(0.8) ? 8 : 24))));
        repliedAt = repliedAt.AddTicks(-(repliedAt.Ticks % TimeSpan.TicksPerMinute));
        if (repliedAt >= now || random.Chance(0.01))
        {
            return 1;
        }

        var reply = New(account.Id, InteractionChannel.Email, InteractionDirection.Outbound, $"Re: {query.Subject}", repliedAt, logger, random);
        reply.InReplyToId = query.Id;
        reply.Stakeholders.Add(new InteractionStakeholder { InteractionId = reply.Id, StakeholderId = contact.Id });
        query.ReplyId = reply.Id;
        query.RepliedAt = repliedAt;
        query.ReplyBusinessMinutes = (int)Math.Round(calendar.BusinessTimeBetween(receivedAt, repliedAt).TotalMinutes, MidpointRounding.AwayFromZero);
        // Linking the reply saved the query a second time.
        query.Version = 2;
        query.UpdatedAt = reply.CreatedAt;
        interactions.Add(reply);
        return 2;
    }

    private static Interaction New(
        Guid accountId, InteractionChannel channel, InteractionDirection direction, string subject, DateTime occurredAt, Guid? loggedBy, SeededRandom random)
    {
        var createdAt = occurredAt.AddMinutes(random.Next(1, 60));
        return new Interaction
        {
            Id = random.NextId(createdAt),
            AccountId = accountId,
            Channel = channel,
            Direction = direction,
            Subject = subject,
            OccurredAt = occurredAt,
            LoggedBy = loggedBy,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }

    /// <summary>The latest interaction with each person (no meetings are generated): the rule of <see cref="StakeholderTouches"/>.</summary>
    private static void SetLastTouches(List<Stakeholder> stakeholders, List<Interaction> interactions)
    {
        var last = new Dictionary<Guid, DateTime>();
        foreach (var interaction in interactions)
        {
            foreach (var link in interaction.Stakeholders)
            {
                if (!last.TryGetValue(link.StakeholderId, out var seen) || interaction.OccurredAt > seen)
                {
                    last[link.StakeholderId] = interaction.OccurredAt;
                }
            }
        }

        foreach (var person in stakeholders)
        {
            person.LastTouchAt = last.TryGetValue(person.Id, out var at) ? at : null;
        }
    }

    public static IEnumerable<Commitment> Commitments(Agency agency, Scale scale, SeededRandom random)
    {
        var people = agency.StakeholdersByAccount();
        var team = agency.TeamByAccount();
        var weights = agency.AccountWeights.Select(w => Math.Pow(w, 0.7) + 0.02).ToList();
        var perAccount = SeededRandom.Apportion(scale.Commitments, weights, minimum: 1);
        var today = agency.Today;
        var span = today.DayNumber - agency.FirstDay.DayNumber + 60;
        for (var a = 0; a < agency.Accounts.Count; a++)
        {
            var account = agency.Accounts[a];
            var contacts = people[account.Id].ToList();
            var staff = team[account.Id].Select(t => t.StaffId).ToList();
            for (var i = 0; i < perAccount[a]; i++)
            {
                var side = random.Chance(0.5) ? CommitmentSide.Client : CommitmentSide.Agency;
                var due = agency.FirstDay.AddDays(random.Next(30, span));
                var made = due.AddDays(-random.Next(3, 30));
                var status = due < today
                    ? random.Next(100) switch { < 72 => CommitmentStatus.Done, < 82 => CommitmentStatus.Slipped, < 90 => CommitmentStatus.Dropped, _ => CommitmentStatus.Open }
                    : random.Chance(0.15) ? CommitmentStatus.Done : CommitmentStatus.Open;
                DateOnly? doneOn = status == CommitmentStatus.Done ? Earlier(due.AddDays(random.Next(-5, 6)), today) : null;
                var createdAt = Earlier(made.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), agency.Now);
                var closedAt = status == CommitmentStatus.Open ? (DateTime?)null
                    : Earlier((doneOn ?? due.AddDays(random.Next(0, 10))).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), agency.Now);
                if (closedAt < createdAt)
                {
                    closedAt = createdAt;
                }

                yield return new Commitment
                {
                    Id = random.NextId(createdAt),
                    AccountId = account.Id,
                    Side = side,
                    OwnerStakeholderId = side == CommitmentSide.Client ? random.Pick(contacts).Id : null,
                    OwnerStaffId = side == CommitmentSide.Agency ? random.Pick(staff) : null,
                    Title = random.Pick(CommitmentTitles),
                    DueDate = due,
                    Status = status,
                    DoneOn = doneOn,
                    ClientVisible = random.Chance(0.6),
                    Version = closedAt is null ? 1 : 2,
                    CreatedAt = createdAt,
                    UpdatedAt = closedAt ?? createdAt,
                };
            }
        }
    }

    private static T Earlier<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) <= 0 ? a : b;
}
