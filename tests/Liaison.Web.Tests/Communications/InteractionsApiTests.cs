using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Stakeholders;
using Liaison.Web.Tests.Infrastructure;

namespace Liaison.Web.Tests.Communications;

/// <summary>Interactions, queries and the response SLA through the API, on both databases.</summary>
public abstract class InteractionsApiTests(AppFactory app)
{
    // A Monday in the past: with the default policy (Mon–Fri 09:00–17:00 UTC) a normal query
    // received at 09:00 is due at 17:00 the same day.
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);

    private World World => app.World;

    [Fact]
    public async Task AQueryGetsItsDeadlineAndAReplyClosesItAsync()
    {
        var (accountId, stakeholder) = await NewAccountAsync("Query Quarry");
        using var created = await _admin.PostAsync("/api/v1/interactions", new
        {
            accountId, subject = "Where is the timetable?", channel = "Email", direction = "Inbound", isQuery = true, priority = "Normal",
            occurredAt = Monday9, stakeholderIds = new[] { stakeholder }, summary = "Asked twice already.",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var query = await created.ReadJsonAsync<InteractionView>();
        query.SlaDueAt.ShouldBe(new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc));
        query.IsBreached.ShouldBeTrue("nobody replied by that Monday evening");
        query.Stakeholders.Single().Name.ShouldBe("Petra Query");

        var waiting = await _admin.GetJsonAsync<Page<AwaitingReply>>($"/api/v1/queries/awaiting-reply?accountId={accountId}");
        var item = waiting.Items.ShouldHaveSingleItem();
        item.Id.ShouldBe(query.Id);
        item.IsBreached.ShouldBeTrue();
        item.BusinessMinutesLeft.ShouldBeLessThan(0);

        using var reply = await _admin.PostAsync("/api/v1/interactions", new
        {
            accountId, subject = "Re: Where is the timetable?", direction = "Outbound", inReplyToId = query.Id,
            occurredAt = Monday9.AddDays(1).AddHours(1),
        });
        await reply.ShouldHaveStatusAsync(HttpStatusCode.Created);
        using var twice = await _admin.PostAsync("/api/v1/interactions", new
        {
            accountId, subject = "Re: again", direction = "Outbound", inReplyToId = query.Id, occurredAt = Monday9.AddDays(2),
        });
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var answered = await _admin.GetJsonAsync<InteractionView>($"/api/v1/interactions/{query.Id}");
        answered.ReplyBusinessMinutes.ShouldBe(9 * 60);
        answered.RepliedAt.ShouldBe(new DateTime(2026, 3, 3, 10, 0, 0, DateTimeKind.Utc));
        (await _admin.GetJsonAsync<Page<AwaitingReply>>($"/api/v1/queries/awaiting-reply?accountId={accountId}")).Items.ShouldBeEmpty();

        var times = await _admin.GetJsonAsync<AccountReplyTimes>($"/api/v1/accounts/{accountId}/reply-times?days=366");
        times.Figures.ShouldBe(new ReplyTimeFigures(Received: 1, Replied: 1, RepliedLate: 1, Open: 0, OpenBreached: 0, MedianMinutes: 540, P90Minutes: 540));
        var coverage = await _admin.GetJsonAsync<StakeholderCoverage>($"/api/v1/accounts/{accountId}/stakeholder-coverage?days=366");
        coverage.Stakeholders.Single().LastTouchAt.ShouldBe(Monday9.UtcDateTime);

        using var badWindow = await _admin.GetAsync($"/api/v1/accounts/{accountId}/reply-times?days=0");
        (await badWindow.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("days").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TheLogIsEditedWithETagsAndFilteredAsync()
    {
        using var created = await _member.PostAsync("/api/v1/interactions", new
        {
            accountId = World.AccountA, subject = "Quick call about the launch", channel = "Phone", direction = "Outbound",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var call = await created.ReadJsonAsync<InteractionView>();
        call.LoggedByName.ShouldNotBeNullOrEmpty();

        var edit = new { subject = "Call about the launch date", channel = "Phone", direction = "Outbound", summary = "They want May." };
        using var noIfMatch = await _member.PutAsync($"/api/v1/interactions/{call.Id}", edit);
        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var edited = await _member.PutAsync($"/api/v1/interactions/{call.Id}", edit, ifMatch: created.ETag());
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var stale = await _manager.PutAsync($"/api/v1/interactions/{call.Id}", edit, ifMatch: created.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var phones = await _manager.GetJsonAsync<Page<InteractionSummary>>($"/api/v1/interactions?accountId={World.AccountA}&channel=Phone");
        phones.Items.ShouldContain(i => i.Id == call.Id && i.Subject == "Call about the launch date");
        phones.Items.ShouldAllBe(i => i.Channel == InteractionChannel.Phone);
        var queries = await _manager.GetJsonAsync<Page<InteractionSummary>>($"/api/v1/interactions?accountId={World.AccountA}&queriesOnly=true");
        queries.Items.ShouldNotContain(i => i.Id == call.Id);
        queries.Items.ShouldContain(i => i.Id == World.InteractionA);

        using var deleted = await _member.DeleteAsync($"/api/v1/interactions/{call.Id}", ifMatch: edited.ETag());
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var gone = await _member.GetAsync($"/api/v1/interactions/{call.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInteractionsAreFieldErrorsAsync()
    {
        using var future = await _manager.PostAsync("/api/v1/interactions", new
        {
            accountId = World.AccountA, subject = "From tomorrow", occurredAt = TimeProvider.System.GetUtcNow().AddDays(1),
        });
        (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("occurredAt").ShouldNotBeEmpty();

        using var outboundQuery = await _manager.PostAsync("/api/v1/interactions", new
        {
            accountId = World.AccountA, subject = "We asked", direction = "Outbound", isQuery = true,
        });
        (await outboundQuery.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("isQuery").ShouldNotBeEmpty();

        using var foreignPerson = await _admin.PostAsync("/api/v1/interactions", new
        {
            accountId = World.AccountA, subject = "Wrong person", stakeholderIds = new[] { World.StakeholderB },
        });
        (await foreignPerson.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("stakeholderIds").ShouldNotBeEmpty();

        using var noSubject = await _manager.PostAsync("/api/v1/interactions", new { accountId = World.AccountA, subject = "" });
        (await noSubject.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("subject").ShouldNotBeEmpty();

        using var badChannel = await _manager.PostAsync("/api/v1/interactions", new { accountId = World.AccountA, subject = "Pigeon", channel = "Pigeon" });
        await badChannel.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnAccountsSlaPolicyIsValidatedAndSetsLaterDeadlinesAsync()
    {
        var (accountId, _) = await NewAccountAsync("Policy Ports");
        using var defaults = await _admin.GetAsync($"/api/v1/accounts/{accountId}/sla-policy");
        await defaults.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var before = await defaults.ReadJsonAsync<SlaPolicyView>();
        before.IsDefault.ShouldBeTrue();
        before.NormalMinutes.ShouldBe(480);

        using var invalid = await _admin.PutAsync($"/api/v1/accounts/{accountId}/sla-policy", new
        {
            timeZoneId = "Mars/Olympus_Mons", workingDays = Array.Empty<string>(), dayStart = "18:00", dayEnd = "09:00", urgentMinutes = 600, highMinutes = 60,
        });
        var problem = await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("urgentMinutes").ShouldNotBeEmpty();

        using var badZone = await _admin.PutAsync($"/api/v1/accounts/{accountId}/sla-policy", new
        {
            timeZoneId = "Mars/Olympus_Mons", workingDays = Array.Empty<string>(), dayStart = "18:00", dayEnd = "09:00",
        });
        var zoneProblem = await badZone.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        zoneProblem.FieldErrors("timeZoneId").ShouldNotBeEmpty();
        zoneProblem.FieldErrors("workingDays").ShouldNotBeEmpty();
        zoneProblem.FieldErrors("dayEnd").ShouldNotBeEmpty();

        using var set = await _admin.PutAsync($"/api/v1/accounts/{accountId}/sla-policy", new
        {
            timeZoneId = "America/New_York", workingDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" },
            dayStart = "09:00", dayEnd = "17:00", holidays = new[] { "2026-03-02" },
            urgentMinutes = 60, highMinutes = 120, normalMinutes = 240, lowMinutes = 480,
        }, ifMatch: defaults.ETag());
        await set.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await set.ReadJsonAsync<SlaPolicyView>()).IsDefault.ShouldBeFalse();
        using var stale = await _admin.PutAsync($"/api/v1/accounts/{accountId}/sla-policy", new { timeZoneId = "UTC" }, ifMatch: defaults.ETag());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        // Monday 2 March is a holiday there; Tuesday opens at 09:00 EST (14:00 UTC), normal = 4 hours.
        using var created = await _admin.PostAsync("/api/v1/interactions", new { accountId, subject = "Holiday mail", isQuery = true, occurredAt = Monday9 });
        (await created.ReadJsonAsync<InteractionView>()).SlaDueAt.ShouldBe(new DateTime(2026, 3, 3, 18, 0, 0, DateTimeKind.Utc));
    }

    private async Task<(Guid Account, Guid Stakeholder)> NewAccountAsync(string name)
    {
        using var account = await _admin.PostAsync("/api/v1/accounts", new { name = $"{name} {Guid.NewGuid():N}"[..30] });
        var accountId = (await account.ReadJsonAsync<AccountDetails>()).Id;
        using var person = await _admin.PostAsync($"/api/v1/accounts/{accountId}/stakeholders", new { fullName = "Petra Query", influence = 5 });
        return (accountId, (await person.ReadJsonAsync<StakeholderView>()).Id);
    }
}

public sealed class InteractionsApiTestsOnSqlite(SqliteApp app) : InteractionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class InteractionsApiTestsOnPostgres(PostgresApp app) : InteractionsApiTests(app), IClassFixture<PostgresApp>;
