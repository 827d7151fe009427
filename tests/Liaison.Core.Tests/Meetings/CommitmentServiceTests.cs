using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Meetings;

public sealed class CommitmentServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026.
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task TheOwnerMatchesTheSide()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        var foreign = await AddStakeholderAsync(agency.Verdant, "Vera Elsewhere");

        var clientSide = (await Commitments.CreateAsync(agency.Manager, Client(agency.Harbour, sponsor), Ct)).Value;
        var agencySide = (await Commitments.CreateAsync(agency.Manager, Agency(agency.Harbour, agency.ProjectManager.StaffId), Ct)).Value;

        clientSide.OwnerName.ShouldBe("Olga Sponsor");
        clientSide.AccountName.ShouldBe("Harbourline Ferries");
        agencySide.OwnerName.ShouldBe("Mateo Alvarez");
        Fields(await Commitments.CreateAsync(agency.Manager, Client(agency.Harbour, null), Ct)).ShouldBe(["ownerStakeholderId"]);
        Fields(await Commitments.CreateAsync(agency.Manager, Client(agency.Harbour, foreign), Ct)).ShouldBe(["ownerStakeholderId"]);
        Fields(await Commitments.CreateAsync(agency.Manager, Agency(agency.Harbour, null), Ct)).ShouldBe(["ownerStaffId"]);
        Fields(await Commitments.CreateAsync(agency.Manager, Agency(agency.Harbour, agency.OffTeam.StaffId), Ct)).ShouldBe(["ownerStaffId"]);
        var both = Agency(agency.Harbour, agency.Manager.StaffId);
        both.OwnerStakeholderId = sponsor;
        Fields(await Commitments.CreateAsync(agency.Manager, both, Ct)).ShouldBe(["ownerStakeholderId"]);
        // An admin can own an agency commitment without being on the team.
        (await Commitments.CreateAsync(agency.Manager, Agency(agency.Harbour, agency.Admin.StaffId), Ct)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task BadInputNamesTheFieldAndWritesNothing()
    {
        var agency = await SeedAgencyAsync();
        var verdantMeeting = (await Meetings.CreateAsync(agency.Admin, new CreateMeetingInput
        {
            AccountId = agency.Verdant, Title = "Kick-off", StartsAt = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero),
        }, Ct)).Value;

        var noDate = Agency(agency.Harbour, agency.Manager.StaffId);
        noDate.DueDate = null;
        var noTitle = Agency(agency.Harbour, agency.Manager.StaffId);
        noTitle.Title = " ";
        var otherMeeting = Agency(agency.Harbour, agency.Manager.StaffId);
        otherMeeting.MeetingId = verdantMeeting.Id;
        var doneDateOpen = Agency(agency.Harbour, agency.Manager.StaffId);
        doneDateOpen.DoneOn = Today;
        var future = Agency(agency.Harbour, agency.Manager.StaffId);
        future.Status = CommitmentStatus.Done;
        future.DoneOn = Today.AddDays(1);
        var invisible = Agency(agency.Verdant, agency.Manager.StaffId);

        Fields(await Commitments.CreateAsync(agency.Manager, noDate, Ct)).ShouldBe(["dueDate"]);
        Fields(await Commitments.CreateAsync(agency.Manager, noTitle, Ct)).ShouldBe(["title"]);
        Fields(await Commitments.CreateAsync(agency.Manager, otherMeeting, Ct)).ShouldBe(["meetingId"]);
        Fields(await Commitments.CreateAsync(agency.Manager, doneDateOpen, Ct)).ShouldBe(["doneOn"]);
        Fields(await Commitments.CreateAsync(agency.Manager, future, Ct)).ShouldBe(["doneOn"]);
        Fields(await Commitments.CreateAsync(agency.Manager, invisible, Ct)).ShouldBe(["accountId"]);
        (await Commitments.CreateAsync(agency.OffTeam, Agency(agency.Verdant, agency.OffTeam.StaffId), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.CreateAsync(agency.Client, Agency(agency.Harbour, agency.Manager.StaffId), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.ListAsync(agency.Manager, new CommitmentListQuery(DueWithinDays: 400), Ct)).Error!.Fields!.Keys.ShouldBe(["dueWithinDays"]);

        await using var db = Database.CreateDbContext();
        (await db.Commitments.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task DoneSetsTheDoneDateToTodayUnlessGivenAndOtherStatusesClearIt()
    {
        var agency = await SeedAgencyAsync();
        var input = Agency(agency.Harbour, agency.Manager.StaffId);
        input.Status = CommitmentStatus.Done;
        var done = (await Commitments.CreateAsync(agency.Manager, input, Ct)).Value;
        done.DoneOn.ShouldBe(Today);

        input.Status = CommitmentStatus.Open;
        var reopened = (await Commitments.UpdateAsync(agency.Manager, done.Id, done.Version, input, Ct)).Value;
        reopened.DoneOn.ShouldBeNull();
        reopened.Version.ShouldBe(done.Version + 1);
        (await Commitments.UpdateAsync(agency.Manager, done.Id, done.Version, input, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);

        var ticked = (await Commitments.AddUpdateAsync(agency.Manager, done.Id, reopened.Version,
            new CommitmentUpdateInput { Text = "Sent it", Status = CommitmentStatus.Done, DoneOn = Today.AddDays(-1) }, Ct)).Value;
        ticked.DoneOn.ShouldBe(Today.AddDays(-1));
        ticked.Version.ShouldBe(reopened.Version + 1);
        var entry = ticked.Updates.ShouldHaveSingleItem();
        (entry.Text, entry.AuthorName, entry.NewStatus).ShouldBe(("Sent it", "Jonas Becker", (CommitmentStatus?)CommitmentStatus.Done));
        entry.At.ShouldBe(Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task ClientsSeeOnlyClientVisibleCommitmentsAndMayTickOffOnlyTheirOwnSide()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        var theirs = Client(agency.Harbour, sponsor);
        theirs.ClientVisible = true;
        var visibleClient = (await Commitments.CreateAsync(agency.Manager, theirs, Ct)).Value;
        var ours = Agency(agency.Harbour, agency.Manager.StaffId);
        ours.ClientVisible = true;
        var visibleAgency = (await Commitments.CreateAsync(agency.Manager, ours, Ct)).Value;
        var hidden = (await Commitments.CreateAsync(agency.Manager, Client(agency.Harbour, sponsor), Ct)).Value;

        (await Commitments.ListAsync(agency.Client, new CommitmentListQuery(), Ct)).Value.Items.Select(c => c.Id)
            .ShouldBe([visibleClient.Id, visibleAgency.Id], ignoreOrder: true);
        (await Commitments.ListAsync(agency.OtherClient, new CommitmentListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        (await Commitments.GetAsync(agency.Client, hidden.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Commitments.GetAsync(agency.OtherClient, visibleClient.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Commitments.AddUpdateAsync(agency.Client, hidden.Id, null, new CommitmentUpdateInput { Text = "Hi" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Commitments.AddUpdateAsync(agency.Client, visibleAgency.Id, null, new CommitmentUpdateInput { Status = CommitmentStatus.Done }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.AddUpdateAsync(agency.Client, visibleClient.Id, null, new CommitmentUpdateInput { Status = CommitmentStatus.Dropped }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.UpdateAsync(agency.Client, visibleClient.Id, null, theirs, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.GetAsync(agency.Manager, visibleClient.Id, Ct)).Value.Version.ShouldBe(visibleClient.Version);

        var progress = (await Commitments.AddUpdateAsync(agency.Client, visibleClient.Id, null, new CommitmentUpdateInput { Text = "Drafting it" }, Ct)).Value;
        var ticked = (await Commitments.AddUpdateAsync(agency.Client, visibleClient.Id, progress.Version,
            new CommitmentUpdateInput { Status = CommitmentStatus.Done }, Ct)).Value;

        ticked.Status.ShouldBe(CommitmentStatus.Done);
        ticked.DoneOn.ShouldBe(Today);
        ticked.Updates.Select(u => (u.AuthorName, u.NewStatus)).ShouldBe([("Olivia Whitfield", (CommitmentStatus?)null), ("Olivia Whitfield", CommitmentStatus.Done)]);
    }

    [Fact]
    public async Task TeamMembersReadCommitmentsAndUpdateOnlyTheirOwn()
    {
        var agency = await SeedAgencyAsync();
        var own = (await Commitments.CreateAsync(agency.Admin, Agency(agency.Verdant, agency.OffTeam.StaffId), Ct)).Value;
        var others = (await Commitments.CreateAsync(agency.Admin, Agency(agency.Verdant, agency.Admin.StaffId), Ct)).Value;

        (await Commitments.GetAsync(agency.OffTeam, others.Id, Ct)).IsSuccess.ShouldBeTrue();
        (await Commitments.AddUpdateAsync(agency.OffTeam, own.Id, null, new CommitmentUpdateInput { Text = "Halfway" }, Ct)).IsSuccess.ShouldBeTrue();
        (await Commitments.AddUpdateAsync(agency.OffTeam, others.Id, null, new CommitmentUpdateInput { Text = "Halfway" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.UpdateAsync(agency.OffTeam, own.Id, null, Agency(agency.Verdant, agency.OffTeam.StaffId), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.GetAsync(agency.Manager, own.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Commitments.AddUpdateAsync(agency.OffTeam, own.Id, null, new CommitmentUpdateInput(), Ct)).Error!.Fields!.Keys.ShouldBe(["text"]);
    }

    [Fact]
    public async Task TheListFiltersGiveOverdueAndDueThisWeekPerPersonAndPerAccount()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        async Task<Guid> AddAsync(CreateCommitmentInput input, DateOnly due, CommitmentStatus status = CommitmentStatus.Open)
        {
            input.DueDate = due;
            input.Status = status;
            return (await Commitments.CreateAsync(agency.Admin, input, Ct)).Value.Id;
        }

        var mineOverdue = await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today.AddDays(-3));
        var mineSlipped = await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today.AddDays(-1), CommitmentStatus.Slipped);
        var mineToday = await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today);
        var mineThisWeek = await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today.AddDays(6));
        var mineLater = await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today.AddDays(10));
        await AddAsync(Agency(agency.Harbour, agency.Manager.StaffId), Today.AddDays(-5), CommitmentStatus.Done);
        var pmOverdue = await AddAsync(Agency(agency.Harbour, agency.ProjectManager.StaffId), Today.AddDays(-2));
        var clientOverdue = await AddAsync(Client(agency.Harbour, sponsor), Today.AddDays(-4));
        var verdantOverdue = await AddAsync(Agency(agency.Verdant, agency.Admin.StaffId), Today.AddDays(-4));

        async Task<List<Guid>> ListAsync(CurrentUser user, CommitmentListQuery query) =>
            [.. (await Commitments.ListAsync(user, query, Ct)).Value.Items.Select(c => c.Id)];

        (await ListAsync(agency.Manager, new CommitmentListQuery(Mine: true, Overdue: true))).ShouldBe([mineOverdue, mineSlipped]);
        (await ListAsync(agency.Manager, new CommitmentListQuery(Mine: true, DueWithinDays: 7))).ShouldBe([mineToday, mineThisWeek]);
        (await ListAsync(agency.Manager, new CommitmentListQuery(AccountId: agency.Harbour, Overdue: true)))
            .ShouldBe([clientOverdue, mineOverdue, pmOverdue, mineSlipped]);
        (await ListAsync(agency.Manager, new CommitmentListQuery(Side: CommitmentSide.Client))).ShouldBe([clientOverdue]);
        (await ListAsync(agency.Manager, new CommitmentListQuery(AccountId: agency.Harbour, Pending: true, Mine: true)))
            .ShouldBe([mineOverdue, mineSlipped, mineToday, mineThisWeek, mineLater]);
        (await ListAsync(agency.Admin, new CommitmentListQuery(Overdue: true, Status: CommitmentStatus.Open)))
            .ShouldBe([clientOverdue, verdantOverdue, mineOverdue, pmOverdue], ignoreOrder: true);

        var page = (await Commitments.ListAsync(agency.Manager, new CommitmentListQuery(Limit: 2), Ct)).Value;
        page.Items.Count.ShouldBe(2);
        var next = (await Commitments.ListAsync(agency.Manager, new CommitmentListQuery(Limit: 2, Cursor: page.NextCursor), Ct)).Value;
        next.Items.Select(c => c.Id).ShouldNotContain(page.Items[0].Id);
    }

    [Fact]
    public async Task ReliabilityIsMeasuredPerSideOverTheLast90Days()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        await using (var db = Database.CreateDbContext())
        {
            Commitment Make(CommitmentSide side, DateOnly due, CommitmentStatus status, DateOnly? doneOn = null) => new()
            {
                AccountId = agency.Harbour, Side = side, Title = "Promise", DueDate = due, Status = status, DoneOn = doneOn,
                OwnerStakeholderId = side == CommitmentSide.Client ? sponsor : null,
                OwnerStaffId = side == CommitmentSide.Agency ? agency.Manager.StaffId : null,
            };

            db.Commitments.AddRange(
                Make(CommitmentSide.Agency, Today.AddDays(-10), CommitmentStatus.Done, Today.AddDays(-11)),
                Make(CommitmentSide.Agency, Today.AddDays(-20), CommitmentStatus.Done, Today.AddDays(-20)),
                Make(CommitmentSide.Agency, Today.AddDays(-30), CommitmentStatus.Done, Today.AddDays(-25)),
                Make(CommitmentSide.Agency, Today.AddDays(-40), CommitmentStatus.Dropped),
                Make(CommitmentSide.Agency, Today.AddDays(-100), CommitmentStatus.Done, Today.AddDays(-100)),
                Make(CommitmentSide.Client, Today.AddDays(-5), CommitmentStatus.Slipped),
                Make(CommitmentSide.Client, Today.AddDays(-6), CommitmentStatus.Done, Today.AddDays(-7)),
                Make(CommitmentSide.Client, Today, CommitmentStatus.Open));
            await db.SaveChangesAsync(Ct);
        }

        var reliability = (await Commitments.ReliabilityAsync(agency.ProjectManager, agency.Harbour, Ct)).Value;

        reliability.From.ShouldBe(Today.AddDays(-90));
        reliability.To.ShouldBe(Today);
        reliability.Agency.ShouldBe(new ReliabilityScore(2, 3, 66.7m));
        reliability.Client.ShouldBe(new ReliabilityScore(1, 2, 50m));
        (await Commitments.ReliabilityAsync(agency.Client, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Commitments.ReliabilityAsync(agency.OffTeam, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Commitments.ReliabilityAsync(agency.Manager, agency.Verdant, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task DeletingAStakeholderLeavesTheirCommitmentsWithoutAnOwner()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        var promise = (await Commitments.CreateAsync(agency.Manager, Client(agency.Harbour, sponsor), Ct)).Value;

        (await Stakeholders.DeleteAsync(agency.Manager, agency.Harbour, sponsor, null, Ct)).IsSuccess.ShouldBeTrue();

        var kept = (await Commitments.GetAsync(agency.Manager, promise.Id, Ct)).Value;
        kept.OwnerStakeholderId.ShouldBeNull();
        kept.OwnerName.ShouldBeNull();
    }

    [Fact]
    public void TheProgressRulesThePagesAskAreTheOnesTheServiceApplies()
    {
        var owner = Guid.CreateVersion7();
        var manager = new CurrentUser(Guid.CreateVersion7(), "Manager", Role.AccountManager, Guid.CreateVersion7(), null);
        var member = new CurrentUser(Guid.CreateVersion7(), "Member", Role.TeamMember, owner, null);
        var client = new CurrentUser(Guid.CreateVersion7(), "Client", Role.Client, null, Guid.CreateVersion7());

        CommitmentRules.CanLogProgress(manager, CommitmentSide.Client, null).ShouldBeTrue();
        CommitmentRules.CanLogProgress(member, CommitmentSide.Agency, owner).ShouldBeTrue();
        CommitmentRules.CanLogProgress(member, CommitmentSide.Agency, Guid.CreateVersion7()).ShouldBeFalse();
        CommitmentRules.CanLogProgress(member, CommitmentSide.Client, null).ShouldBeFalse();
        CommitmentRules.CanLogProgress(client, CommitmentSide.Client, null).ShouldBeTrue();
        CommitmentRules.CanLogProgress(client, CommitmentSide.Agency, owner).ShouldBeFalse();
        CommitmentRules.MaySetStatus(client, CommitmentStatus.Done).ShouldBeTrue();
        CommitmentRules.MaySetStatus(client, CommitmentStatus.Dropped).ShouldBeFalse();
        CommitmentRules.MaySetStatus(member, CommitmentStatus.Dropped).ShouldBeTrue();
    }

    private static IEnumerable<string> Fields<T>(Result<T> result) => result.Error?.Fields?.Keys ?? throw new ShouldAssertException("Expected field errors.");

    private static CreateCommitmentInput Client(Guid accountId, Guid? stakeholderId) => new()
    {
        AccountId = accountId, Side = CommitmentSide.Client, OwnerStakeholderId = stakeholderId, Title = "Approve the sitemap", DueDate = Today.AddDays(3),
    };

    private static CreateCommitmentInput Agency(Guid accountId, Guid? staffId) => new()
    {
        AccountId = accountId, Side = CommitmentSide.Agency, OwnerStaffId = staffId, Title = "Send the proposal", DueDate = Today.AddDays(3),
    };
}
