using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Risks;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Risks;

public sealed class RiskServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026.
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task TheScoreIsProbabilityTimesImpactAndAnIssueIsCertain()
    {
        var agency = await SeedAgencyAsync();

        var risk = (await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Sponsor leaves", 3, 4), Ct)).Value;
        var issue = (await Risks.CreateAsync(agency.Manager, NewIssue(agency.Harbour, "Launch slipped", impact: 2), Ct)).Value;

        (risk.Score, risk.Level, risk.Status, risk.Kind).ShouldBe((12, RiskLevel.High, RiskStatus.Open, RiskKind.Risk));
        risk.OwnerName.ShouldBe("Jonas Becker", "the owner defaults to the person who records it");
        risk.AccountName.ShouldBe("Harbourline Ferries");
        (issue.Probability, issue.Score, issue.Level).ShouldBe((5, 10, RiskLevel.High));
        RiskRules.Level(4).ShouldBe(RiskLevel.Low);
        RiskRules.Level(9).ShouldBe(RiskLevel.Medium);
        RiskRules.Level(16).ShouldBe(RiskLevel.High);
        RiskRules.Level(20).ShouldBe(RiskLevel.Critical);
    }

    [Fact]
    public async Task BadInputNamesTheFieldAndWritesNothing()
    {
        var agency = await SeedAgencyAsync();
        var verdantWork = await AddEngagementAsync(agency.Verdant, "Packaging");

        var noProbability = NewRisk(agency.Harbour, "Vague", 1, 1);
        noProbability.Probability = null;
        var unlikelyIssue = NewIssue(agency.Harbour, "Happened", impact: 3);
        unlikelyIssue.Probability = 2;
        var realisedByHand = NewRisk(agency.Harbour, "Realised", 2, 2);
        realisedByHand.Status = RiskStatus.Realised;
        var resolvedRisk = NewRisk(agency.Harbour, "Resolved", 2, 2);
        resolvedRisk.Status = RiskStatus.Resolved;
        var mitigatingIssue = NewIssue(agency.Harbour, "Mitigating", impact: 2);
        mitigatingIssue.Status = RiskStatus.Mitigating;
        var riskNamingARisk = NewRisk(agency.Harbour, "Chained", 2, 2);
        riskNamingARisk.RealisedRiskId = Guid.CreateVersion7();
        var offTeamOwner = NewRisk(agency.Harbour, "Owned elsewhere", 2, 2);
        offTeamOwner.OwnerStaffId = agency.OffTeam.StaffId;
        var otherAccountsWork = NewRisk(agency.Harbour, "Wrong engagement", 2, 2);
        otherAccountsWork.EngagementId = verdantWork;
        var noTitle = NewRisk(agency.Harbour, " ", 2, 2);
        var outOfScale = NewRisk(agency.Harbour, "Huge", 6, 0);

        Fields(await Risks.CreateAsync(agency.Manager, noProbability, Ct)).ShouldBe(["probability"]);
        Fields(await Risks.CreateAsync(agency.Manager, unlikelyIssue, Ct)).ShouldBe(["probability"]);
        Fields(await Risks.CreateAsync(agency.Manager, realisedByHand, Ct)).ShouldBe(["status"]);
        Fields(await Risks.CreateAsync(agency.Manager, resolvedRisk, Ct)).ShouldBe(["status"]);
        Fields(await Risks.CreateAsync(agency.Manager, mitigatingIssue, Ct)).ShouldBe(["status"]);
        Fields(await Risks.CreateAsync(agency.Manager, riskNamingARisk, Ct)).ShouldBe(["realisedRiskId"]);
        Fields(await Risks.CreateAsync(agency.Manager, offTeamOwner, Ct)).ShouldBe(["ownerStaffId"]);
        Fields(await Risks.CreateAsync(agency.Manager, otherAccountsWork, Ct)).ShouldBe(["engagementId"]);
        Fields(await Risks.CreateAsync(agency.Manager, noTitle, Ct)).ShouldBe(["title"]);
        Fields(await Risks.CreateAsync(agency.Manager, outOfScale, Ct)).ShouldBe(["probability", "impact"], ignoreOrder: true);
        Fields(await Risks.CreateAsync(agency.Manager, NewRisk(agency.Verdant, "Not mine", 2, 2), Ct)).ShouldBe(["accountId"]);
        (await Risks.CreateAsync(agency.OffTeam, NewRisk(agency.Verdant, "Team member", 2, 2), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.CreateAsync(agency.Client, NewRisk(agency.Harbour, "Client", 2, 2), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.ListAsync(agency.Manager, new RiskListQuery(Probability: 0), Ct)).Error!.Fields!.Keys.ShouldBe(["probability"]);

        await using var db = Database.CreateDbContext();
        (await db.Risks.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task AnIssueRealisesARiskOfTheSameAccountAndUnlinkingReopensIt()
    {
        var agency = await SeedAgencyAsync();
        var risk = (await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Supplier goes bust", 2, 5), Ct)).Value;
        var elsewhere = (await Risks.CreateAsync(agency.Admin, NewRisk(agency.Verdant, "Verdant's risk", 2, 2), Ct)).Value;
        var issueInput = NewIssue(agency.Harbour, "Supplier went bust", impact: 5);
        issueInput.RealisedRiskId = elsewhere.Id;
        Fields(await Risks.CreateAsync(agency.Admin, issueInput, Ct)).ShouldBe(["realisedRiskId"]);

        issueInput.RealisedRiskId = risk.Id;
        var issue = (await Risks.CreateAsync(agency.ProjectManager, issueInput, Ct)).Value;

        issue.RealisedRisk.ShouldBe(new RiskRef(risk.Id, "Supplier goes bust"));
        var realised = (await Risks.GetAsync(agency.Manager, risk.Id, Ct)).Value;
        (realised.Status, realised.ClosedOn).ShouldBe((RiskStatus.Realised, Today));
        realised.RealisedBy.ShouldBe([new RiskRef(issue.Id, "Supplier went bust")]);
        var chained = NewIssue(agency.Harbour, "Issue of an issue", impact: 1);
        chained.RealisedRiskId = issue.Id;
        Fields(await Risks.CreateAsync(agency.Manager, chained, Ct)).ShouldBe(["realisedRiskId"]);
        var reopen = Edit(realised);
        reopen.Status = RiskStatus.Open;
        Fields(await Risks.UpdateAsync(agency.Manager, risk.Id, realised.Version, reopen, Ct)).ShouldBe(["status"]);
        (await Risks.CloseAsync(agency.Manager, risk.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var kept = Edit(realised);
        kept.Title = "Supplier goes bankrupt";
        (await Risks.UpdateAsync(agency.Manager, risk.Id, realised.Version, kept, Ct)).Value.Status.ShouldBe(RiskStatus.Realised);

        var unlink = Edit(issue);
        unlink.RealisedRiskId = null;
        (await Risks.UpdateAsync(agency.Manager, issue.Id, issue.Version, unlink, Ct)).IsSuccess.ShouldBeTrue();
        var reopened = (await Risks.GetAsync(agency.Manager, risk.Id, Ct)).Value;
        (reopened.Status, reopened.ClosedOn, reopened.RealisedBy.Count).ShouldBe((RiskStatus.Open, null, 0));

        var again = NewIssue(agency.Harbour, "Supplier went bust again", impact: 4);
        again.RealisedRiskId = risk.Id;
        var second = (await Risks.CreateAsync(agency.Manager, again, Ct)).Value;
        (await Risks.DeleteAsync(agency.Manager, second.Id, null, Ct)).IsSuccess.ShouldBeTrue();
        (await Risks.GetAsync(agency.Manager, risk.Id, Ct)).Value.Status.ShouldBe(RiskStatus.Open, "the only issue that realised it is gone");

        var third = (await Risks.CreateAsync(agency.Manager, again, Ct)).Value;
        (await Risks.DeleteAsync(agency.Manager, risk.Id, null, Ct)).IsSuccess.ShouldBeTrue();
        (await Risks.GetAsync(agency.Manager, third.Id, Ct)).Value.RealisedRisk.ShouldBeNull();
    }

    [Fact]
    public async Task TheHeatMapCountsOpenRisksByCellPerAccountAndEngagement()
    {
        var agency = await SeedAgencyAsync();
        var website = await AddEngagementAsync(agency.Harbour, "Website");
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "A", 4, 5), Ct);
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "B", 4, 5, clientVisible: true), Ct);
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "C", 1, 1, status: RiskStatus.Mitigating), Ct);
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Closed", 4, 5, status: RiskStatus.Closed), Ct);
        await Risks.CreateAsync(agency.Manager, NewIssue(agency.Harbour, "Issue", impact: 5), Ct);
        var onSite = NewRisk(agency.Harbour, "On the website", 2, 3, review: Today.AddDays(-1));
        onSite.EngagementId = website;
        await Risks.CreateAsync(agency.Manager, onSite, Ct);
        await Risks.CreateAsync(agency.Admin, NewRisk(agency.Verdant, "Elsewhere", 4, 5), Ct);

        var account = (await Risks.HeatMapAsync(agency.Manager, agency.Harbour, null, Ct)).Value;
        var engagement = (await Risks.HeatMapAsync(agency.Manager, null, website, Ct)).Value;
        var client = (await Risks.HeatMapAsync(agency.Client, agency.Harbour, null, Ct)).Value;
        var everything = (await Risks.HeatMapAsync(agency.Admin, null, null, Ct)).Value;

        account.Cells.Count.ShouldBe(25);
        (account.Cells[0].Probability, account.Cells[0].Impact, account.Cells[24].Probability, account.Cells[24].Impact).ShouldBe((5, 1, 1, 5));
        Cell(account, 4, 5).ShouldBe(new HeatMapCell(4, 5, 20, RiskLevel.Critical, 2));
        Cell(account, 1, 1).Count.ShouldBe(1);
        Cell(account, 2, 3).Count.ShouldBe(1);
        (account.OpenRisks, account.OpenIssues, account.OverdueReviews).ShouldBe((4, 1, 1));
        (engagement.OpenRisks, Cell(engagement, 2, 3).Count).ShouldBe((1, 1));
        (client.OpenRisks, Cell(client, 4, 5).Count, client.OpenIssues).ShouldBe((1, 1, 0));
        Cell(everything, 4, 5).Count.ShouldBe(3);
        (await Risks.HeatMapAsync(agency.Manager, agency.Verdant, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.HeatMapAsync(agency.OtherClient, agency.Harbour, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.HeatMapAsync(agency.OffTeam, null, website, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        var cell = (await Risks.ListAsync(agency.Manager, new RiskListQuery(agency.Harbour, Open: true, Probability: 4, Impact: 5), Ct)).Value;
        cell.Items.Select(r => r.Title).ShouldBe(["A", "B"], ignoreOrder: true);
    }

    [Fact]
    public async Task OverdueReviewsAreOpenItemsPastTheirDateAndTheOwnerReviewsThem()
    {
        var agency = await SeedAgencyAsync();
        var mateos = NewRisk(agency.Harbour, "Mateo's overdue", 3, 3, review: Today.AddDays(-2));
        mateos.OwnerStaffId = agency.ProjectManager.StaffId;
        var overdue = (await Risks.CreateAsync(agency.Manager, mateos, Ct)).Value;
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Jonas's overdue", 2, 2, review: Today.AddDays(-1)), Ct);
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Due today", 5, 5, review: Today), Ct);
        await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Closed long ago", 5, 5, status: RiskStatus.Closed, review: Today.AddDays(-30)), Ct);

        var all = (await Risks.ListAsync(agency.Manager, new RiskListQuery(agency.Harbour, OverdueReview: true, Sort: RiskSort.NextReview), Ct)).Value;
        var mine = (await Risks.ListAsync(agency.ProjectManager, new RiskListQuery(OverdueReview: true, Mine: true), Ct)).Value;

        all.Items.Select(r => r.Title).ShouldBe(["Mateo's overdue", "Jonas's overdue"]);
        all.Items.ShouldAllBe(r => r.IsReviewOverdue);
        mine.Items.ShouldHaveSingleItem().Id.ShouldBe(overdue.Id);
        var byScore = (await Risks.ListAsync(agency.Manager, new RiskListQuery(agency.Harbour), Ct)).Value;
        byScore.Items.Select(r => r.Score).ShouldBe([25, 25, 9, 4]);

        Fields(await Risks.ReviewAsync(agency.ProjectManager, overdue.Id, null, new RiskReviewInput { NextReviewDate = Today }, Ct)).ShouldBe(["nextReviewDate"]);
        Fields(await Risks.ReviewAsync(agency.ProjectManager, overdue.Id, null, new RiskReviewInput
        {
            NextReviewDate = Today.AddDays(14), Status = RiskStatus.Closed,
        }, Ct)).ShouldBe(["status"]);
        (await Risks.ReviewAsync(agency.ProjectManager, overdue.Id, overdue.Version - 1, new RiskReviewInput { NextReviewDate = Today.AddDays(14) }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        var reviewed = (await Risks.ReviewAsync(agency.ProjectManager, overdue.Id, overdue.Version, new RiskReviewInput
        {
            Impact = 5, Mitigation = "Weekly check-in with the sponsor.", Status = RiskStatus.Mitigating, NextReviewDate = Today.AddDays(14),
        }, Ct)).Value;

        (reviewed.Probability, reviewed.Impact, reviewed.Score, reviewed.Status).ShouldBe((3, 5, 15, RiskStatus.Mitigating));
        (reviewed.LastReviewedOn, reviewed.LastReviewedBy, reviewed.NextReviewDate, reviewed.IsReviewOverdue)
            .ShouldBe((Today, "Mateo Alvarez", Today.AddDays(14), false));
        reviewed.Mitigation.ShouldBe("Weekly check-in with the sponsor.");
        (await Risks.ListAsync(agency.ProjectManager, new RiskListQuery(OverdueReview: true, Mine: true), Ct)).Value.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOwnerWhoIsATeamMemberReviewsAndEscalatesButDoesNotEditOrClose()
    {
        var agency = await SeedAgencyAsync();
        var packaging = await AddEngagementAsync(agency.Verdant, "Packaging");
        var theirs = NewRisk(agency.Verdant, "Print run late", 3, 3);
        theirs.OwnerStaffId = agency.OffTeam.StaffId;
        var owned = (await Risks.CreateAsync(agency.Admin, theirs, Ct)).Value;
        var other = (await Risks.CreateAsync(agency.Admin, NewRisk(agency.Verdant, "Not Lena's", 2, 2), Ct)).Value;
        var onPackaging = NewRisk(agency.Verdant, "Packaging risk", 2, 2);
        onPackaging.EngagementId = packaging;
        var engagementRisk = (await Risks.CreateAsync(agency.Admin, onPackaging, Ct)).Value;

        (await Risks.ReviewAsync(agency.OffTeam, owned.Id, null, new RiskReviewInput { NextReviewDate = Today.AddDays(7) }, Ct)).IsSuccess.ShouldBeTrue();
        (await Risks.EscalateAsync(agency.OffTeam, owned.Id, null, new RiskEscalationInput { To = "Verdant's COO" }, Ct)).IsSuccess.ShouldBeTrue();
        (await Risks.ReviewAsync(agency.OffTeam, other.Id, null, new RiskReviewInput { NextReviewDate = Today.AddDays(7) }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.UpdateAsync(agency.OffTeam, owned.Id, null, Edit(owned), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.CloseAsync(agency.OffTeam, owned.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.DeleteAsync(agency.OffTeam, owned.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);

        // An engagement's entries follow the engagement: a team member sees them once they are on it.
        (await Risks.GetAsync(agency.OffTeam, engagementRisk.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.ListAsync(agency.OffTeam, new RiskListQuery(agency.Verdant), Ct)).Value.Items.Count.ShouldBe(2);
        await using (var db = Database.CreateDbContext())
        {
            db.EngagementMembers.Add(new EngagementMember { EngagementId = packaging, StaffId = agency.OffTeam.StaffId!.Value, Role = "Designer" });
            await db.SaveChangesAsync(Ct);
        }

        (await Risks.GetAsync(agency.OffTeam, engagementRisk.Id, Ct)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task EscalationSaysToWhomWhenAndByWhom()
    {
        var agency = await SeedAgencyAsync();
        var risk = (await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Budget cut", 4, 4), Ct)).Value;

        Fields(await Risks.EscalateAsync(agency.Manager, risk.Id, null, new RiskEscalationInput(), Ct)).ShouldBe(["toStaffId"]);
        Fields(await Risks.EscalateAsync(agency.Manager, risk.Id, null, new RiskEscalationInput { ToStaffId = agency.Admin.StaffId, To = "Both" }, Ct))
            .ShouldBe(["to"]);
        Fields(await Risks.EscalateAsync(agency.Manager, risk.Id, null, new RiskEscalationInput { ToStaffId = Guid.CreateVersion7() }, Ct))
            .ShouldBe(["toStaffId"]);
        Clock.Advance(TimeSpan.FromHours(1));
        var escalated = (await Risks.EscalateAsync(agency.Manager, risk.Id, risk.Version, new RiskEscalationInput
        {
            ToStaffId = agency.Admin.StaffId, Note = "Internal: needs a director's call.",
        }, Ct)).Value;

        escalated.Escalation.ShouldBe(new RiskEscalation(agency.Admin.StaffId, "Amira Haddad", new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc),
            "Jonas Becker", "Internal: needs a director's call."));
        (await Risks.ListAsync(agency.Manager, new RiskListQuery(agency.Harbour), Ct)).Value.Items.Single().EscalatedAt.ShouldNotBeNull();

        var closed = (await Risks.CloseAsync(agency.Manager, risk.Id, escalated.Version, Ct)).Value;
        (closed.Status, closed.ClosedOn).ShouldBe((RiskStatus.Closed, Today));
        (await Risks.EscalateAsync(agency.Manager, risk.Id, null, new RiskEscalationInput { To = "Board" }, Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await Risks.CloseAsync(agency.Manager, risk.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var issue = (await Risks.CreateAsync(agency.Manager, NewIssue(agency.Harbour, "Budget was cut", 4), Ct)).Value;
        (await Risks.CloseAsync(agency.Manager, issue.Id, null, Ct)).Value.Status.ShouldBe(RiskStatus.Resolved);
    }

    [Fact]
    public async Task AClientSeesOnlyClientVisibleEntriesOfTheirAccountWithoutInternalFields()
    {
        var agency = await SeedAgencyAsync();
        var shared = NewRisk(agency.Harbour, "Content late", 3, 4, clientVisible: true);
        shared.Mitigation = "Agree a content calendar.";
        shared.Contingency = "Internal: write it ourselves at our cost.";
        var visible = (await Risks.CreateAsync(agency.Manager, shared, Ct)).Value;
        await Risks.EscalateAsync(agency.Manager, visible.Id, null, new RiskEscalationInput { To = "Agency lead", Note = "Internal: escalated" }, Ct);
        var hidden = (await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Internal: CFO hostile", 4, 4), Ct)).Value;
        var issue = NewIssue(agency.Harbour, "Content is late", impact: 4, clientVisible: true);
        issue.RealisedRiskId = hidden.Id;
        var sharedIssue = (await Risks.CreateAsync(agency.Manager, issue, Ct)).Value;

        var list = (await Risks.ListAsync(agency.Client, new RiskListQuery(), Ct)).Value;
        var seen = (await Risks.GetAsync(agency.Client, visible.Id, Ct)).Value;
        var seenIssue = (await Risks.GetAsync(agency.Client, sharedIssue.Id, Ct)).Value;

        list.Items.Select(r => r.Title).ShouldBe(["Content is late", "Content late"], ignoreOrder: true);
        list.Items.ShouldAllBe(r => r.EscalatedAt == null && r.RealisedRisk == null);
        (seen.Mitigation, seen.Contingency, seen.Escalation).ShouldBe(("Agree a content calendar.", null, null));
        seenIssue.RealisedRisk.ShouldBeNull("the risk it realised is internal");
        (await Risks.GetAsync(agency.Client, hidden.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.GetAsync(agency.OtherClient, visible.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.ListAsync(agency.OtherClient, new RiskListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Risks.ListAsync(agency.OtherClient, new RiskListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        (await Risks.UpdateAsync(agency.Client, visible.Id, null, Edit(seen), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.ReviewAsync(agency.Client, visible.Id, null, new RiskReviewInput { NextReviewDate = Today.AddDays(1) }, Ct)).Error!.Kind
            .ShouldBe(ErrorKind.Forbidden);
        (await Risks.CloseAsync(agency.Client, visible.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Risks.CloseAsync(agency.Client, hidden.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task EditsAreVersionedAndAudited()
    {
        var agency = await SeedAgencyAsync();
        var risk = (await Risks.CreateAsync(agency.Manager, NewRisk(agency.Harbour, "Scope creep", 3, 3), Ct)).Value;
        var edit = Edit(risk);
        edit.Probability = 4;

        var edited = (await Risks.UpdateAsync(agency.ProjectManager, risk.Id, risk.Version, edit, Ct)).Value;
        var stale = await Risks.UpdateAsync(agency.Manager, risk.Id, risk.Version, edit, Ct);

        (edited.Score, edited.Version).ShouldBe((12, risk.Version + 1));
        stale.Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await ReadAuditAsync()).Where(a => a.EntityType == nameof(Risk)).Select(a => a.Action.ToString()).ShouldBe(["Created", "Updated"]);
    }

    private async Task<Guid> AddEngagementAsync(Guid accountId, string name)
    {
        var engagement = new Engagement { AccountId = accountId, Name = name, Status = EngagementStatus.InDelivery };
        await using var db = Database.CreateDbContext();
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(Ct);
        return engagement.Id;
    }

    private static HeatMapCell Cell(RiskHeatMap map, int probability, int impact) =>
        map.Cells.Single(c => c.Probability == probability && c.Impact == impact);

    private static IEnumerable<string> Fields<T>(Result<T> result) => result.Error?.Fields?.Keys ?? throw new ShouldAssertException("Expected field errors.");

    private static NewRiskInput NewRisk(
        Guid accountId, string title, int probability, int impact, bool clientVisible = false, RiskStatus status = RiskStatus.Open, DateOnly? review = null) => new()
    {
        AccountId = accountId, Kind = RiskKind.Risk, Title = title, Probability = probability, Impact = impact, ClientVisible = clientVisible,
        Status = status, NextReviewDate = review ?? Today.AddDays(14),
    };

    private static NewRiskInput NewIssue(Guid accountId, string title, int impact, bool clientVisible = false) => new()
    {
        AccountId = accountId, Kind = RiskKind.Issue, Title = title, Impact = impact, ClientVisible = clientVisible, NextReviewDate = Today.AddDays(7),
    };

    private static RiskInput Edit(RiskView view) => new()
    {
        EngagementId = view.EngagementId, Title = view.Title, Description = view.Description, Probability = view.Probability, Impact = view.Impact,
        OwnerStaffId = view.OwnerStaffId, Mitigation = view.Mitigation, Contingency = view.Contingency, Status = view.Status,
        NextReviewDate = view.NextReviewDate, ClientVisible = view.ClientVisible, RealisedRiskId = view.RealisedRisk?.Id,
    };
}
