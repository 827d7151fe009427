using System.Net;
using System.Text.Json;
using Ical.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Meetings;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Meetings;

/// <summary>The account plan, meetings, commitments and calendars through the API.</summary>
public abstract class MeetingsApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);
    private readonly ApiClient _clientA = app.ClientFor(Principal.ClientOfA);
    private readonly ApiClient _clientB = app.ClientFor(Principal.ClientOfB);

    private World World => app.World;

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ThePlanIsCreatedOnTheFirstSaveAndGuardedByItsETagAsync()
    {
        // Account B's plan: the meeting tests here review A's.
        var managerOfB = app.ClientWithToken(World.ManagerOfB.Token);
        var url = $"/api/v1/accounts/{World.AccountB}/plan";
        using var empty = await managerOfB.GetAsync(url);
        await empty.ShouldHaveStatusAsync(HttpStatusCode.OK);
        empty.ETag().ShouldBe("\"0\"");
        (await empty.ReadJsonAsync<AccountPlanView>()).Initiatives.ShouldBeEmpty();

        var body = new
        {
            vision = "The bank people trust online",
            clientObjectives = new[] { "Halve branch queries" },
            agencyObjectives = new[] { "Win the app rebuild" },
            initiatives = new[] { new { title = "Self-service FAQ", ownerStaffId = World.ManagerOfB.StaffId, horizon = "NextQuarter", status = "Planned" } },
        };
        using var noIfMatch = await managerOfB.PutAsync(url, body);
        await noIfMatch.ShouldBeProblemAsync((HttpStatusCode)428);
        using var created = await managerOfB.PutAsync(url, body, ifMatch: empty.ETag());
        await created.ShouldHaveStatusAsync(HttpStatusCode.OK);
        created.ETag().ShouldBe("\"1\"");
        var plan = await created.ReadJsonAsync<AccountPlanView>();
        plan.Initiatives.ShouldHaveSingleItem().OwnerName.ShouldBe("Bruno Bmanager");
        plan.Initiatives[0].Horizon.ShouldBe(PlanHorizon.NextQuarter);

        using var stale = await managerOfB.PutAsync(url, body, ifMatch: empty.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var blank = await managerOfB.PutAsync(url, new { clientObjectives = new[] { " " } }, ifMatch: created.ETag());
        (await blank.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("clientObjectives").ShouldNotBeEmpty();
        using var badHorizon = await managerOfB.PutAsync(url, ApiClient.RawJson("""{"initiatives":[{"title":"x","horizon":"Someday"}]}"""), ifMatch: "*");
        await badHorizon.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var ownClient = await _clientB.GetAsync(url);
        await ownClient.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var otherClient = await _clientA.GetAsync(url);
        await otherClient.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _admin.GetJsonAsync<AccountPlanView>(url)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task AMeetingIsArrangedEditedAndDeletedWithETagsAndClientsNeverSeeItsNotesAsync()
    {
        using var created = await _manager.PostAsync("/api/v1/meetings", new
        {
            accountId = World.AccountA,
            title = "Kick-off workshop",
            type = "Workshop",
            startsAt = "2027-03-01T10:00:00+01:00",
            timeZone = "Europe/Paris",
            durationMinutes = 120,
            location = "Harbour House, room 4",
            stakeholderIds = new[] { World.StakeholderA },
            staffIds = new[] { World.Person(Principal.ManagerOnTeam).StaffId, World.Person(Principal.TeamMemberOnTeam).StaffId },
            agenda = "<p onclick=\"x()\">Goals</p><script>alert(1)</script>",
            notes = "<p>Internal: budget is tight</p>",
            decisions = new[] { "Weekly stand-ups" },
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await created.ReadJsonAsync<MeetingView>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/meetings/{meeting.Id}");
        created.ETag().ShouldBe("\"1\"");
        meeting.StartsAt.ShouldBe(new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        meeting.LocalStartsAt.ShouldBe(new DateTime(2027, 3, 1, 10, 0, 0));
        meeting.Agenda.ShouldBe("<p>Goals</p>");
        meeting.Staff.Count.ShouldBe(2);
        var url = $"/api/v1/meetings/{meeting.Id}";

        using var asClient = await _clientA.GetAsync(url);
        await asClient.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var clientJson = await asClient.ReadJsonAsync<JsonElement>();
        clientJson.TryGetProperty("notes", out _).ShouldBeFalse();
        clientJson.GetProperty("decisions")[0].GetString().ShouldBe("Weekly stand-ups");
        using var listed = await _clientA.GetAsync($"/api/v1/meetings?accountId={World.AccountA}&from=2027-03-01&to=2027-03-01");
        (await listed.ReadJsonAsync<Page<MeetingSummary>>()).Items.ShouldHaveSingleItem().Id.ShouldBe(meeting.Id);
        using var otherClient = await _clientB.GetAsync(url);
        await otherClient.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var update = new { title = "Kick-off workshop (moved)", type = "Workshop", startsAt = "2027-03-02T09:00:00Z", timeZone = "Europe/Paris", durationMinutes = 90 };
        using var clientEdit = await _clientA.PutAsync(url, update, ifMatch: created.ETag());
        await clientEdit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var memberEdit = await _member.PutAsync(url, update, ifMatch: created.ETag());
        await memberEdit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var noIfMatch = await _manager.PutAsync(url, update);
        await noIfMatch.ShouldBeProblemAsync((HttpStatusCode)428);
        using var edited = await _manager.PutAsync(url, update, ifMatch: created.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        edited.ETag().ShouldBe("\"2\"");
        var moved = await edited.ReadJsonAsync<MeetingView>();
        (moved.Title, moved.Notes, moved.Staff.Count).ShouldBe(("Kick-off workshop (moved)", null, 0));
        using var stale = await _manager.PutAsync(url, update, ifMatch: created.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        using var fetched = await _manager.GetAsync(url);
        fetched.ETag().ShouldBe("\"2\"");
        using var staleDelete = await _manager.DeleteAsync(url, ifMatch: created.ETag());
        await staleDelete.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        using var deleted = await _manager.DeleteAsync(url, ifMatch: edited.ETag());
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _manager.GetAsync(url);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadMeetingInputIsAFieldErrorNotAFailureAsync()
    {
        async Task<JsonElement> PostAsync(object body)
        {
            using var response = await _manager.PostAsync("/api/v1/meetings", body);
            return await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await PostAsync(new { accountId = World.AccountA, title = "X", startsAt = "2027-01-01T10:00:00Z", timeZone = "Mars/Base" })).FieldErrors("timeZone").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountA, title = "X", startsAt = "2027-01-01T10:00:00Z", location = "https://" })).FieldErrors("location").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountA, title = "X" })).FieldErrors("startsAt").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountA, title = "", startsAt = "2027-01-01T10:00:00Z", durationMinutes = 0 })).FieldErrors("durationMinutes").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountA, title = "X", startsAt = "2027-01-01T10:00:00Z", stakeholderIds = new[] { World.StakeholderB } }))
            .FieldErrors("stakeholderIds").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountA, title = "X", startsAt = "2099-01-01T10:00:00Z", status = "Held" })).FieldErrors("status").ShouldNotBeEmpty();
        (await PostAsync(new { accountId = World.AccountB, title = "X", startsAt = "2027-01-01T10:00:00Z" })).FieldErrors("accountId").ShouldNotBeEmpty();
        await PostAsync(ApiClient.RawJson("""{"accountId":"x","title":"X"}"""));
        await PostAsync(ApiClient.RawJson("""{"title":"X","type":3}"""));
        await PostAsync(ApiClient.RawJson("""{"title":"X","startsAt":"yesterday"}"""));
        using var badRange = await _manager.GetAsync("/api/v1/meetings?from=2027-02-01&to=2027-01-01");
        (await badRange.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("to").ShouldNotBeEmpty();
        using var badDate = await _manager.GetAsync("/api/v1/meetings?from=someday");
        await badDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AHeldMeetingThatReviewsThePlanSetsItsLastReviewAsync()
    {
        var held = TimeProvider.System.GetUtcNow().AddDays(-1);
        held = new DateTimeOffset(held.Year, held.Month, held.Day, held.Hour, 0, 0, TimeSpan.Zero);
        using var created = await _manager.PostAsync("/api/v1/meetings", new
        {
            accountId = World.AccountA, title = "Account review", type = "AccountReview", startsAt = held, timeZone = "UTC", reviewsPlan = true, status = "Held",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await created.ReadJsonAsync<MeetingView>();

        var plan = await _member.GetJsonAsync<AccountPlanView>($"/api/v1/accounts/{World.AccountA}/plan");

        plan.LastReviewedAt.ShouldBe(held.UtcDateTime);
        plan.LastReviewedMeetingId.ShouldBe(meeting.Id);
    }

    [Fact]
    public async Task TheCalendarFileHoldsTheMeetingAndNotItsNotesAsync()
    {
        using var response = await _clientA.GetAsync($"/api/v1/meetings/{World.MeetingA}/ics");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        text.ShouldNotContain("Internal:");
        var entry = Calendar.Load(text)!.Events.ShouldHaveSingleItem();
        entry.Uid.ShouldBe($"meeting-{World.MeetingA}@liaison");
        entry.Summary.ShouldBe("Monthly account review");
        entry.DtStart!.TzId.ShouldBe("Europe/London");
        entry.DtStart.AsUtc.ShouldBe(World.MeetingStart.UtcDateTime);
        entry.Url.ShouldBe(new Uri("https://meet.example.test/review"));
        using var foreign = await _clientA.GetAsync($"/api/v1/meetings/{World.MeetingB}/ics");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCalendarFeedServesTheUsersMeetingsUntilRotatedOrRevokedAsync()
    {
        using var created = await _clientA.PostAsync("/api/v1/calendar-feed");
        await created.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var feed = await created.ReadJsonAsync<CalendarFeedCreated>();
        var path = new Uri(feed.Url).AbsolutePath;
        path.ShouldStartWith("/calendar/cal_");
        var status = await _clientA.GetJsonAsync<CalendarFeedStatus>("/api/v1/calendar-feed");
        status.Active.ShouldBeTrue();
        status.CreatedAt.ShouldNotBeNull();
        (await app.AnonymousClient().GetAsync("/api/v1/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var anonymous = app.AnonymousClient();

        using var served = await anonymous.GetAsync(path);
        await served.ShouldHaveStatusAsync(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await served.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldNotContain("Internal:");
        var uids = Calendar.Load(text)!.Events.Select(e => e.Uid).ToList();
        uids.ShouldContain($"meeting-{World.MeetingA}@liaison");
        uids.ShouldNotContain($"meeting-{World.MeetingB}@liaison");

        using var rotated = await _clientA.PostAsync("/api/v1/calendar-feed");
        var newPath = new Uri((await rotated.ReadJsonAsync<CalendarFeedCreated>()).Url).AbsolutePath;
        newPath.ShouldNotBe(path);
        using var old = await anonymous.GetAsync(path);
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        using var fresh = await anonymous.GetAsync(newPath);
        await fresh.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var revoked = await _clientA.DeleteAsync("/api/v1/calendar-feed");
        await revoked.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await _clientA.GetJsonAsync<CalendarFeedStatus>("/api/v1/calendar-feed")).ShouldBe(new CalendarFeedStatus(false, null, null));
        using var afterRevoke = await anonymous.GetAsync(newPath);
        await afterRevoke.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        using var guessed = await anonymous.GetAsync("/calendar/cal_guessed.ics");
        await guessed.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePreparationShowsBothSidesOpenCommitmentsAsync()
    {
        var prep = await _member.GetJsonAsync<MeetingPreparation>($"/api/v1/meetings/{World.MeetingA}/prepare");

        prep.Meeting.Id.ShouldBe(World.MeetingA);
        prep.OpenAgencyCommitments.Select(c => c.Id).ShouldContain(World.CommitmentA);
        prep.OpenClientCommitments.Select(c => c.Id).ShouldContain(World.ClientCommitmentA);
        using var client = await _clientA.GetAsync($"/api/v1/meetings/{World.MeetingA}/prepare");
        await client.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CommitmentsListOverdueAndDueSoonForTheOwnerAndTheAccountAsync()
    {
        var me = World.Person(Principal.ManagerOnTeam).StaffId;
        async Task<CommitmentView> CreateAsync(DateOnly due, string title)
        {
            using var response = await _manager.PostAsync("/api/v1/commitments", new
            {
                accountId = World.AccountA, meetingId = World.MeetingA, side = "Agency", ownerStaffId = me, title, dueDate = due,
            });
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
            response.ETag().ShouldBe("\"1\"");
            return await response.ReadJsonAsync<CommitmentView>();
        }

        var late = await CreateAsync(Today.AddDays(-2), "Send the audit");
        var soon = await CreateAsync(Today.AddDays(3), "Share the roadmap");
        late.IsOverdue.ShouldBeTrue();
        late.OwnerName.ShouldBe("Mona Manager");

        var overdue = await _manager.GetJsonAsync<Page<CommitmentSummary>>("/api/v1/commitments?mine=true&overdue=true");
        overdue.Items.Select(c => c.Id).ShouldContain(late.Id);
        overdue.Items.Select(c => c.Id).ShouldNotContain(soon.Id);
        var thisWeek = await _manager.GetJsonAsync<Page<CommitmentSummary>>($"/api/v1/commitments?accountId={World.AccountA}&dueWithinDays=7");
        thisWeek.Items.Select(c => c.Id).ShouldBe([soon.Id]);
        var agencySide = await _member.GetJsonAsync<Page<CommitmentSummary>>($"/api/v1/commitments?accountId={World.AccountA}&side=Agency&status=Open");
        agencySide.Items.Select(c => c.Id).ShouldContain(World.CommitmentA);
        var clientList = await _clientA.GetJsonAsync<Page<CommitmentSummary>>("/api/v1/commitments");
        clientList.Items.ShouldAllBe(c => c.ClientVisible);
        clientList.Items.Select(c => c.Id).ShouldNotContain(late.Id);

        using var badDays = await _manager.GetAsync("/api/v1/commitments?dueWithinDays=-1");
        (await badDays.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("dueWithinDays").ShouldNotBeEmpty();
        using var badStatus = await _manager.GetAsync("/api/v1/commitments?status=Forgotten");
        await badStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var wrongOwner = await _manager.PostAsync("/api/v1/commitments", new
        {
            accountId = World.AccountA, side = "Client", ownerStaffId = me, title = "Mixed up", dueDate = Today,
        });
        var problem = await wrongOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("ownerStakeholderId").ShouldNotBeEmpty();
        problem.FieldErrors("ownerStaffId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AClientTicksOffTheirOwnSideAndNothingElseAndBothReliabilitiesShowAsync()
    {
        async Task<CommitmentView> CreateAsync(object body)
        {
            using var response = await _manager.PostAsync("/api/v1/commitments", body);
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
            return await response.ReadJsonAsync<CommitmentView>();
        }

        var theirs = await CreateAsync(new
        {
            accountId = World.AccountA, side = "Client", ownerStakeholderId = World.StakeholderA, title = "Send the brand book",
            dueDate = Today.AddDays(-1), clientVisible = true,
        });
        var ours = await CreateAsync(new
        {
            accountId = World.AccountA, side = "Agency", ownerStaffId = World.Person(Principal.ManagerOnTeam).StaffId, title = "Send the moodboard",
            dueDate = Today.AddDays(-3), clientVisible = true, status = "Done", doneOn = Today.AddDays(-4),
        });

        using var hidden = await _clientA.GetAsync($"/api/v1/commitments/{World.CommitmentA}");
        await hidden.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var agencySide = await _clientA.PostAsync($"/api/v1/commitments/{ours.Id}/updates", new { text = "Thanks" });
        await agencySide.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var dropped = await _clientA.PostAsync($"/api/v1/commitments/{theirs.Id}/updates", new { status = "Dropped" });
        await dropped.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var edit = await _clientA.PutAsync($"/api/v1/commitments/{theirs.Id}", new
        {
            side = "Client", ownerStakeholderId = World.StakeholderA, title = "Changed", dueDate = Today, clientVisible = true,
        }, ifMatch: "*");
        await edit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var empty = await _clientA.PostAsync($"/api/v1/commitments/{theirs.Id}/updates", new { });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("text").ShouldNotBeEmpty();
        using var unchanged = await _manager.GetAsync($"/api/v1/commitments/{theirs.Id}");
        unchanged.ETag().ShouldBe("\"1\"");

        using var ticked = await _clientA.PostAsync($"/api/v1/commitments/{theirs.Id}/updates", new { text = "Sent it over", status = "Done" });
        await ticked.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ticked.ETag().ShouldBe("\"2\"");
        var done = await ticked.ReadJsonAsync<CommitmentView>();
        done.Status.ShouldBe(CommitmentStatus.Done);
        done.DoneOn.ShouldBe(Today);
        var entry = done.Updates.ShouldHaveSingleItem();
        (entry.Text, entry.AuthorName, entry.NewStatus).ShouldBe(("Sent it over", "Cleo Client", (CommitmentStatus?)CommitmentStatus.Done));

        var reliability = await _manager.GetJsonAsync<AccountReliability>($"/api/v1/accounts/{World.AccountA}/reliability");
        reliability.WindowDays.ShouldBe(90);
        reliability.Agency.Due.ShouldBeGreaterThanOrEqualTo(1);
        reliability.Agency.DoneOnTime.ShouldBeGreaterThanOrEqualTo(1);
        // Done today for a date due yesterday: due, and late.
        reliability.Client.Due.ShouldBeGreaterThanOrEqualTo(1);
        reliability.Client.Percent.ShouldNotBeNull();
        using var clientReliability = await _clientA.GetAsync($"/api/v1/accounts/{World.AccountA}/reliability");
        await clientReliability.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class MeetingsApiTestsOnSqlite(SqliteApp app) : MeetingsApiTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingsApiTestsOnPostgres(PostgresApp app) : MeetingsApiTests(app), IClassFixture<PostgresApp>;
