using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Tests.Fixtures;

namespace Liaison.Core.Tests.Engagements;

public sealed class EngagementServiceTests : DatabaseTest
{
    [Fact]
    public async Task ADraftSavesWithBlankFieldsAndKeepsTheFurthestStep()
    {
        var agency = await SeedAgencyAsync();
        var draft = (await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput
        {
            AccountId = agency.Harbour, Name = "Rebrand", InitiationStep = 2,
        }, Ct)).Value;

        var back = await Engagements.UpdateAsync(agency.Manager, draft.Id, draft.Version, new EngagementInput { Name = "Rebrand", InitiationStep = 1 }, Ct);

        back.Value.Status.ShouldBe(EngagementStatus.Draft);
        back.Value.InitiationStep.ShouldBe(2);
        // The account's manager runs a new engagement unless the wizard says otherwise.
        draft.AccountManagerId.ShouldBe(agency.Manager.StaffId);
    }

    [Fact]
    public async Task TheHandOffNeedsTheInitiationAndThenThePmsAcknowledgementBeforeDelivery()
    {
        var agency = await SeedAgencyAsync();
        var draft = (await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput { AccountId = agency.Harbour, Name = "Rebrand" }, Ct)).Value;

        var incomplete = await HandOffs.SendAsync(agency.Manager, draft.Id, null, Ct);
        incomplete.Error!.Fields!.Keys.ShouldBe(["clientNeeds", "goals", "deliverables", "projectManagerId", "endDate"], ignoreOrder: true);

        await Engagements.UpdateAsync(agency.Manager, draft.Id, null, Complete(agency), Ct);
        var preview = (await HandOffs.PreviewAsync(agency.Manager, draft.Id, Ct)).Value;
        var sent = (await HandOffs.SendAsync(agency.Manager, draft.Id, null, Ct)).Value;
        sent.HandOff.Brief.ShouldBe(preview);
        sent.Status.ShouldBe(EngagementStatus.HandOff);
        sent.HandOff.Brief!.ShouldContain("More bookings");
        sent.HandOff.Brief!.ShouldContain("New logo");
        sent.HandOff.SentBy.ShouldBe("Jonas Becker");

        (await Engagements.SetStatusAsync(agency.Manager, draft.Id, null, new StatusInput(EngagementStatus.InDelivery), Ct))
            .Error!.Message.ShouldContain("not acknowledged");
        (await HandOffs.AcknowledgeAsync(agency.Manager, draft.Id, null, new AcknowledgeInput(null), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        var acknowledged = (await HandOffs.AcknowledgeAsync(agency.ProjectManager, draft.Id, null, new AcknowledgeInput(["Who approves the logo?"]), Ct)).Value;
        acknowledged.HandOff.AcknowledgedBy.ShouldBe("Mateo Alvarez");
        acknowledged.HandOff.ReadyForDelivery.ShouldBeFalse();
        (await Engagements.SetStatusAsync(agency.Manager, draft.Id, null, new StatusInput(EngagementStatus.InDelivery), Ct))
            .Error!.Message.ShouldContain("questions");

        var question = acknowledged.HandOff.Questions.Single();
        (await HandOffs.AnswerAsync(agency.ProjectManager, draft.Id, question.Id, new AnswerInput("Me"), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var answered = (await HandOffs.AnswerAsync(agency.Manager, draft.Id, question.Id, new AnswerInput("The CMO, Olivia."), Ct)).Value;
        answered.HandOff.ReadyForDelivery.ShouldBeTrue();

        var delivering = await Engagements.SetStatusAsync(agency.ProjectManager, draft.Id, null, new StatusInput(EngagementStatus.InDelivery), Ct);
        delivering.Value.Status.ShouldBe(EngagementStatus.InDelivery);
    }

    [Fact]
    public async Task AWrongStatusChangeSaysWhichOnesAreAllowed()
    {
        var agency = await SeedAgencyAsync();
        var draft = (await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput { AccountId = agency.Harbour, Name = "Rebrand" }, Ct)).Value;

        var refused = await Engagements.SetStatusAsync(agency.Manager, draft.Id, null, new StatusInput(EngagementStatus.Completed), Ct);

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Error.Message.ShouldBe("An engagement that is draft cannot become completed. It can become: cancelled.");
        EngagementService.NextStatuses(EngagementStatus.Draft).ShouldBe([EngagementStatus.Cancelled]);
    }

    [Fact]
    public async Task TeamMembersSeeTheEngagementsTheyAreOnAndClientsNeverSeeDrafts()
    {
        var agency = await SeedAgencyAsync();
        var tom = await AddStaffUserAsync("Tom Designer", Role.TeamMember);
        var input = Complete(agency);
        var onIt = (await Engagements.CreateAsync(agency.Manager, WithAccount(input, agency.Harbour, "With Tom", tom.StaffId), Ct)).Value;
        var notOnIt = (await Engagements.CreateAsync(agency.Manager, WithAccount(input, agency.Harbour, "Without Tom", null), Ct)).Value;

        var tomSees = (await Engagements.ListAsync(tom, new EngagementListQuery(), Ct)).Value.Items.Select(e => e.Name);
        var managerSees = (await Engagements.ListAsync(agency.Manager, new EngagementListQuery(), Ct)).Value.Items.Select(e => e.Name);
        var clientSees = (await Engagements.ListAsync(agency.Client, new EngagementListQuery(), Ct)).Value.Items;

        tomSees.ShouldBe(["With Tom"]);
        managerSees.ShouldBe(["With Tom", "Without Tom"]);
        clientSees.ShouldBeEmpty();
        (await Engagements.GetAsync(tom, notOnIt.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Engagements.GetForClientAsync(agency.Client, onIt.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Engagements.UpdateAsync(tom, onIt.Id, null, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task MembersJoinTheAccountTeamSoTheyCanSeeTheAccount()
    {
        var agency = await SeedAgencyAsync();
        var tom = await AddStaffUserAsync("Tom Designer", Role.TeamMember);

        await Engagements.CreateAsync(agency.Manager, WithAccount(Complete(agency), agency.Harbour, "With Tom", tom.StaffId), Ct);

        (await Accounts.GetAsync(tom, agency.Harbour, Ct)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task AmberOrRedNeedsAReasonAndRecordsTheDay()
    {
        var agency = await SeedAgencyAsync();
        var draft = (await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput { AccountId = agency.Harbour, Name = "Rebrand" }, Ct)).Value;

        (await Engagements.SetRagAsync(agency.Manager, draft.Id, null, new RagInput(Rag.Red, " "), Ct)).Error!.Fields!.Keys.ShouldBe(["reason"]);
        var red = (await Engagements.SetRagAsync(agency.Manager, draft.Id, null, new RagInput(Rag.Red, "The client has gone quiet."), Ct)).Value;

        red.Rag.ShouldBe(Rag.Red);
        red.RagSetOn.ShouldBe(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task ARetainerStartsOnTheFirstOfAMonth()
    {
        var agency = await SeedAgencyAsync();

        var refused = await Engagements.CreateAsync(agency.Manager, new CreateEngagementInput
        {
            AccountId = agency.Harbour, Name = "Social retainer", Type = EngagementType.Retainer, StartDate = new DateOnly(2026, 3, 15),
        }, Ct);

        refused.Error!.Fields!.Keys.ShouldBe(["startDate"]);
    }

    private static EngagementInput Complete(Agency agency) => new()
    {
        Name = "Rebrand",
        ClientNeeds = "A brand that looks as modern as the new fleet.",
        Goals = ["More bookings from under-35s"],
        Deliverables = [new DeliverableInput { Title = "New logo", DueDate = new DateOnly(2026, 4, 30) }],
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2026, 8, 31),
        ProjectManagerId = agency.ProjectManager.StaffId,
        AccountManagerId = agency.Manager.StaffId,
    };

    private static CreateEngagementInput WithAccount(EngagementInput input, Guid accountId, string name, Guid? member) => new()
    {
        AccountId = accountId,
        Name = name,
        ClientNeeds = input.ClientNeeds,
        Goals = input.Goals,
        Deliverables = input.Deliverables,
        StartDate = input.StartDate,
        EndDate = input.EndDate,
        ProjectManagerId = input.ProjectManagerId,
        AccountManagerId = input.AccountManagerId,
        Members = member is { } id ? [new MemberInput { StaffId = id, Role = "Designer" }] : [],
    };
}
