using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Deliverables;

public sealed class ClientRequestServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026.
    private static readonly DateOnly Today = new(2026, 3, 2);

    private ClientRequestService Requests => new(Database, Clock);

    [Fact]
    public async Task ARequestIsLoggedFromAStakeholderOfTheAccountWithAValidBrief()
    {
        var (agency, sponsor, engagement) = await SeedAsync();
        var stranger = await AddStakeholderAsync(agency.Verdant, "Vera Elsewhere");

        var logged = (await Requests.CreateAsync(agency.Designer, Brief(agency.Harbour, sponsor, engagement), Ct)).Value;
        logged.StakeholderName.ShouldBe("Olga Sponsor");
        logged.ReceivedOn.ShouldBe(Today);
        logged.EngagementName.ShouldBe("Spring campaign");
        logged.References.ShouldBe(["https://examples.example/ferry-ads"]);
        logged.LoggedByName.ShouldBe("Tom Designer");
        logged.Outcome.ShouldBeNull();

        var foreign = Brief(agency.Harbour, stranger, null);
        Fields(await Requests.CreateAsync(agency.Manager, foreign, Ct)).ShouldBe(["stakeholderId"]);
        var badLink = Brief(agency.Harbour, sponsor, null);
        badLink.References = ["javascript:alert(1)"];
        Fields(await Requests.CreateAsync(agency.Manager, badLink, Ct)).ShouldBe(["references"]);
        var noObjective = Brief(agency.Harbour, sponsor, null);
        noObjective.Objective = "";
        Fields(await Requests.CreateAsync(agency.Manager, noObjective, Ct)).ShouldBe(["objective"]);
        var future = Brief(agency.Harbour, sponsor, null);
        future.ReceivedOn = Today.AddDays(1);
        future.DueDate = Today.AddDays(2);
        Fields(await Requests.CreateAsync(agency.Manager, future, Ct)).ShouldBe(["receivedOn"]);
        var dueBefore = Brief(agency.Harbour, sponsor, null);
        dueBefore.ReceivedOn = Today;
        dueBefore.DueDate = Today.AddDays(-1);
        Fields(await Requests.CreateAsync(agency.Manager, dueBefore, Ct)).ShouldBe(["dueDate"]);
        Fields(await Requests.CreateAsync(agency.OffTeam, Brief(agency.Harbour, sponsor, null), Ct)).ShouldBe(["accountId"]);
        (await Requests.CreateAsync(agency.Client, Brief(agency.Harbour, sponsor, null), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        await using var db = Database.CreateDbContext();
        (await db.ClientRequests.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TriageMakesDeliverablesFromTheBriefOnceAndInOneGo()
    {
        var (agency, sponsor, engagement) = await SeedAsync();
        var request = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value;

        var triaged = (await Requests.TriageAsync(agency.ProjectManager, request.Id, request.Version, new RequestTriageInput
        {
            Outcome = RequestOutcome.Deliverables,
            EngagementId = engagement,
            Deliverables =
            [
                new EditDeliverableInput { Title = "Poster", Type = DeliverableType.Design, AssigneeStaffIds = [agency.Designer.StaffId!.Value] },
                new EditDeliverableInput { Title = "Radio spot", Type = DeliverableType.Other, Brief = "30 seconds, calm voice." },
            ],
        }, Ct)).Value;

        triaged.Outcome.ShouldBe(RequestOutcome.Deliverables);
        triaged.TriagedByName.ShouldBe("Mateo Alvarez");
        triaged.EngagementId.ShouldBe(engagement);
        triaged.Deliverables.Select(d => (d.Title, d.State)).ShouldBe([("Poster", DeliverableState.Briefed), ("Radio spot", DeliverableState.Briefed)]);

        await using (var db = Database.CreateDbContext())
        {
            var made = await db.Deliverables.AsNoTracking().Include(d => d.Assignees).OrderBy(d => d.Title).ToListAsync(Ct);
            made.ShouldAllBe(d => d.RequestId == request.Id && d.EngagementId == engagement && d.AccountId == agency.Harbour);
            made[0].Brief.ShouldBe(
                "Objective: More bookings for the spring crossings\nAudience: Families in Kent\nDue: 2026-04-15\nReferences:\n- https://examples.example/ferry-ads");
            made[0].Assignees.ShouldHaveSingleItem();
            made[1].Brief.ShouldBe("30 seconds, calm voice.");
        }

        var again = await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "No." }, Ct);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        again.Error.Message.ShouldContain("once");
        (await Requests.UpdateAsync(agency.Manager, request.Id, null, Brief(agency.Harbour, sponsor, null), Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public async Task ATriageThatFailsMakesNothing()
    {
        var (agency, sponsor, engagement) = await SeedAsync();
        var request = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value;

        var badPerson = await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput
        {
            Outcome = RequestOutcome.Deliverables,
            EngagementId = engagement,
            Deliverables = [new EditDeliverableInput { Title = "Poster" }, new EditDeliverableInput { Title = "Flyer", AssigneeStaffIds = [agency.OffTeam.StaffId!.Value] }],
        }, Ct);
        Fields(badPerson).ShouldBe(["deliverables"]);
        badPerson.Error!.Message.ShouldStartWith("Deliverable 2:");

        Fields(await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput { Outcome = RequestOutcome.Deliverables, EngagementId = engagement }, Ct))
            .ShouldBe(["deliverables"]);
        Fields(await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput
        {
            Outcome = RequestOutcome.Deliverables, Deliverables = [new EditDeliverableInput { Title = "" }],
        }, Ct)).ShouldBe(["engagementId", "deliverables"]);
        Fields(await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput { Outcome = RequestOutcome.Declined }, Ct)).ShouldBe(["reason"]);
        Fields(await Requests.TriageAsync(agency.Manager, request.Id, null, new RequestTriageInput(), Ct)).ShouldBe(["outcome"]);
        (await Requests.TriageAsync(agency.Designer, request.Id, null, new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "No" }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Requests.TriageAsync(agency.Client, request.Id, null, new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "No" }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Requests.TriageAsync(agency.Manager, request.Id, request.Version + 1, new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "No" }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.StaleVersion);

        await using var db = Database.CreateDbContext();
        (await db.Deliverables.CountAsync(Ct)).ShouldBe(0);
        (await db.ClientRequests.SingleAsync(Ct)).Outcome.ShouldBeNull();

        var declined = (await Requests.TriageAsync(agency.Manager, request.Id, null,
            new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "  Out of scope for this year.  " }, Ct)).Value;
        declined.DeclineReason.ShouldBe("Out of scope for this year.");
    }

    [Fact]
    public async Task TheChangeRequestFeatureLinksItselfThroughTheHook()
    {
        var (agency, sponsor, _) = await SeedAsync();
        var fresh = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value.Id;
        var triagedWithoutLink = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value.Id;
        var declined = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value.Id;
        (await Requests.TriageAsync(agency.Manager, triagedWithoutLink, null, new RequestTriageInput { Outcome = RequestOutcome.ChangeRequest }, Ct)).IsSuccess.ShouldBeTrue();
        (await Requests.TriageAsync(agency.Manager, declined, null, new RequestTriageInput { Outcome = RequestOutcome.Declined, Reason = "No budget" }, Ct)).IsSuccess.ShouldBeTrue();
        var changeRequest = Guid.CreateVersion7();
        var another = Guid.CreateVersion7();

        await using (var db = Database.CreateDbContext())
        {
            (await Requests.MarkAsChangeRequestAsync(db, agency.Manager, fresh, changeRequest, Ct)).ShouldBeNull();
            (await Requests.MarkAsChangeRequestAsync(db, agency.Manager, triagedWithoutLink, changeRequest, Ct)).ShouldBeNull();
            (await Requests.MarkAsChangeRequestAsync(db, agency.Manager, declined, changeRequest, Ct))!.Kind.ShouldBe(ErrorKind.Conflict);
            (await Requests.MarkAsChangeRequestAsync(db, agency.Designer, fresh, changeRequest, Ct))!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await Requests.MarkAsChangeRequestAsync(db, agency.OffTeam, fresh, changeRequest, Ct))!.Kind.ShouldBe(ErrorKind.NotFound);
            await db.SaveChangesAsync(Ct);
        }

        var linked = (await Requests.GetAsync(agency.Manager, fresh, Ct)).Value;
        (linked.Outcome, linked.ChangeRequestId, linked.TriagedByName).ShouldBe((RequestOutcome.ChangeRequest, (Guid?)changeRequest, "Jonas Becker"));
        (await Requests.GetAsync(agency.Manager, triagedWithoutLink, Ct)).Value.ChangeRequestId.ShouldBe(changeRequest);

        await using (var db = Database.CreateDbContext())
        {
            (await Requests.MarkAsChangeRequestAsync(db, agency.Manager, fresh, changeRequest, Ct)).ShouldBeNull();
            (await Requests.MarkAsChangeRequestAsync(db, agency.Manager, fresh, another, Ct))!.Kind.ShouldBe(ErrorKind.Conflict);
        }
    }

    [Fact]
    public async Task RequestsAreTheAgencysUntilThePortal()
    {
        var (agency, sponsor, _) = await SeedAsync();
        var request = (await Requests.CreateAsync(agency.Manager, Brief(agency.Harbour, sponsor, null), Ct)).Value;

        (await Requests.GetAsync(agency.Client, request.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Requests.ListAsync(agency.Client, new ClientRequestListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Requests.ListAsync(agency.Client, new ClientRequestListQuery(agency.Verdant), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Requests.GetAsync(agency.OffTeam, request.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Requests.ListAsync(agency.Designer, new ClientRequestListQuery(Untriaged: true), Ct)).Value.Items.ShouldHaveSingleItem().Title.ShouldBe("Spring ferry ads");

        // Whoever logged it, and the people who run the account, edit it; other team members do not.
        var edit = Brief(agency.Harbour, sponsor, null);
        edit.Title = "Spring and summer ferry ads";
        (await Requests.UpdateAsync(agency.Designer, request.Id, null, edit, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Requests.UpdateAsync(agency.ProjectManager, request.Id, request.Version + 1, edit, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        var edited = (await Requests.UpdateAsync(agency.ProjectManager, request.Id, request.Version, edit, Ct)).Value;
        edited.Title.ShouldBe("Spring and summer ferry ads");
        edited.ReceivedOn.ShouldBe(request.ReceivedOn);
    }

    private static NewClientRequestInput Brief(Guid accountId, Guid stakeholderId, Guid? engagementId) => new()
    {
        AccountId = accountId,
        StakeholderId = stakeholderId,
        EngagementId = engagementId,
        Title = "Spring ferry ads",
        Objective = "More bookings for the spring crossings",
        Audience = "Families in Kent",
        DueDate = new DateOnly(2026, 4, 15),
        References = ["https://examples.example/ferry-ads"],
    };

    private async Task<(RequestAgency Agency, Guid Sponsor, Guid Engagement)> SeedAsync()
    {
        var agency = await SeedAgencyAsync();
        var tom = await AddStaffUserAsync("Tom Designer", Role.TeamMember);
        var engagement = new Engagement
        {
            AccountId = agency.Harbour, Name = "Spring campaign", Status = EngagementStatus.InDelivery,
            AccountManagerId = agency.Manager.StaffId, ProjectManagerId = agency.ProjectManager.StaffId,
        };
        engagement.Members.Add(new EngagementMember { EngagementId = engagement.Id, StaffId = tom.StaffId!.Value, Role = "Designer" });
        await using (var db = Database.CreateDbContext())
        {
            db.AccountTeamMembers.Add(new AccountTeamMember
            {
                AccountId = agency.Harbour, StaffId = tom.StaffId!.Value, Role = TeamRole.Creative, AddedAt = Clock.GetUtcNow().UtcDateTime,
            });
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync(Ct);
        }

        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        return (new RequestAgency(agency.Admin, agency.Manager, agency.ProjectManager, agency.OffTeam, tom, agency.Client, agency.Harbour, agency.Verdant),
            sponsor, engagement.Id);
    }

    private static string[] Fields<T>(Result<T> result) => [.. result.Error!.Fields!.Keys];

    /// <summary>The agency of <see cref="DatabaseTest.SeedAgencyAsync"/> plus Tom, a team member on Harbourline's team and engagement.</summary>
    private sealed record RequestAgency(
        CurrentUser Admin, CurrentUser Manager, CurrentUser ProjectManager, CurrentUser OffTeam, CurrentUser Designer, CurrentUser Client,
        Guid Harbour, Guid Verdant);
}
