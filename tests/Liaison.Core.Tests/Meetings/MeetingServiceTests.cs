using Ical.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Meetings;

public sealed class MeetingServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026, 09:00 UTC.
    private static readonly DateTimeOffset LastWeek = new(2026, 2, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextWeek = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AgendaAndNotesKeepBasicFormattingAndLoseEverythingElse()
    {
        var agency = await SeedAgencyAsync();

        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m =>
        {
            m.Agenda = "<p onclick=\"steal()\"><strong>Budget</strong> and <em>timeline</em></p><script>alert('x')</script>"
                + "<ul><li><a href=\"javascript:alert(1)\">bad</a></li><li><a href=\"https://example.test/brief\" target=\"_blank\">brief</a></li></ul>"
                + "<img src=x onerror=alert(1)><p style=\"color:red\" class=\"x\">Styled</p>";
            m.Notes = "<iframe src=\"https://evil.test\"></iframe><p>Internal: they will ask for a discount</p>";
        }), Ct)).Value;

        var agenda = meeting.Agenda ?? "";
        agenda.ShouldContain("<strong>Budget</strong>");
        agenda.ShouldContain("<em>timeline</em>");
        agenda.ShouldContain("<a href=\"https://example.test/brief\">brief</a>");
        foreach (var bad in new[] { "script", "alert", "onclick", "javascript", "<img", "onerror", "style=", "class=", "target=" })
        {
            agenda.ShouldNotContain(bad);
        }

        meeting.Notes.ShouldBe("<p>Internal: they will ask for a discount</p>");
        (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.Agenda = "<script>alert(1)</script>"), Ct))
            .Value.Agenda.ShouldBeNull();
    }

    [Fact]
    public async Task TheTimeZoneIsValidatedAndTheStartIsShownAtItsWallTime()
    {
        var agency = await SeedAgencyAsync();

        var unknown = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.TimeZone = "Mars/Olympus_Mons"), Ct);
        var traversal = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.TimeZone = "../../etc/passwd"), Ct);
        var summer = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            m => m.TimeZone = "Europe/Berlin"), Ct)).Value;
        var windows = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.TimeZone = "W. Europe Standard Time"), Ct)).Value;

        unknown.Error!.Fields!.Keys.ShouldBe(["timeZone"]);
        traversal.Error!.Fields!.Keys.ShouldBe(["timeZone"]);
        summer.StartsAt.ShouldBe(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc));
        summer.StartsAt.Kind.ShouldBe(DateTimeKind.Utc);
        summer.LocalStartsAt.ShouldBe(new DateTime(2026, 7, 1, 10, 0, 0));
        summer.EndsAt.ShouldBe(summer.StartsAt.AddMinutes(60));
        windows.TimeZone.ShouldBe("Europe/Berlin");
        windows.LocalStartsAt.ShouldBe(new DateTime(2026, 3, 9, 11, 0, 0));
    }

    [Theory]
    [InlineData("https://meet.example.test/abc-defg", true)]
    [InlineData("Harbour House, room 4", true)]
    [InlineData("www.example.test/call", false)]
    [InlineData("https://", false)]
    [InlineData("ftp://files.example.test/x", false)]
    [InlineData("http//broken.example.test", false)]
    public async Task ALocationThatLooksLikeALinkMustBeAValidWebAddress(string location, bool valid)
    {
        var agency = await SeedAgencyAsync();

        var result = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.Location = location), Ct);

        if (valid)
        {
            result.Value.Location.ShouldBe(location);
        }
        else
        {
            result.Error!.Fields!.Keys.ShouldBe(["location"]);
        }
    }

    [Fact]
    public async Task AttendeesComeFromTheAccountsStakeholdersAndTheStaff()
    {
        var agency = await SeedAgencyAsync();
        var olga = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        var foreign = await AddStakeholderAsync(agency.Verdant, "Vera Elsewhere");

        var wrong = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.StakeholderIds = [olga, foreign]), Ct);
        var unknownStaff = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.StaffIds = [Guid.CreateVersion7()]), Ct);
        var twice = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.StakeholderIds = [olga, olga]), Ct);
        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m =>
        {
            m.StakeholderIds = [olga];
            m.StaffIds = [agency.Manager.StaffId!.Value, agency.ProjectManager.StaffId!.Value];
        }), Ct)).Value;

        wrong.Error!.Fields!.Keys.ShouldBe(["stakeholderIds"]);
        unknownStaff.Error!.Fields!.Keys.ShouldBe(["staffIds"]);
        twice.Error!.Fields!.Keys.ShouldBe(["stakeholderIds"]);
        meeting.Stakeholders.ShouldHaveSingleItem().FullName.ShouldBe("Olga Sponsor");
        meeting.Staff.Select(s => s.FullName).ShouldBe(["Jonas Becker", "Mateo Alvarez"]);

        var input = NewMeeting(agency.Harbour, NextWeek, m => m.StaffIds = [agency.Manager.StaffId!.Value]);
        var changed = (await Meetings.UpdateAsync(agency.Manager, meeting.Id, meeting.Version, input, Ct)).Value;
        changed.Staff.ShouldHaveSingleItem().FullName.ShouldBe("Jonas Becker");
        changed.Stakeholders.ShouldBeEmpty();
        changed.Version.ShouldBe(meeting.Version + 1);
    }

    [Fact]
    public async Task AHeldMeetingThatReviewsThePlanMarksThePlanReviewed()
    {
        var agency = await SeedAgencyAsync();
        var earlier = LastWeek.AddDays(-7);
        var review = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, earlier, m => m.ReviewsPlan = true), Ct)).Value;
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.LastReviewedAt.ShouldBeNull();

        var held = await Meetings.UpdateAsync(agency.Manager, review.Id, review.Version,
            NewMeeting(agency.Harbour, earlier, m => { m.ReviewsPlan = true; m.Status = MeetingStatus.Held; }), Ct);
        var plan = (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value;
        plan.LastReviewedAt.ShouldBe(earlier.UtcDateTime);
        plan.LastReviewedMeetingId.ShouldBe(review.Id);

        var later = (await Meetings.CreateAsync(agency.Manager,
            NewMeeting(agency.Harbour, LastWeek, m => { m.ReviewsPlan = true; m.Status = MeetingStatus.Held; }), Ct)).Value;
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.LastReviewedMeetingId.ShouldBe(later.Id);

        // A status meeting held later does not review the plan.
        await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, LastWeek.AddDays(2), m => m.Status = MeetingStatus.Held), Ct);
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.LastReviewedAt.ShouldBe(LastWeek.UtcDateTime);

        (await Meetings.DeleteAsync(agency.Manager, later.Id, null, Ct)).IsSuccess.ShouldBeTrue();
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.LastReviewedAt.ShouldBe(earlier.UtcDateTime);

        await Meetings.UpdateAsync(agency.Manager, review.Id, null, NewMeeting(agency.Harbour, earlier, m => m.ReviewsPlan = true), Ct);
        (await Plans.GetAsync(agency.Manager, agency.Harbour, Ct)).Value.LastReviewedAt.ShouldBeNull();
        held.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task AMeetingCannotBeHeldBeforeItStarts()
    {
        var agency = await SeedAgencyAsync();

        var result = await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m => m.Status = MeetingStatus.Held), Ct);

        result.Error!.Fields!.Keys.ShouldBe(["status"]);
    }

    [Fact]
    public async Task ClientsSeeTheirAccountsMeetingsWithoutNotesAndChangeNothing()
    {
        var agency = await SeedAgencyAsync();
        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m =>
        {
            m.Notes = "<p>Internal: push the retainer</p>";
            m.Decisions = ["Launch in May"];
        }), Ct)).Value;

        var seen = (await Meetings.GetForClientAsync(agency.Client, meeting.Id, Ct)).Value;
        seen.Decisions.ShouldBe(["Launch in May"]);
        typeof(ClientMeetingView).GetProperty("Notes").ShouldBeNull();
        (await Meetings.GetAsync(agency.Client, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Meetings.GetForClientAsync(agency.OtherClient, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Meetings.GetAsync(agency.OffTeam, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Meetings.ListAsync(agency.Client, new MeetingListQuery(), Ct)).Value.Items.ShouldHaveSingleItem().Id.ShouldBe(meeting.Id);
        (await Meetings.ListAsync(agency.OtherClient, new MeetingListQuery(), Ct)).Value.Items.ShouldBeEmpty();

        (await Meetings.UpdateAsync(agency.Client, meeting.Id, null, NewMeeting(agency.Harbour, NextWeek), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Meetings.DeleteAsync(agency.Client, meeting.Id, null, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Meetings.CreateAsync(agency.Client, NewMeeting(agency.Harbour, NextWeek), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Meetings.PrepareAsync(agency.Client, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Meetings.UpdateAsync(agency.OffTeam, meeting.Id, null, NewMeeting(agency.Harbour, NextWeek), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Meetings.GetAsync(agency.Manager, meeting.Id, Ct)).Value.Version.ShouldBe(meeting.Version);
    }

    [Fact]
    public async Task TheListIsByStartWithinTheRange()
    {
        var agency = await SeedAgencyAsync();
        var late = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek), Ct)).Value;
        var early = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, LastWeek), Ct)).Value;
        await Meetings.CreateAsync(agency.Admin, NewMeeting(agency.Verdant, NextWeek), Ct);

        (await Meetings.ListAsync(agency.Manager, new MeetingListQuery(), Ct)).Value.Items.Select(m => m.Id).ShouldBe([early.Id, late.Id]);
        (await Meetings.ListAsync(agency.Admin, new MeetingListQuery(AccountId: agency.Harbour, Descending: true), Ct)).Value.Items
            .Select(m => m.Id).ShouldBe([late.Id, early.Id]);
        (await Meetings.ListAsync(agency.Manager, new MeetingListQuery(From: new DateOnly(2026, 3, 1), To: new DateOnly(2026, 3, 9)), Ct)).Value.Items
            .ShouldHaveSingleItem().Id.ShouldBe(late.Id);
        (await Meetings.ListAsync(agency.Manager, new MeetingListQuery(From: new DateOnly(2026, 3, 9), To: new DateOnly(2026, 3, 1)), Ct))
            .Error!.Fields!.Keys.ShouldBe(["to"]);
    }

    [Fact]
    public async Task ThePreparationGathersOpenCommitmentsOpenInitiativesAndUpcomingMilestones()
    {
        var agency = await SeedAgencyAsync();
        var sponsor = await AddStakeholderAsync(agency.Harbour, "Olga Sponsor");
        await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, LastWeek, m => m.Status = MeetingStatus.Held), Ct);
        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek), Ct)).Value;
        var clientOwes = (await Commitments.CreateAsync(agency.Manager, new CreateCommitmentInput
        {
            AccountId = agency.Harbour, Side = CommitmentSide.Client, OwnerStakeholderId = sponsor, Title = "Send the brand book", DueDate = new DateOnly(2026, 3, 5),
        }, Ct)).Value;
        var agencyOwes = (await Commitments.CreateAsync(agency.Manager, new CreateCommitmentInput
        {
            AccountId = agency.Harbour, Side = CommitmentSide.Agency, OwnerStaffId = agency.ProjectManager.StaffId, Title = "Share the test plan",
            DueDate = new DateOnly(2026, 2, 27), Status = CommitmentStatus.Slipped,
        }, Ct)).Value;
        await Commitments.CreateAsync(agency.Manager, new CreateCommitmentInput
        {
            AccountId = agency.Harbour, Side = CommitmentSide.Agency, OwnerStaffId = agency.Manager.StaffId, Title = "Kept already",
            DueDate = new DateOnly(2026, 2, 20), Status = CommitmentStatus.Done,
        }, Ct);
        await Plans.SaveAsync(agency.Manager, agency.Harbour, null, new AccountPlanInput
        {
            Initiatives =
            [
                new InitiativeInput { Title = "Open", Status = InitiativeStatus.InProgress },
                new InitiativeInput { Title = "Finished", Status = InitiativeStatus.Done },
                new InitiativeInput { Title = "Abandoned", Status = InitiativeStatus.Dropped },
            ],
        }, Ct);
        await AddEngagementAsync(agency.Harbour, EngagementStatus.InDelivery,
            ("Soon", new DateOnly(2026, 3, 20), null), ("Far", new DateOnly(2026, 6, 1), null), ("Done", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 1)),
            ("Past", new DateOnly(2026, 2, 1), null));
        await AddEngagementAsync(agency.Harbour, EngagementStatus.Cancelled, ("Cancelled work", new DateOnly(2026, 3, 15), null));

        var prep = (await Meetings.PrepareAsync(agency.ProjectManager, meeting.Id, Ct)).Value;

        prep.Meeting.Id.ShouldBe(meeting.Id);
        prep.LastHeldMeetingAt.ShouldBe(LastWeek.UtcDateTime);
        prep.OpenClientCommitments.ShouldHaveSingleItem().Id.ShouldBe(clientOwes.Id);
        prep.OpenClientCommitments[0].OwnerName.ShouldBe("Olga Sponsor");
        prep.OpenAgencyCommitments.ShouldHaveSingleItem().Id.ShouldBe(agencyOwes.Id);
        prep.OpenAgencyCommitments[0].IsOverdue.ShouldBeTrue();
        prep.OpenInitiatives.ShouldHaveSingleItem().Title.ShouldBe("Open");
        prep.UpcomingMilestones.ShouldHaveSingleItem().Name.ShouldBe("Soon");
    }

    [Fact]
    public async Task DeletingAMeetingKeepsItsCommitments()
    {
        var agency = await SeedAgencyAsync();
        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, LastWeek), Ct)).Value;
        var promise = (await Commitments.CreateAsync(agency.Manager, new CreateCommitmentInput
        {
            AccountId = agency.Harbour, MeetingId = meeting.Id, OwnerStaffId = agency.Manager.StaffId, Title = "Send minutes", DueDate = new DateOnly(2026, 3, 3),
        }, Ct)).Value;

        (await Meetings.DeleteAsync(agency.Manager, meeting.Id, meeting.Version + 1, Ct)).Error!.Kind.ShouldBe(ErrorKind.StaleVersion);
        (await Meetings.DeleteAsync(agency.Manager, meeting.Id, meeting.Version, Ct)).IsSuccess.ShouldBeTrue();

        var kept = (await Commitments.GetAsync(agency.Manager, promise.Id, Ct)).Value;
        kept.MeetingId.ShouldBeNull();
        kept.Version.ShouldBe(promise.Version + 1);
        (await Meetings.GetAsync(agency.Manager, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task TheCalendarFileHoldsTheMeetingAtItsWallTimeAndNeverTheNotes()
    {
        var agency = await SeedAgencyAsync();
        var meeting = (await Meetings.CreateAsync(agency.Manager, NewMeeting(agency.Harbour, NextWeek, m =>
        {
            m.Title = "Quarterly review";
            m.Type = MeetingType.Qbr;
            m.TimeZone = "America/New_York";
            m.DurationMinutes = 90;
            m.Location = "https://meet.example.test/qbr";
            m.Agenda = "<p>Results</p><ul><li>Bookings</li><li>Next quarter</li></ul>";
            m.Notes = "<p>Internal: renewal at risk</p>";
        }), Ct)).Value;

        var text = (await Meetings.CalendarFileAsync(agency.Client, meeting.Id, Ct)).Value;

        text.ShouldNotContain("Internal:");
        var calendar = Calendar.Load(text)!;
        var entry = calendar.Events.ShouldHaveSingleItem();
        entry.Summary.ShouldBe("Quarterly review");
        entry.DtStart!.TzId.ShouldBe("America/New_York");
        entry.DtStart.Value.ShouldBe(new DateTime(2026, 3, 9, 6, 0, 0));
        entry.DtStart.AsUtc.ShouldBe(NextWeek.UtcDateTime);
        entry.DtEnd!.AsUtc.ShouldBe(NextWeek.UtcDateTime.AddMinutes(90));
        entry.Url.ShouldBe(new Uri("https://meet.example.test/qbr"));
        var description = entry.Description ?? "";
        description.ShouldContain("• Bookings");
        description.ShouldContain("Quarterly business review");
        calendar.TimeZones.ShouldHaveSingleItem().TzId.ShouldBe("America/New_York");
        (await Meetings.CalendarFileAsync(agency.OtherClient, meeting.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    private static CreateMeetingInput NewMeeting(Guid accountId, DateTimeOffset startsAt, Action<CreateMeetingInput>? change = null)
    {
        var input = new CreateMeetingInput { AccountId = accountId, Title = "Monthly status", StartsAt = startsAt, TimeZone = "Europe/London" };
        change?.Invoke(input);
        return input;
    }

    private async Task AddEngagementAsync(Guid accountId, EngagementStatus status, params (string Name, DateOnly Due, DateOnly? Done)[] milestones)
    {
        await using var db = Database.CreateDbContext();
        db.Engagements.Add(new Engagement
        {
            AccountId = accountId, Name = $"Engagement {status}", Status = status,
            Milestones = [.. milestones.Select(m => new Milestone { Name = m.Name, DueDate = m.Due, DoneOn = m.Done })],
        });
        await db.SaveChangesAsync(Ct);
    }
}
