using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Insights;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Communications;

public sealed class InteractionServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026 at 09:00 UTC.
    private static readonly DateTimeOffset Monday9 = FakeClock.DefaultStart;

    [Fact]
    public async Task AQueryIsDueAfterItsPriorityInBusinessHoursAndGoesToTheAccountManager()
    {
        var agency = await SeedAgencyAsync();

        // Friday 15:00 with the default policy (Mon–Fri 09:00–17:00 UTC, normal = 8 business hours):
        // 2 hours on Friday, then 6 on Monday.
        Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(6));
        var query = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Where is the timetable?"), Ct);

        query.Value.SlaDueAt.ShouldBe(new DateTime(2026, 3, 9, 15, 0, 0, DateTimeKind.Utc));
        query.Value.Priority.ShouldBe(QueryPriority.Normal);
        query.Value.Assignee!.Id.ShouldBe(agency.Manager.StaffId!.Value);
        query.Value.IsBreached.ShouldBeFalse();
    }

    [Fact]
    public async Task TheAccountsOwnPolicySetsTheDeadlineInItsZoneAndSkipsItsHolidays()
    {
        var agency = await SeedAgencyAsync();
        var policy = await SlaPolicies.SetAsync(agency.Manager, agency.Harbour, 0, new SlaPolicyInput
        {
            TimeZoneId = "Europe/Paris",
            DayStart = new TimeOnly(9, 0),
            DayEnd = new TimeOnly(18, 0),
            Holidays = [new DateOnly(2026, 3, 3)],
            UrgentMinutes = 60,
            HighMinutes = 240,
            NormalMinutes = 480,
            LowMinutes = 960,
        }, Ct);
        policy.IsSuccess.ShouldBeTrue();

        // Monday 09:00 UTC is 10:00 in Paris: 8 of the 9 hours are left on Monday; the high
        // priority's 4 hours fit. Low (16 h): 8 on Monday, Tuesday is a holiday, 8 on Wednesday.
        var high = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Urgent-ish", QueryPriority.High), Ct);
        var low = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Whenever", QueryPriority.Low), Ct);

        high.Value.SlaDueAt.ShouldBe(new DateTime(2026, 3, 2, 13, 0, 0, DateTimeKind.Utc));
        low.Value.SlaDueAt.ShouldBe(new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task AnOutboundReplyAnswersTheQueryInBusinessMinutesAndDeletingItReopensIt()
    {
        var agency = await SeedAgencyAsync();
        var query = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Timetable?"), Ct);
        // Replied on Tuesday at 10:00: 8 business hours on Monday and 1 on Tuesday.
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));

        var reply = await Interactions.CreateAsync(agency.Manager, Reply(agency.Harbour, query.Value.Id), Ct);
        var answered = await Interactions.GetAsync(agency.Manager, query.Value.Id, Ct);
        var second = await Interactions.CreateAsync(agency.Manager, Reply(agency.Harbour, query.Value.Id), Ct);
        var deleted = await Interactions.DeleteAsync(agency.Manager, reply.Value.Id, null, Ct);
        var reopened = await Interactions.GetAsync(agency.Manager, query.Value.Id, Ct);

        answered.Value.RepliedAt.ShouldBe(new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc));
        answered.Value.ReplyId.ShouldBe(reply.Value.Id);
        answered.Value.ReplyBusinessMinutes.ShouldBe(9 * 60);
        answered.Value.IsBreached.ShouldBeTrue("the normal deadline was Monday 17:00");
        second.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        deleted.IsSuccess.ShouldBeTrue();
        reopened.Value.RepliedAt.ShouldBeNull();
        reopened.Value.ReplyId.ShouldBeNull();
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByField()
    {
        var agency = await SeedAgencyAsync();
        var elsewhere = await AddStakeholderAsync(agency.Verdant, "Noor Haddad");
        var query = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Timetable?"), Ct);

        var outboundQuery = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "We asked", Direction = InteractionDirection.Outbound, IsQuery = true,
        }, Ct);
        var future = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Tomorrow", OccurredAt = Monday9.AddDays(1),
        }, Ct);
        var foreign = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Call", StakeholderIds = [elsewhere],
        }, Ct);
        var offTeamAssignee = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Question", IsQuery = true, AssigneeStaffId = agency.OffTeam.StaffId,
        }, Ct);
        var replyBeforeQuery = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Re: Timetable?", Direction = InteractionDirection.Outbound,
            InReplyToId = query.Value.Id, OccurredAt = Monday9.AddHours(-1),
        }, Ct);
        var inboundReply = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Re: Timetable?", InReplyToId = query.Value.Id,
        }, Ct);

        outboundQuery.Error!.Fields!.Keys.ShouldBe(["isQuery"]);
        future.Error!.Fields!.Keys.ShouldBe(["occurredAt"]);
        foreign.Error!.Fields!.Keys.ShouldBe(["stakeholderIds"]);
        offTeamAssignee.Error!.Fields!.Keys.ShouldBe(["assigneeStaffId"]);
        replyBeforeQuery.Error!.Fields!.Keys.ShouldBe(["occurredAt"]);
        inboundReply.Error!.Fields!.Keys.ShouldBe(["inReplyToId"]);
    }

    [Fact]
    public async Task ClientsAndOtherTeamsNeverSeeTheLog()
    {
        var agency = await SeedAgencyAsync();
        var query = await Interactions.CreateAsync(agency.Manager, Query(agency.Harbour, "Timetable?"), Ct);

        (await Interactions.GetAsync(agency.Client, query.Value.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Interactions.GetAsync(agency.OffTeam, query.Value.Id, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Interactions.ListAsync(agency.Client, new InteractionListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Interactions.ListAsync(agency.OffTeam, new InteractionListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Interactions.ListAsync(agency.OffTeam, new InteractionListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        (await Interactions.CreateAsync(agency.Client, Query(agency.Harbour, "From the portal"), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task LastTouchFollowsTheLatestInteractionOrHeldMeeting()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var call = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Call", Channel = InteractionChannel.Phone, StakeholderIds = [grace],
            OccurredAt = Monday9.AddHours(-2),
        }, Ct);
        var afterCall = await LastTouchAsync(grace);

        Clock.Advance(TimeSpan.FromDays(2));
        var meeting = await Meetings.CreateAsync(agency.Manager, new CreateMeetingInput
        {
            AccountId = agency.Harbour, Title = "Review", StartsAt = Monday9.AddDays(1), TimeZone = "UTC", DurationMinutes = 60,
            StakeholderIds = [grace], Status = MeetingStatus.Held,
        }, Ct);
        meeting.IsSuccess.ShouldBeTrue();
        var afterMeeting = await LastTouchAsync(grace);

        await Interactions.DeleteAsync(agency.Manager, call.Value.Id, null, Ct);
        await Meetings.DeleteAsync(agency.Manager, meeting.Value.Id, null, Ct);
        var afterBoth = await LastTouchAsync(grace);

        afterCall.ShouldBe(new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc));
        afterMeeting.ShouldBe(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc));
        afterBoth.ShouldBeNull();
    }

    [Fact]
    public async Task CoverageCountsKeyStakeholdersTouchedInTheWindow()
    {
        var agency = await SeedAgencyAsync();
        var touched = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var forgotten = await AddStakeholderAsync(agency.Harbour, "Ivo Petrov");
        await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Lunch", Channel = InteractionChannel.Other, StakeholderIds = [touched],
        }, Ct);
        await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Old call", StakeholderIds = [forgotten], OccurredAt = Monday9.AddDays(-45),
        }, Ct);

        var coverage = await Stakeholders.CoverageAsync(agency.Manager, agency.Harbour, null, Ct);

        coverage.Value.KeyTotal.ShouldBe(2);
        coverage.Value.KeyTouched.ShouldBe(1);
        coverage.Value.Stakeholders.Single(s => s.Id == forgotten).TouchedInWindow.ShouldBeFalse();
        coverage.Value.Stakeholders[0].Id.ShouldBe(forgotten, "the longest untouched key person comes first");
        (await Stakeholders.CoverageAsync(agency.Client, agency.Harbour, null, Ct)).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public async Task SharingAnInsightLogsAnOutboundInteractionWithThePeople()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var insight = await Insights.CreateAsync(agency.Manager, new NewInsightInput { AccountId = agency.Harbour, Title = "Port strikes" }, Ct);

        var shared = await Insights.ShareAsync(agency.Manager, insight.Value.Id, null, new ShareInput { StakeholderIds = [grace] }, Ct);
        var logged = await Interactions.GetAsync(agency.Manager, shared.Value.InteractionId, Ct);

        logged.Value.Source.ShouldBe(InteractionSource.InsightShare);
        logged.Value.Direction.ShouldBe(InteractionDirection.Outbound);
        logged.Value.Subject.ShouldBe("Insight shared: Port strikes");
        logged.Value.Stakeholders.Select(s => s.Id).ShouldBe([grace]);
        (await LastTouchAsync(grace)).ShouldBe(Monday9.UtcDateTime);
    }

    [Fact]
    public async Task MeetingPreparationListsTheInteractionsSinceTheLastHeldMeeting()
    {
        var agency = await SeedAgencyAsync();
        var held = await Meetings.CreateAsync(agency.Manager, new CreateMeetingInput
        {
            AccountId = agency.Harbour, Title = "Last review", StartsAt = Monday9.AddDays(-7), TimeZone = "UTC", DurationMinutes = 60,
            Status = MeetingStatus.Held,
        }, Ct);
        held.IsSuccess.ShouldBeTrue();
        await Interactions.CreateAsync(agency.Manager, new NewInteractionInput { AccountId = agency.Harbour, Subject = "Before", OccurredAt = Monday9.AddDays(-8) }, Ct);
        await Interactions.CreateAsync(agency.Manager, new NewInteractionInput { AccountId = agency.Harbour, Subject = "After", OccurredAt = Monday9.AddDays(-2) }, Ct);
        var next = await Meetings.CreateAsync(agency.Manager, new CreateMeetingInput
        {
            AccountId = agency.Harbour, Title = "Next review", StartsAt = Monday9.AddDays(3), TimeZone = "UTC", DurationMinutes = 60,
        }, Ct);

        var preparation = await Meetings.PrepareAsync(agency.Manager, next.Value.Id, Ct);

        preparation.Value.InteractionsSinceLastMeeting.Select(i => i.Subject).ShouldBe(["After"]);
    }

    private static NewInteractionInput Query(Guid accountId, string subject, QueryPriority? priority = null) => new()
    {
        AccountId = accountId, Subject = subject, Channel = InteractionChannel.Email, Direction = InteractionDirection.Inbound,
        IsQuery = true, Priority = priority,
    };

    private static NewInteractionInput Reply(Guid accountId, Guid queryId) => new()
    {
        AccountId = accountId, Subject = "Re: the query", Direction = InteractionDirection.Outbound, InReplyToId = queryId,
    };

    private async Task<DateTime?> LastTouchAsync(Guid stakeholderId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Stakeholders.Where(s => s.Id == stakeholderId).Select(s => s.LastTouchAt).SingleAsync(Ct);
    }
}
