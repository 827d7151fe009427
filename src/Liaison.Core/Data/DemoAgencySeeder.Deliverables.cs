using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;
using static Liaison.Core.Features.Deliverables.DeliverableState;

namespace Liaison.Core.Data;

/// <summary>
/// The demo agency's delivery flow on Tidewater Bank's "Mobile app onboarding": the client's requests
/// (triaged into deliverables, into a change request, declined, one waiting), a board with work in every
/// stage of the filter and the client's rounds, and change requests applied, proposed and drafted. The
/// moves go through <see cref="DeliverableWorkflow"/>, so every round, approval and history entry is the
/// one the app would have made.
/// </summary>
public sealed partial class DemoAgencySeeder
{
    private static async Task SeedDeliverablesAsync(LiaisonDb db, List<StaffMember> staff, List<Account> accounts, DateOnly today, DateTime now, CancellationToken ct)
    {
        var tidewater = accounts[8];
        var app = await db.Engagements.AsTracking().FirstAsync(e => e.AccountId == tidewater.Id && e.Name == "Mobile app onboarding", ct);
        var people = await db.Stakeholders.Where(s => s.AccountId == tidewater.Id).OrderBy(s => s.FullName).Select(s => new { s.Id, s.FullName }).ToListAsync(ct);
        var (sponsor, reviewer) = (people[0], people[1]);
        var (clara, mateo, strategist, designer, developer) = (staff[2], staff[3], staff[5], staff[8], staff[9]);
        DeliverableActor Lead(StaffMember s) => new(s.UserId, s.FullName, IsClient: false, IsManager: true, IsApprover: s == clara);
        DeliverableActor Maker(StaffMember s) => new(s.UserId, s.FullName, IsClient: false, IsManager: false, IsApprover: false);
        var (am, pm) = (Lead(clara), Lead(mateo));

        // The clock of the story: each step a few hours after the last, ending before now.
        var at = now.AddDays(-24);
        DateTime Next(double hours = 5) => at = at.AddHours(hours);

        ClientRequest Request(string title, string objective, int daysAgo, Guid stakeholder) => new()
        {
            AccountId = tidewater.Id, EngagementId = app.Id, StakeholderId = stakeholder, Title = title, Objective = objective,
            ReceivedOn = today.AddDays(-daysAgo), LoggedByUserId = clara.UserId, LoggedByName = clara.FullName, CreatedAt = now.AddDays(-daysAgo),
        };

        var onboarding = Request("A smoother first week for new savers", "Fewer people giving up between download and first deposit.", 26, sponsor.Id);
        onboarding.Audience = "People opening their first savings account with us";
        onboarding.KeyMessage = "Saving with Tidewater takes five minutes";
        onboarding.Mandatories = "FCA wording on the deposit screen";
        onboarding.SuccessMeasure = "Completion from download to first deposit up from 38% to 50%";
        onboarding.DueDate = today.AddDays(30);
        onboarding.References = ["https://www.tidewaterbank.example/app"];
        Triage(onboarding, RequestOutcome.Deliverables, clara, now.AddDays(-25));

        var openBanking = Request("Link accounts at other banks during onboarding", "Let new savers move money in from their current account without leaving the app.", 12, sponsor.Id);
        var rename = Request("Rename the app to Tidewater Go", "A name that sounds less like a bank.", 9, reviewer.Id);
        Triage(rename, RequestOutcome.Declined, clara, now.AddDays(-8));
        rename.DeclineReason = "Naming is with your brand agency; we will share the store data that should inform it.";
        var video = Request("An explainer video for the app store page", "Show the onboarding in thirty seconds.", 2, reviewer.Id);
        video.DueDate = today.AddDays(45);

        Deliverable New(string title, DeliverableType type, int dueInDays, params StaffMember[] makers)
        {
            var d = new Deliverable
            {
                AccountId = tidewater.Id, EngagementId = app.Id, RequestId = onboarding.Id, Title = title, Type = type, DueDate = today.AddDays(dueInDays),
                Brief = $"From the request \"{onboarding.Title}\": {onboarding.Objective}", CreatedAt = now.AddDays(-25), UpdatedAt = now.AddDays(-25),
            };
            d.Assignees.AddRange(makers.Select(m => new DeliverableAssignee { DeliverableId = d.Id, StaffId = m.Id, AccountId = tidewater.Id }));
            return d;
        }

        void Move(Deliverable d, DeliverableActor actor, DeliverableState to, string? comment = null, bool forClient = false) =>
            Must(DeliverableWorkflow.Apply(d, new DeliverableMove(to, comment, forClient ? reviewer.Id : null, forClient ? reviewer.FullName : null), actor, Next()));

        void Version(Deliverable d, DeliverableActor actor, string slug, string notes) =>
            Must(DeliverableWorkflow.AddVersion(d, $"https://www.figma.example/tidewater/{slug}", notes, actor, Next()));

        void Comment(Deliverable d, DeliverableActor actor, string text, bool forClient = false) =>
            Must(DeliverableWorkflow.AddComment(d, text, forClient ? reviewer.Id : null, forClient ? reviewer.FullName : null, actor, Next(1)));

        // Screens: sent back once by the filter, changes asked by the client, now in the client's second round.
        var screens = New("Onboarding screens", DeliverableType.Design, 6, designer);
        screens.ReviewerStaffId = clara.Id;
        Move(screens, Maker(designer), InProgress);
        Version(screens, Maker(designer), "onboarding-v1", "First pass at the five screens.");
        Move(screens, Maker(designer), InternalReview);
        Comment(screens, am, "The deposit button fails contrast; and the FCA wording is missing on screen 4.");
        Move(screens, am, InProgress, "Fix contrast and add the FCA wording before it goes out.");
        Version(screens, Maker(designer), "onboarding-v2", "Contrast fixed; FCA wording on screen 4.");
        Move(screens, Maker(designer), InternalReview);
        Move(screens, am, ReadyForClient, "Good to go.");
        Move(screens, am, ClientReview, "The five onboarding screens for your review.");
        Comment(screens, am, "Could the progress bar show steps rather than a percentage?", forClient: true);
        Move(screens, am, ChangesRequested, "Steps instead of a percentage, please; otherwise lovely.", forClient: true);
        Move(screens, Maker(designer), InProgress);
        Version(screens, Maker(designer), "onboarding-v3", "Progress shown as steps 1 to 5.");
        Move(screens, Maker(designer), InternalReview);
        Move(screens, am, ReadyForClient);
        Move(screens, am, ClientReview, "Updated with the steps, as asked.");

        // Welcome e-mail: waiting at the filter.
        var email = New("Welcome e-mail series", DeliverableType.Copy, 10, strategist);
        Move(email, Maker(strategist), InProgress);
        Version(email, Maker(strategist), "welcome-emails-v1", "Three e-mails: day 0, day 2, day 7.");
        Move(email, Maker(strategist), InternalReview);

        // Store screenshots: approved by the client in the first round and published.
        var screenshots = New("App store screenshots", DeliverableType.Design, -3, designer);
        Move(screenshots, Maker(designer), InProgress);
        Version(screenshots, Maker(designer), "store-screenshots-v1", "Six screenshots, light mode.");
        Move(screenshots, Maker(designer), InternalReview);
        Move(screenshots, am, ReadyForClient);
        Move(screenshots, am, ClientReview);
        Move(screenshots, am, Approved, "Approved on the call.", forClient: true);
        Move(screenshots, pm, Delivered, "Live in both stores.");

        // Push notifications: being written; the explainer is only briefed.
        var push = New("Push notification copy", DeliverableType.Copy, 14, strategist);
        Move(push, Maker(strategist), InProgress);
        var walkthrough = New("In-app walkthrough", DeliverableType.Web, 21, developer, designer);

        db.ClientRequests.AddRange(onboarding, openBanking, rename, video);
        db.Deliverables.AddRange(screens, email, screenshots, push, walkthrough);

        // Change requests: an accessibility audit applied to the hours cap and end date, Open Banking proposed, a draft.
        var audit = ChangeOf(app, "Accessibility audit of the new screens", 16 * 60, 0, 7, sponsor.Id, clara);
        audit.Reason = "The bank's accessibility policy now applies to every release.";
        audit.AffectedDeliverableIds = [screens.Id];
        (audit.ProposedAt, audit.ProposedBy) = (now.AddDays(-20), clara.UserId);
        (audit.DecidedAt, audit.DecidedBy, audit.DecidedForStakeholderId, audit.DecisionNote) = (now.AddDays(-18), clara.UserId, sponsor.Id, "Agreed in the weekly call.");
        var before = ChangeRequestService.Figures(app);
        var after = ChangeRequestService.Projected(app.Type, before, audit.HoursDeltaMinutes, audit.FeeDelta, audit.EndDateShiftDays);
        (audit.BeforeHoursMinutes, audit.BeforeFee, audit.BeforeEndDate) = (before.HoursMinutes, before.Fee, before.EndDate);
        (audit.AfterHoursMinutes, audit.AfterFee, audit.AfterEndDate) = (after.HoursMinutes, after.Fee, after.EndDate);
        (audit.State, audit.AppliedAt, audit.AppliedBy) = (ChangeRequestState.Applied, now.AddDays(-18), clara.UserId);
        app.Budget.HoursCapMinutes = after.HoursMinutes;
        app.EndDate = after.EndDate;

        var linking = ChangeOf(app, "Open Banking account linking step", 40 * 60, 0, 21, sponsor.Id, clara);
        linking.Description = openBanking.Objective;
        linking.Reason = "Asked for by the client; not in the original scope.";
        linking.RequestId = openBanking.Id;
        linking.InternalNotes = "The aggregator's sandbox takes a week to approve; start that now.";
        (linking.State, linking.ProposedAt, linking.ProposedBy) = (ChangeRequestState.Proposed, now.AddDays(-10), clara.UserId);
        Triage(openBanking, RequestOutcome.ChangeRequest, clara, now.AddDays(-11));
        openBanking.ChangeRequestId = linking.Id;

        var darkMode = ChangeOf(app, "Dark mode for the onboarding screens", 24 * 60, 0, 10, null, clara);
        darkMode.RequestedByStaffId = designer.Id;
        darkMode.Reason = "A third of the app's users run it in dark mode.";

        db.ChangeRequests.AddRange(audit, linking, darkMode);
        await db.SaveChangesAsync(ct);
    }

    private static ChangeRequest ChangeOf(Engagement e, string title, int hoursDeltaMinutes, long feeDelta, int days, Guid? stakeholderId, StaffMember author) => new()
    {
        AccountId = e.AccountId, EngagementId = e.Id, Title = title, HoursDeltaMinutes = hoursDeltaMinutes, FeeDelta = feeDelta, EndDateShiftDays = days,
        RequestedByStakeholderId = stakeholderId, CreatedBy = author.UserId,
    };

    private static void Triage(ClientRequest request, RequestOutcome outcome, StaffMember by, DateTime at) =>
        (request.Outcome, request.TriagedAt, request.TriagedByUserId, request.TriagedByName) = (outcome, at, by.UserId, by.FullName);

    private static void Must<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The demo's delivery story broke the workflow: {result.Error.Message}");
        }
    }
}
