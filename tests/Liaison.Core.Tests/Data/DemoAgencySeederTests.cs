using Liaison.Core.Access;
using Liaison.Core.Common.Files;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Tests.Data;

public sealed class DemoAgencySeederTests : DatabaseTest
{
    private DemoAgencySeeder Seeder => new(Database, Hasher, Normalizer, Clock);

    [Fact]
    public async Task SeedsABelievableAgency()
    {
        await Seeder.SeedAsync(Ct);

        await using var db = Database.CreateDbContext();
        var accounts = await db.Accounts.ToListAsync(Ct);
        accounts.Count.ShouldBeGreaterThanOrEqualTo(8);
        accounts.Select(a => a.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        accounts.Select(a => a.Tier).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        (await db.Staff.CountAsync(Ct)).ShouldBe(12);
        foreach (var account in accounts)
        {
            (await db.Stakeholders.CountAsync(s => s.AccountId == account.Id, Ct)).ShouldBeGreaterThan(0, account.Name);
            var team = await db.AccountTeamMembers.Where(t => t.AccountId == account.Id).ToListAsync(Ct);
            team.Count.ShouldBeGreaterThan(1, account.Name);
            team.ShouldContain(t => t.StaffId == account.AccountManagerId && t.Role == TeamRole.AccountManager, account.Name);
        }
    }

    [Fact]
    public async Task SeedsEngagementsWhoseTimeAndMoneyAddUp()
    {
        await Seeder.SeedAsync(Ct);
        var admin = await Loader.LoadAsync((await ReadAdminIdAsync()), Ct);

        await using var db = Database.CreateDbContext();
        var engagements = await db.Engagements.ToListAsync(Ct);
        engagements.Select(e => e.Type).Distinct().Count().ShouldBe(3);
        var seeded = await db.TimeRollups.AsNoTracking().OrderBy(r => r.EngagementId).ThenBy(r => r.StaffId).ThenBy(r => r.Month)
            .Select(r => new { r.EngagementId, r.StaffId, r.Month, r.Minutes, r.CostUnits, r.BillableUnits, r.ValueUnits }).ToListAsync(Ct);
        seeded.Sum(r => r.Minutes).ShouldBe(await db.TimeEntries.SumAsync(t => (long)t.Minutes, Ct));
        await Liaison.Core.Features.Time.Rollups.RebuildAsync(db, [.. engagements.Select(e => e.Id)], Ct);
        var rebuilt = await db.TimeRollups.AsNoTracking().OrderBy(r => r.EngagementId).ThenBy(r => r.StaffId).ThenBy(r => r.Month)
            .Select(r => new { r.EngagementId, r.StaffId, r.Month, r.Minutes, r.CostUnits, r.BillableUnits, r.ValueUnits }).ToListAsync(Ct);
        rebuilt.ShouldBe(seeded);

        var harbour = await db.Accounts.SingleAsync(a => a.Name == "Harbourline Ferries", Ct);
        var money = (await Profitability.ForAccountAsync(admin!, harbour.Id, null, null, Ct)).Value;
        money.Revenue.ShouldBeGreaterThan(0);
        money.Cost.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SeedsAnInteractionLogThatAgreesWithTheLastTouchesAndTheQueue()
    {
        await Seeder.SeedAsync(Ct);
        var admin = await Loader.LoadAsync(await ReadAdminIdAsync(), Ct);

        await using var db = Database.CreateDbContext();
        var touches = await db.Stakeholders.AsNoTracking().Select(s => new { s.Id, s.LastTouchAt }).ToListAsync(Ct);
        await Liaison.Core.Features.Stakeholders.StakeholderTouches.RefreshAsync(db, touches.Select(t => t.Id), Ct);
        var refreshed = await db.Stakeholders.AsNoTracking().Select(s => new { s.Id, s.LastTouchAt }).ToListAsync(Ct);
        refreshed.OrderBy(t => t.Id).ShouldBe(touches.OrderBy(t => t.Id), "every seeded last touch is an interaction in the log");
        touches.ShouldAllBe(t => t.LastTouchAt != null);

        var harbour = await db.Accounts.SingleAsync(a => a.Name == "Harbourline Ferries", Ct);
        var queue = (await Replies.AwaitingAsync(admin!, new Liaison.Core.Features.Communications.AwaitingReplyQuery(harbour.Id), Ct)).Value.Items;
        queue.Count.ShouldBe(2);
        queue[0].IsBreached.ShouldBeTrue();
        queue[1].IsBreached.ShouldBeFalse();
        var figures = (await Replies.ForAccountAsync(admin!, harbour.Id, null, Ct)).Value.Figures;
        figures.Replied.ShouldBe(3);
        figures.RepliedLate.ShouldBe(2, "9 and 20 business hours are past the 8 a normal query allows");
        figures.MedianMinutes.ShouldBe(9 * 60);

        // Tidewater's seeded promises: each side kept one of the two that fell due.
        var tidewater = await db.Accounts.SingleAsync(a => a.Name == "Tidewater Bank", Ct);
        var reliability = (await Commitments.ReliabilityAsync(admin!, tidewater.Id, Ct)).Value;
        reliability.Client.ShouldBe(new Liaison.Core.Features.Meetings.ReliabilityScore(1, 2, reliability.Client.Percent));
        reliability.Agency.ShouldBe(new Liaison.Core.Features.Meetings.ReliabilityScore(1, 2, reliability.Agency.Percent));
        (await db.AccountPlans.SingleAsync(p => p.AccountId == tidewater.Id, Ct)).LastReviewedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task SeedsARiskRegisterWithAHeatMapAnOverdueReviewAndARealisedRisk()
    {
        await Seeder.SeedAsync(Ct);
        var admin = await Loader.LoadAsync(await ReadAdminIdAsync(), Ct);

        await using var db = Database.CreateDbContext();
        var harbour = await db.Accounts.SingleAsync(a => a.Name == "Harbourline Ferries", Ct);
        var map = (await Risks.HeatMapAsync(admin!, harbour.Id, null, Ct)).Value;
        (map.OpenRisks, map.OpenIssues, map.OverdueReviews).ShouldBe((3, 1, 1));
        var all = (await Risks.ListAsync(admin!, new Liaison.Core.Features.Risks.RiskListQuery(harbour.Id), Ct)).Value.Items;
        all.ShouldContain(r => r.Status == Liaison.Core.Features.Risks.RiskStatus.Realised);
        all.ShouldContain(r => r.RealisedRisk != null);
        all.ShouldContain(r => r.EscalatedAt != null);
        all.ShouldAllBe(r => r.Score == r.Probability * r.Impact);
    }

    [Fact]
    public async Task SeedsADeliveryFlowThroughTheFilterWithRequestsAndChangesOfScope()
    {
        await Seeder.SeedAsync(Ct);
        var admin = (await Loader.LoadAsync(await ReadAdminIdAsync(), Ct))!;
        await using var db = Database.CreateDbContext();
        var app = await db.Engagements.SingleAsync(e => e.Name == "Mobile app onboarding", Ct);
        var deliverables = new DeliverableService(Database, Clock, new FileStore(Options.Create(new FileStorageOptions()), Clock));

        var board = (await deliverables.BoardAsync(admin, app.Id, Ct)).Value;
        board.Columns.Count(c => c.Items.Count > 0).ShouldBeGreaterThanOrEqualTo(5);
        var screens = board.Columns.SelectMany(c => c.Items).Single(d => d.Title == "Onboarding screens");
        (screens.State, screens.InternalRounds, screens.ClientRounds).ShouldBe((DeliverableState.ClientReview, 3, 2));
        board.Columns.Single(c => c.State == DeliverableState.InternalReview).Items.ShouldAllBe(d => d.AwaitsFilter);
        var details = (await deliverables.GetAsync(admin, screens.Id, Ct)).Value;
        details.InternalApproval!.VersionNumber.ShouldBe(3);
        details.Rounds.Single(r => r.Kind == ReviewKind.Client && r.Number == 1).Outcome.ShouldBe(ReviewOutcome.ChangesRequested);

        var requests = await db.ClientRequests.Where(r => r.AccountId == app.AccountId).ToListAsync(Ct);
        requests.Select(r => r.Outcome).ShouldBe([RequestOutcome.Deliverables, RequestOutcome.ChangeRequest, RequestOutcome.Declined, null], ignoreOrder: true);
        var linked = requests.Single(r => r.Outcome == RequestOutcome.ChangeRequest);
        (await ChangeRequests.GetAsync(admin, linked.ChangeRequestId!.Value, Ct)).Value.RequestId.ShouldBe(linked.Id);

        // The applied change moved the engagement as applying it in the app would have.
        var scope = (await ChangeRequests.ScopeAsync(admin, app.Id, Ct)).Value;
        scope.Growth.HoursMinutes.ShouldBe(16 * 60);
        scope.Current.HoursMinutes.ShouldBe(scope.Original.HoursMinutes + (16 * 60));
        scope.Current.EndDate.ShouldBe(scope.Original.EndDate!.Value.AddDays(7));
        (app.Budget.HoursCapMinutes, app.EndDate).ShouldBe((scope.Current.HoursMinutes, scope.Current.EndDate));
        scope.AwaitingDecision.ShouldBe(1);
    }

    private async Task<Guid> ReadAdminIdAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.Where(u => u.Role == Role.Admin).Select(u => u.Id).FirstAsync(Ct);
    }

    [Fact]
    public async Task ReturnsSignInsThatWorkWithTheDemoPassword()
    {
        var signIns = await Seeder.SeedAsync(Ct);

        signIns.ShouldContain(s => s.Email == "amira@northwind-pike.test" && s.Role == Role.Admin);
        signIns.ShouldContain(s => s.Role == Role.AccountManager);
        signIns.ShouldContain(s => s.Role == Role.ProjectManager);
        var client = signIns.Where(s => s.Role == Role.Client).ShouldHaveSingleItem();
        await using var db = Database.CreateDbContext();
        foreach (var signIn in signIns)
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == Normalizer.NormalizeEmail(signIn.Email), Ct);
            user.Role.ShouldBe(signIn.Role);
            Hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAgencySeeder.Password).ShouldBe(PasswordVerificationResult.Success);
            (await Loader.LoadAsync(user.Id, Ct)).ShouldNotBeNull();
        }

