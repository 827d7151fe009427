using Ical.Net;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Meetings;

public sealed class CalendarFeedServiceTests : DatabaseTest
{
    [Fact]
    public async Task TheFeedListsTheMeetingsItsUserMaySeeFromThirtyDaysAgo()
    {
        var agency = await SeedAgencyAsync();
        var now = Clock.GetUtcNow();
        var recent = await AddMeetingAsync(agency.Harbour, "Recent", now.AddDays(-29));
        await AddMeetingAsync(agency.Harbour, "Long ago", now.AddDays(-31));
        var upcoming = await AddMeetingAsync(agency.Harbour, "Upcoming", now.AddDays(14));
        await AddMeetingAsync(agency.Verdant, "Someone else's", now.AddDays(1));
        var feed = (await CalendarFeeds.CreateOrRotateAsync(agency.Manager, Ct)).Value;

        var text = await CalendarFeeds.ReadAsync(feed.Secret, Ct);

        var events = Calendar.Load(text!)!.Events;
        events.Select(e => e.Uid).ShouldBe([$"meeting-{recent}@liaison", $"meeting-{upcoming}@liaison"]);
        text!.ShouldNotContain("Internal:");
        var clients = await CalendarFeeds.ReadAsync((await CalendarFeeds.CreateOrRotateAsync(agency.Client, Ct)).Value.Secret, Ct);
        (clients ?? "").ShouldNotContain("Someone else's");
        (clients ?? "").ShouldContain("Upcoming");
    }

    [Fact]
    public async Task OnlyTheHashIsStoredAndRotatingOrRevokingKillsTheOldAddress()
    {
        var agency = await SeedAgencyAsync();
        var first = (await CalendarFeeds.CreateOrRotateAsync(agency.Manager, Ct)).Value;
        first.Secret.ShouldStartWith("cal_");
        await using (var db = Database.CreateDbContext())
        {
            var stored = await db.CalendarFeeds.SingleAsync(Ct);
            stored.SecretHash.ShouldNotContain(first.Secret[4..]);
            stored.SecretHash.Length.ShouldBe(64);
            (await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarFeed)).Select(a => a.Changes).SingleAsync(Ct))
                .ShouldNotContain(stored.SecretHash);
        }

        var second = (await CalendarFeeds.CreateOrRotateAsync(agency.Manager, Ct)).Value;
        (await CalendarFeeds.ReadAsync(first.Secret, Ct)).ShouldBeNull();
        (await CalendarFeeds.ReadAsync(second.Secret, Ct)).ShouldNotBeNull();

        (await CalendarFeeds.RevokeAsync(agency.Manager, Ct)).IsSuccess.ShouldBeTrue();
        (await CalendarFeeds.ReadAsync(second.Secret, Ct)).ShouldBeNull();
        (await CalendarFeeds.RevokeAsync(agency.Manager, Ct)).IsSuccess.ShouldBeTrue();
        (await CalendarFeeds.ReadAsync("cal_unknown", Ct)).ShouldBeNull();
        (await CalendarFeeds.ReadAsync("not-a-feed", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task TheStatusSaysWhetherTheUserHasAFeedAndWhenItWasLastReadButNeverItsSecret()
    {
        var agency = await SeedAgencyAsync();
        (await CalendarFeeds.GetAsync(agency.Manager, Ct)).Value.ShouldBe(new CalendarFeedStatus(false, null, null));

        var feed = (await CalendarFeeds.CreateOrRotateAsync(agency.Manager, Ct)).Value;
        var created = (await CalendarFeeds.GetAsync(agency.Manager, Ct)).Value;
        created.Active.ShouldBeTrue();
        created.CreatedAt!.Value.ShouldBe(feed.IssuedAt, TimeSpan.FromSeconds(1));
        created.LastUsedAt.ShouldBeNull();
        (await CalendarFeeds.GetAsync(agency.ProjectManager, Ct)).Value.Active.ShouldBeFalse();

        await CalendarFeeds.ReadAsync(feed.Secret, Ct);
        (await CalendarFeeds.GetAsync(agency.Manager, Ct)).Value.LastUsedAt.ShouldNotBeNull();

        (await CalendarFeeds.RevokeAsync(agency.Manager, Ct)).IsSuccess.ShouldBeTrue();
        (await CalendarFeeds.GetAsync(agency.Manager, Ct)).Value.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task ADisabledUsersFeedStopsWorking()
    {
        var agency = await SeedAgencyAsync();
        var feed = (await CalendarFeeds.CreateOrRotateAsync(agency.ProjectManager, Ct)).Value;

        (await Users.SetDisabledAsync(agency.Admin, agency.ProjectManager.UserId, disabled: true, Ct)).IsSuccess.ShouldBeTrue();

        (await CalendarFeeds.ReadAsync(feed.Secret, Ct)).ShouldBeNull();
    }

    private async Task<Guid> AddMeetingAsync(Guid accountId, string title, DateTimeOffset startsAt)
    {
        var meeting = new Meeting
        {
            AccountId = accountId, Title = title, StartsAt = startsAt.UtcDateTime, TimeZone = "Europe/Paris", Notes = "<p>Internal: private</p>",
        };
        await using var db = Database.CreateDbContext();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }
}
