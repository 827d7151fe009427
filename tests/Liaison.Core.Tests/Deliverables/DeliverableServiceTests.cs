using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Common.Files;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Liaison.Core.Features.Deliverables.DeliverableState;

namespace Liaison.Core.Tests.Deliverables;

public sealed class DeliverableServiceTests : DatabaseTest
{
    private readonly string _files = Path.Combine(Path.GetTempPath(), $"liaison-core-files-{Guid.NewGuid():N}");

    private DeliverableService Deliverables => new(Database, Clock, new FileStore(Options.Create(new FileStorageOptions { Folder = _files }), Clock));

    [Fact]
    public async Task AnUploadIsKeptOnlyWhenItsVersionIsSavedAndIsReadBackOnlyByWhoMaySeeIt()
    {
        var (agency, team) = await SeedAsync();
        var created = (await Deliverables.CreateAsync(agency.Manager, New(team.Engagement), Ct)).Value;
        byte[] pdf = [.. "%PDF-1.7 the layout"u8];
        Task<Result<VersionView>> UploadAsync(long? expectedVersion) =>
            Deliverables.AddFileVersionAsync(agency.Manager, created.Id, expectedVersion, new MemoryStream(pdf), "layout.pdf", new NewFileVersionInput { Notes = "First layout" }, Ct);
        string[] Kept() => Directory.Exists(_files) ? Directory.GetFiles(_files, "*", SearchOption.AllDirectories) : [];

        try
        {
            (await UploadAsync(null)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
            Kept().ShouldBeEmpty("a version may not be added before the work starts, so the file is never written");

            await MoveAsync(agency.Manager, created.Id, InProgress);
            (await UploadAsync(created.Version + 5)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
            Kept().ShouldBeEmpty("the version lost the race, so its file is removed");

            var version = (await UploadAsync(null)).Value;
            version.OriginalFileName.ShouldBe("layout.pdf");
            version.ContentType.ShouldBe("application/pdf");
            Kept().ShouldHaveSingleItem();

            var file = (await Deliverables.OpenVersionFileAsync(agency.Manager, created.Id, version.Id, Ct)).Value;
            await using (file.Content)
            {
                using var copy = new MemoryStream();
                await file.Content.CopyToAsync(copy, Ct);
                copy.ToArray().ShouldBe(pdf);
            }

            (file.FileName, file.ContentType).ShouldBe(("layout.pdf", "application/pdf"));
            (await Deliverables.OpenVersionFileAsync(agency.Client, created.Id, version.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await Deliverables.OpenVersionFileAsync(agency.Manager, created.Id, Guid.CreateVersion7(), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        finally
        {
            if (Directory.Exists(_files))
            {
                Directory.Delete(_files, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AddingADeliverableNeedsAManagerAnEngagementTheyCanSeeAndPeopleOfTheTeam()
    {
        var (agency, team) = await SeedAsync();
        var verdantWork = await AddEngagementAsync(agency.Verdant, agency.Admin);
        var closed = await AddEngagementAsync(agency.Harbour, agency.Manager, EngagementStatus.Completed);

        var made = (await Deliverables.CreateAsync(agency.ProjectManager, New(team.Engagement, team.Designer.StaffId, team.Sam.StaffId), Ct)).Value;
        made.State.ShouldBe(Briefed);
        made.Assignees.ShouldHaveSingleItem().Name.ShouldBe("Tom Designer");
        made.Reviewer!.Name.ShouldBe("Sam Strategist");
        made.EngagementName.ShouldBe("Spring campaign");
        made.AllowedTransitions.ShouldBe([InProgress]);

        Fields(await Deliverables.CreateAsync(agency.Manager, New(team.Engagement, agency.OffTeam.StaffId), Ct)).ShouldBe(["assigneeStaffIds"]);
        Fields(await Deliverables.CreateAsync(agency.Manager, New(team.Engagement, reviewer: agency.OffTeam.StaffId), Ct)).ShouldBe(["reviewerStaffId"]);
        Fields(await Deliverables.CreateAsync(agency.Manager, New(verdantWork), Ct)).ShouldBe(["engagementId"]);
        var untitled = New(team.Engagement);
        untitled.Title = " ";
        Fields(await Deliverables.CreateAsync(agency.Manager, untitled, Ct)).ShouldBe(["title"]);
        (await Deliverables.CreateAsync(agency.Manager, New(closed), Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await Deliverables.CreateAsync(team.Designer, New(team.Engagement), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Deliverables.CreateAsync(agency.Client, New(team.Engagement), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        await using var db = Database.CreateDbContext();
        (await db.Deliverables.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TheWholeWayIsStoredWithRoundsCommentsApprovalsAndAudit()
    {
        var (agency, team) = await SeedAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        var id = (await Deliverables.CreateAsync(agency.ProjectManager, New(team.Engagement, team.Designer.StaffId), Ct)).Value.Id;

        await MoveAsync(team.Designer, id, InProgress);
        (await VersionAsync(team.Designer, id, "https://files.example/v1", "First cut")).Number.ShouldBe(1);
        await MoveAsync(team.Designer, id, InternalReview);
        await CommentAsync(agency.Manager, id, "Internal: the logo is off");
        await MoveAsync(agency.Manager, id, InProgress, "Fix the logo");
        await VersionAsync(team.Designer, id, "https://files.example/v2");
        await MoveAsync(team.Designer, id, InternalReview);
        await MoveAsync(agency.Manager, id, ReadyForClient);
        await MoveAsync(agency.ProjectManager, id, ClientReview, "The launch post for your review.");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var changes = await Deliverables.TransitionForClientAsync(agency.Client, id, null,
            new TransitionInput { To = ChangesRequested, Comment = "Warmer colours." }, Ct);
        changes.Value.State.ShouldBe(ChangesRequested);
        changes.Value.AllowedTransitions.ShouldBeEmpty();
        await MoveAsync(team.Designer, id, InProgress);
        await VersionAsync(team.Designer, id, "https://files.example/v3");
        await MoveAsync(team.Designer, id, InternalReview);
        await MoveAsync(agency.Manager, id, ReadyForClient);
        await MoveAsync(agency.Manager, id, ClientReview);
        var foreign = await AddStakeholderAsync(agency.Verdant, "Vera Elsewhere");
        Fields(await Deliverables.TransitionAsync(agency.Manager, id, null, new TransitionInput { To = Approved, StakeholderId = foreign }, Ct))
            .ShouldBe(["stakeholderId"]);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var approved = await Deliverables.TransitionAsync(agency.Manager, id, null,
            new TransitionInput { To = Approved, StakeholderId = sponsor, Comment = "Approved on the phone." }, Ct);
        approved.Value.ClientApproval.ShouldBe(new ApprovalView("Olga Sponsor", Clock.GetUtcNow().UtcDateTime, 3, "Jonas Becker"));
        await MoveAsync(team.Designer, id, Delivered);

        var d = (await Deliverables.GetAsync(agency.Manager, id, Ct)).Value;
        d.State.ShouldBe(Delivered);
        (d.InternalRounds, d.ClientRounds).ShouldBe((3, 2));
        d.Versions.Select(v => (v.Number, v.ShownToClient)).ShouldBe([(1, false), (2, true), (3, true)]);
        d.Rounds.Select(r => (r.Kind, r.Number, r.VersionNumber, r.Outcome)).ShouldBe(
        [
            (ReviewKind.Internal, 1, 1, ReviewOutcome.ChangesRequested), (ReviewKind.Internal, 2, 2, ReviewOutcome.Approved),
            (ReviewKind.Client, 1, 2, ReviewOutcome.ChangesRequested), (ReviewKind.Internal, 3, 3, ReviewOutcome.Approved),
            (ReviewKind.Client, 2, 3, ReviewOutcome.Approved),
        ]);
        d.Rounds[0].Comments.Select(c => c.Text).ShouldBe(["Internal: the logo is off", "Fix the logo"]);
        d.Rounds[2].Comments.Select(c => (c.Side, c.AuthorName)).ShouldBe([(CommentSide.Agency, "Mateo Alvarez"), (CommentSide.Client, "Olivia Whitfield")]);
        d.Transitions.Count.ShouldBe(13);
        d.Transitions[^1].ByName.ShouldBe("Tom Designer");
        d.AllowedTransitions.ShouldBeEmpty();

        var client = (await Deliverables.GetForClientAsync(agency.Client, id, Ct)).Value;
        client.Rounds.Select(r => r.Version!.Number).ShouldBe([2, 3]);
        client.Rounds.SelectMany(r => r.Comments).ShouldAllBe(c => !c.Text.StartsWith("Internal:"));
        client.Versions.Select(v => v.Number).ShouldBe([2, 3]);

        var audit = await ReadAuditAsync();
        audit.Where(a => a.EntityType == nameof(DeliverableTransition)).ShouldAllBe(a => a.AccountId == agency.Harbour);
        audit.Count(a => a.EntityType == nameof(DeliverableTransition)).ShouldBe(13);
        audit.ShouldContain(a => a.EntityType == nameof(DeliverableComment) && a.Changes.Contains("Warmer colours."));
    }

    [Fact]
    public async Task OnlyTheAccountManagerTheReviewerOrAnAdminPassTheFilter()
    {
        var (agency, team) = await SeedAsync();
        foreach (var (who, allowed) in new[]
                 {
                     (team.Designer, false), (agency.ProjectManager, false), (team.Sam, true), (agency.Manager, true), (agency.Admin, true),
                 })
        {
            var id = await InInternalReviewAsync(agency, team, reviewer: team.Sam.StaffId);
            var result = await Deliverables.TransitionAsync(who, id, null, new TransitionInput { To = ReadyForClient }, Ct);
            if (allowed)
            {
                result.Value.InternalApproval!.ByName.ShouldBe(who.DisplayName);
            }
            else
            {
                result.Error!.Kind.ShouldBe(ErrorKind.Forbidden, who.DisplayName);
                result.Error.Message.ShouldContain("filter");
            }
        }

        // Assigned but not designated, Sam (a strategist on the team) is no approver.
        var plain = await InInternalReviewAsync(agency, team, reviewer: null, alsoAssigned: team.Sam.StaffId);
        (await Deliverables.GetAsync(team.Sam, plain, Ct)).Value.AllowedTransitions.ShouldBe([InProgress]);
        (await Deliverables.TransitionAsync(team.Sam, plain, null, new TransitionInput { To = ReadyForClient }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task AWrongMoveIsAConflictWithTheAllowedOnesAndChangesNothing()
    {
        var (agency, team) = await SeedAsync();
        var id = (await Deliverables.CreateAsync(agency.Manager, New(team.Engagement), Ct)).Value.Id;
        var wrong = await Deliverables.TransitionAsync(agency.Manager, id, null, new TransitionInput { To = ClientReview }, Ct);
        wrong.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        wrong.Error.Allowed.ShouldBe(["InProgress"]);
        Fields(await Deliverables.TransitionAsync(agency.Manager, id, null, new TransitionInput(), Ct)).ShouldBe(["to"]);

        await MoveAsync(agency.Manager, id, InProgress);
        Fields(await Deliverables.AddVersionAsync(agency.Manager, id, null, new NewVersionInput { LinkUrl = "ftp://files.example/x" }, Ct)).ShouldBe(["linkUrl"]);
        Fields(await Deliverables.AddVersionAsync(agency.Manager, id, null, new NewVersionInput(), Ct)).ShouldBe(["linkUrl"]);

        await using var db = Database.CreateDbContext();
        (await db.DeliverableTransitions.CountAsync(Ct)).ShouldBe(1);
        (await db.DeliverableVersions.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ClientsSeeOnlyWhatWasSentToThemAndNeverTheAgencysView()
    {
        var (agency, team) = await SeedAsync();
        var id = await InInternalReviewAsync(agency, team, reviewer: null);
        await CommentAsync(agency.Manager, id, "Internal: too loud");

        (await Deliverables.GetForClientAsync(agency.Client, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.ListForClientAsync(agency.Client, new DeliverableListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        (await Deliverables.TransitionForClientAsync(agency.Client, id, null, new TransitionInput { To = Approved }, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.AddCommentForClientAsync(agency.Client, id, null, new DeliverableCommentInput { Text = "Hi" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        await MoveAsync(agency.Manager, id, ReadyForClient);
        await MoveAsync(agency.Manager, id, ClientReview);

        var view = (await Deliverables.GetForClientAsync(agency.Client, id, Ct)).Value;
        view.AllowedTransitions.ShouldBe([ChangesRequested, Approved]);
        view.Rounds.ShouldHaveSingleItem().Comments.ShouldBeEmpty();
        (await Deliverables.ListForClientAsync(agency.Client, new DeliverableListQuery(), Ct)).Value.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        (await Deliverables.GetForClientAsync(agency.OtherClient, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.GetAsync(agency.Client, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.GetTransitionsAsync(agency.Client, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Deliverables.ListAsync(agency.Client, new DeliverableListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Deliverables.UpdateAsync(agency.Client, id, null, new EditDeliverableInput { Title = "Mine" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Deliverables.AddVersionAsync(agency.Client, id, null, new NewVersionInput { LinkUrl = "https://x.example" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var commented = (await Deliverables.AddCommentForClientAsync(agency.Client, id, null, new DeliverableCommentInput { Text = "Love it" }, Ct)).Value;
        commented.Rounds.Single().Comments.Single().Side.ShouldBe(CommentSide.Client);

        // Back in the agency's hands, the client still sees the deliverable, but none of the internal round.
        await MoveAsync(agency.Manager, id, InProgress, "Pulling it back for a fix.");
        await VersionAsync(team.Designer, id, "https://files.example/v2", "Internal: fixed");
        await MoveAsync(team.Designer, id, InternalReview);
        await CommentAsync(agency.Manager, id, "Internal: better");
        var later = (await Deliverables.GetForClientAsync(agency.Client, id, Ct)).Value;
        later.State.ShouldBe(InternalReview);
        later.Rounds.ShouldHaveSingleItem().Outcome.ShouldBe(ReviewOutcome.Withdrawn);
        later.Versions.ShouldHaveSingleItem().Number.ShouldBe(1);
        System.Text.Json.JsonSerializer.Serialize(later).ShouldNotContain("Internal:");
        (await Deliverables.ListVersionsForClientAsync(agency.Client, id, new PageRequest(), Ct)).Value.Items.ShouldHaveSingleItem();
        (await Deliverables.ListVersionsAsync(agency.Manager, id, new PageRequest(), Ct)).Value.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task StaffSeeThroughTheEngagementOrByBeingAssignedOrTheReviewer()
    {
        var (agency, team) = await SeedAsync();
        var id = (await Deliverables.CreateAsync(agency.Manager, New(team.Engagement), Ct)).Value.Id;

        // Sam is on the account's team but not on the engagement.
        (await Deliverables.GetAsync(team.Sam, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.GetAsync(team.Designer, id, Ct)).IsSuccess.ShouldBeTrue();
        (await Deliverables.GetAsync(agency.OffTeam, id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Deliverables.ListAsync(agency.OffTeam, new DeliverableListQuery(EngagementId: team.Engagement), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        var current = (await Deliverables.GetAsync(agency.Manager, id, Ct)).Value;
        var edit = new EditDeliverableInput { Title = "Launch post", Type = DeliverableType.SocialPost, AssigneeStaffIds = [team.Sam.StaffId!.Value] };
        (await Deliverables.UpdateAsync(agency.Manager, id, current.Version + 1, edit, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        var updated = (await Deliverables.UpdateAsync(agency.Manager, id, current.Version, edit, Ct)).Value;
        updated.Version.ShouldBe(current.Version + 1);
        (await Deliverables.UpdateAsync(team.Designer, id, null, edit, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        (await Deliverables.GetAsync(team.Sam, id, Ct)).Value.Assignees.ShouldHaveSingleItem().Name.ShouldBe("Sam Strategist");
        (await Deliverables.ListAsync(team.Sam, new DeliverableListQuery(Mine: true), Ct)).Value.Items.ShouldHaveSingleItem();
        (await Deliverables.ListAsync(team.Designer, new DeliverableListQuery(Mine: true), Ct)).Value.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMoveThatLostARaceIsRefused()
    {
        var (agency, team) = await SeedAsync();
        var created = (await Deliverables.CreateAsync(agency.Manager, New(team.Engagement), Ct)).Value;
        (await Deliverables.TransitionAsync(agency.Manager, created.Id, created.Version + 5, new TransitionInput { To = InProgress }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.StaleVersion);

        Database.BeforeNextSave(async () =>
            (await Deliverables.TransitionAsync(agency.ProjectManager, created.Id, null, new TransitionInput { To = InProgress }, Ct)).IsSuccess.ShouldBeTrue());
        (await Deliverables.TransitionAsync(agency.Manager, created.Id, null, new TransitionInput { To = InProgress }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.StaleVersion);

        await using var db = Database.CreateDbContext();
        (await db.DeliverableTransitions.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TheBoardHasAColumnPerStateInWorkflowOrder()
    {
        var (agency, team) = await SeedAsync();
        var early = New(team.Engagement);
        early.DueDate = new DateOnly(2026, 3, 1);
        var late = New(team.Engagement);
        late.Title = "Later";
        late.DueDate = new DateOnly(2026, 4, 1);
        var first = (await Deliverables.CreateAsync(agency.Manager, late, Ct)).Value.Id;
        var second = (await Deliverables.CreateAsync(agency.Manager, early, Ct)).Value.Id;
        await MoveAsync(agency.Manager, first, InProgress);

        var board = (await Deliverables.BoardAsync(agency.Manager, team.Engagement, Ct)).Value;
        board.Columns.Select(c => c.State).ShouldBe(Enum.GetValues<DeliverableState>());
        board.Columns[0].Items.ShouldHaveSingleItem().Id.ShouldBe(second);
        board.Columns[0].Items[0].IsOverdue.ShouldBeTrue();
        board.Columns[1].Items.ShouldHaveSingleItem().Id.ShouldBe(first);
        (await Deliverables.BoardAsync(agency.Client, team.Engagement, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Deliverables.ListAsync(agency.Manager, new DeliverableListQuery(EngagementId: team.Engagement), Ct)).Value.Items
            .Select(i => i.Id).ShouldBe([second, first]);
    }

    private async Task MoveAsync(CurrentUser user, Guid id, DeliverableState to, string? comment = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await Deliverables.TransitionAsync(user, id, null, new TransitionInput { To = to, Comment = comment }, Ct);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    private async Task<VersionView> VersionAsync(CurrentUser user, Guid id, string link, string? notes = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await Deliverables.AddVersionAsync(user, id, null, new NewVersionInput { LinkUrl = link, Notes = notes }, Ct);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value;
    }

    private async Task CommentAsync(CurrentUser user, Guid id, string text)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await Deliverables.AddCommentAsync(user, id, null, new DeliverableCommentInput { Text = text }, Ct);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    private async Task<Guid> InInternalReviewAsync(Agency agency, Team team, Guid? reviewer, Guid? alsoAssigned = null)
    {
        var input = New(team.Engagement, team.Designer.StaffId, reviewer);
        if (alsoAssigned is { } other)
        {
            input.AssigneeStaffIds.Add(other);
        }

        var id = (await Deliverables.CreateAsync(agency.Manager, input, Ct)).Value.Id;
        await MoveAsync(team.Designer, id, InProgress);
        await VersionAsync(team.Designer, id, "https://files.example/v1");
        await MoveAsync(team.Designer, id, InternalReview);
        return id;
    }

    /// <summary>The agency, plus on Harbourline's team Tom (a designer on the engagement) and Sam (a strategist who is not).</summary>
    private async Task<(Agency Agency, Team Team)> SeedAsync()
    {
        var agency = await SeedAgencyAsync();
        var designer = await AddStaffUserAsync("Tom Designer", Role.TeamMember);
        var sam = await AddStaffUserAsync("Sam Strategist", Role.TeamMember);
        await using (var db = Database.CreateDbContext())
        {
            foreach (var (member, role) in new[] { (designer, TeamRole.Creative), (sam, TeamRole.Strategist) })
            {
                db.AccountTeamMembers.Add(new AccountTeamMember
                {
                    AccountId = agency.Harbour, StaffId = member.StaffId!.Value, Role = role, AddedAt = Clock.GetUtcNow().UtcDateTime,
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var engagement = await AddEngagementAsync(agency.Harbour, agency.Manager, EngagementStatus.InDelivery, designer.StaffId!.Value);
        return (agency, new Team(designer, sam, engagement));
    }

    private async Task<Guid> AddEngagementAsync(Guid accountId, CurrentUser manager, EngagementStatus status = EngagementStatus.InDelivery, params Guid[] members)
    {
        var engagement = new Engagement
        {
            AccountId = accountId, Name = "Spring campaign", Status = status, AccountManagerId = manager.StaffId, ProjectManagerId = manager.StaffId,
        };
        engagement.Members.AddRange(members.Select(m => new EngagementMember { EngagementId = engagement.Id, StaffId = m, Role = "Designer" }));
        await using var db = Database.CreateDbContext();
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(Ct);
        return engagement.Id;
    }

    private static NewDeliverableInput New(Guid engagementId, Guid? assignee = null, Guid? reviewer = null) => new()
    {
        EngagementId = engagementId,
        Title = "Launch post",
        Type = DeliverableType.SocialPost,
        AssigneeStaffIds = assignee is { } a ? [a] : [],
        ReviewerStaffId = reviewer,
    };

    private static string[] Fields<T>(Result<T> result) => [.. result.Error!.Fields!.Keys];

    private sealed record Team(CurrentUser Designer, CurrentUser Sam, Guid Engagement);
}