        var clientUser = await Loader.LoadAsync(
            await db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(Ct), Ct);
        var visible = (await Accounts.ListAsync(clientUser!, new AccountListQuery(), Ct)).Value.Items;
        visible.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StaffUsersAreLinkedBothWays()
    {
        await Seeder.SeedAsync(Ct);

        await using var db = Database.CreateDbContext();
        var staffUsers = await db.Users.Where(u => u.Role != Role.Client).ToListAsync(Ct);
        staffUsers.ShouldNotBeEmpty();
        foreach (var user in staffUsers)
        {
            var staff = await db.Staff.SingleAsync(s => s.Id == user.StaffId, Ct);
            staff.UserId.ShouldBe(user.Id);
        }
    }

    [Fact]
    public async Task ASecondRunSeedsNothing()
    {
        await Seeder.SeedAsync(Ct);
        var before = await CountsAsync();

        var second = await Seeder.SeedAsync(Ct);

        second.ShouldBeEmpty();
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ADatabaseWithAnyAccountIsNotSeeded()
    {
        await AddAccountAsync("Already here");

        (await Seeder.SeedAsync(Ct)).ShouldBeEmpty();

        await using var db = Database.CreateDbContext();
        (await db.Accounts.CountAsync(Ct)).ShouldBe(1);
        (await db.Users.CountAsync(Ct)).ShouldBe(0);
    }

    private async Task<(int Accounts, int Staff, int Users, int Stakeholders, int Audit)> CountsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Accounts.CountAsync(Ct), await db.Staff.CountAsync(Ct), await db.Users.CountAsync(Ct),
            await db.Stakeholders.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }
}
