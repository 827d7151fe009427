using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Accounts;

public sealed class AccountPlanServiceTests : DatabaseTest
{
    [Fact]
    public async Task AnAccountWithoutAPlanHasAnEmptyOneAtVersionZero()
    {
        var agency = await SeedAgencyAsync();

        var plan = (await Plans.GetAsync(agency.ProjectManager, agency.Harbour, Ct)).Value;

        plan.Version.ShouldBe(0);
        plan.ClientObjectives.ShouldBeEmpty();
        plan.Initiatives.ShouldBeEmpty();
        plan.LastReviewedAt.ShouldBeNull();
    }

    [Fact]
    public async Task TheFirstSaveCreatesThePlanAndLaterSavesReplaceIt()
    {
        var agency = await SeedAgencyAsync();
        var first = (await Plans.SaveAsync(agency.Manager, agency.Harbour, 0, new AccountPlanInput
        {
            Vision = "  The ferry line people choose first. ",
            ClientObjectives = ["Grow online bookings by 30%", " Open the Oslo route "],
            AgencyObjectives = ["Become their digital partner of record"],
            Initiatives =
            [
                new InitiativeInput { Title = "Booking funnel rework", OwnerStaffId = agency.ProjectManager.StaffId, Horizon = PlanHorizon.ThisQuarter, Status = InitiativeStatus.InProgress },
                new InitiativeInput { Title = "Oslo launch campaign", Horizon = PlanHorizon.NextQuarter },
            ],
        }, Ct)).Value;

        first.Version.ShouldBe(1);
        first.Vision.ShouldBe("The ferry line people choose first.");
        first.ClientObjectives.ShouldBe(["Grow online bookings by 30%", "Open the Oslo route"]);
        first.Initiatives.Select(i => i.Title).ShouldBe(["Booking funnel rework", "Oslo launch campaign"]);
        first.Initiatives[0].OwnerName.ShouldBe("Mateo Alvarez");

        var kept = first.Initiatives[0];
        var second = (await Plans.SaveAsync(agency.ProjectManager, agency.Harbour, first.Version, new AccountPlanInput
        {
            ClientObjectives = first.ClientObjectives.ToList(),
            Initiatives = [new InitiativeInput { Id = kept.Id, Title = kept.Title, OwnerStaffId = kept.OwnerStaffId, Status = InitiativeStatus.Done }],
        }, Ct)).Value;

        second.Version.ShouldBe(2);
        second.Initiatives.ShouldHaveSingleItem().Id.ShouldBe(kept.Id);
        second.Initiatives[0].Status.ShouldBe(InitiativeStatus.Done);
        second.Vision.ShouldBeNull();
        await using var db = Database.CreateDbContext();
        (await db.PlanInitiatives.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task AChangeToInitiativesAloneIsANewVersion()
    {
        var agency = await SeedAgencyAsync();
        var input = new AccountPlanInput { Initiatives = [new InitiativeInput { Title = "Loyalty scheme" }] };
        var first = (await Plans.SaveAsync(agency.Manager, agency.Harbour, null, input, Ct)).Value;

        input.Initiatives[0].Id = first.Initiatives[0].Id;
        input.Initiatives[0].Status = InitiativeStatus.Planned;
        var second = (await Plans.SaveAsync(agency.Manager, agency.Harbour, first.Version, input, Ct)).Value;

        second.Version.ShouldBe(first.Version + 1);
        (await Plans.SaveAsync(agency.Manager, agency.Harbour, first.Version, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
    }

    [Fact]
    public async Task AStaleFirstSaveIsRefusedWhenSomeoneCreatedThePlanMeanwhile()
    {
        var agency = await SeedAgencyAsync();
        await Plans.SaveAsync(agency.Manager, agency.Harbour, 0, new AccountPlanInput { Vision = "First" }, Ct);

        var late = await Plans.SaveAsync(agency.ProjectManager, agency.Harbour, 0, new AccountPlanInput { Vision = "Second" }, Ct);

        late.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.Vision.ShouldBe("First");
    }

    [Fact]
    public async Task ThePlanIsInternalTeamMembersReadItAndOnlyManagersEditIt()
    {
        var agency = await SeedAgencyAsync();
        var input = new AccountPlanInput { Vision = "Internal: keep them close" };

        (await Plans.GetAsync(agency.Client, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Plans.SaveAsync(agency.Client, agency.Harbour, null, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Plans.GetAsync(agency.OtherClient, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Plans.GetAsync(agency.OffTeam, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Plans.GetAsync(agency.OffTeam, agency.Verdant, Ct)).IsSuccess.ShouldBeTrue();
        (await Plans.SaveAsync(agency.OffTeam, agency.Verdant, null, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Plans.SaveAsync(agency.Admin, agency.Verdant, null, input, Ct)).IsSuccess.ShouldBeTrue();

        await using var db = Database.CreateDbContext();
        (await db.AccountPlans.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task BadInputNamesTheFieldAndWritesNothing()
    {
        var agency = await SeedAgencyAsync();

        var blank = await Plans.SaveAsync(agency.Manager, agency.Harbour, null, new AccountPlanInput { ClientObjectives = ["Grow", "  "] }, Ct);
        var untitled = await Plans.SaveAsync(agency.Manager, agency.Harbour, null, new AccountPlanInput { Initiatives = [new InitiativeInput { Title = "" }] }, Ct);
        var stranger = await Plans.SaveAsync(agency.Manager, agency.Harbour, null,
            new AccountPlanInput { Initiatives = [new InitiativeInput { Title = "Ghost work", OwnerStaffId = Guid.CreateVersion7() }] }, Ct);

        blank.Error!.Fields!.Keys.ShouldBe(["clientObjectives"]);
        untitled.Error!.Fields!.Keys.ShouldBe(["initiatives"]);
        stranger.Error!.Fields!.Keys.ShouldBe(["initiatives"]);
        await using var db = Database.CreateDbContext();
        (await db.AccountPlans.CountAsync(Ct)).ShouldBe(0);
    }
}
