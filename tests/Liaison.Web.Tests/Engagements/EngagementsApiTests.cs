using System.Net;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Time;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Tests.Engagements;

/// <summary>An engagement from initiation to money through the API: budget, hand-off, time, profitability.</summary>
public abstract class EngagementsApiTests(AppFactory app)
{
    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);
    private readonly ApiClient _manager = app.ClientFor(Principal.ManagerOnTeam);
    private readonly ApiClient _member = app.ClientFor(Principal.TeamMemberOnTeam);

    private World World => app.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEngagementGoesFromInitiationToDeliveryAndItsTimeShowsInTheMoneyAsync()
    {
        var member = World.Person(Principal.TeamMemberOnTeam).StaffId!.Value;
        var manager = World.Person(Principal.ManagerOnTeam).StaffId!.Value;
        using var rate = await _admin.PostAsync($"/api/v1/staff/{member}/rates", new { effectiveFrom = "2025-01-01", costRate = 5000, billRate = 12000 });
        await rate.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var created = await _manager.PostAsync("/api/v1/engagements", new
        {
            accountId = World.AccountA,
            name = "Website relaunch",
            type = "FixedFee",
            methodology = "Agile",
            clientNeeds = "A site that sells.",
            goals = new[] { "Double online bookings" },
            deliverables = new[] { new { title = "New home page", dueDate = "2026-05-31" } },
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            projectManagerId = manager,
            members = new[] { new { staffId = member, role = "Designer" } },
            reportCadence = "BiWeekly",
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var engagement = await created.ReadJsonAsync<EngagementView>();
        engagement.Status.ShouldBe(EngagementStatus.Draft);
        engagement.Members.Single().FullName.ShouldBe("Tara Teammember");

        using var noBudget = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/hand-off");
        (await noBudget.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("budget").ShouldNotBeEmpty();

        using var budget = await _manager.PutAsync($"/api/v1/engagements/{engagement.Id}/budget",
            new { fixedFee = 1_000_000, recognition = "PercentComplete" }, ifMatch: created.ETag());
        await budget.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var sent = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/hand-off");
        await sent.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await sent.ReadJsonAsync<EngagementView>()).HandOff.Brief!.ShouldContain("Fixed fee of 10,000.00");

        using var early = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/status", new { status = "InDelivery" });
        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("acknowledged");

        using var acknowledged = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/hand-off/acknowledge", new { questions = Array.Empty<string>() });
        await acknowledged.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var delivering = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/status", new { status = "InDelivery" });
        await delivering.ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var week = await _member.PutAsync("/api/v1/time-entries/week", new
        {
            weekStart = "2026-03-02",
            rows = new[] { new { engagementId = engagement.Id, billable = true, minutes = new[] { 480, 480, 240, 0, 0, 0, 0 } } },
        });
        await week.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await week.ReadJsonAsync<WeekView>()).Rows.Single().Minutes.Sum().ShouldBe(1200);

        using var progress = await _manager.PostAsync($"/api/v1/engagements/{engagement.Id}/progress", new { percent = 25, on = "2026-03-31" });
        await progress.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var money = await _manager.GetJsonAsync<EngagementProfitability>(
            $"/api/v1/engagements/{engagement.Id}/profitability?from=2026-03-01&to=2026-03-31");
        money.Minutes.ShouldBe(1200);
        money.Revenue.ShouldBe(250_000);
        money.Cost.ShouldBe(20 * 5000);
        money.Margin.ShouldBe(150_000);
        money.MarginPercent.ShouldBe(60m);
        money.Burn!.Used.ShouldBe(20 * 12000);
        money.Burn.BurnPercent.ShouldBe(24m);

        var account = await _manager.GetJsonAsync<AccountProfitability>($"/api/v1/accounts/{World.AccountA}/profitability?from=2026-03-01&to=2026-03-31");
        account.Engagements.ShouldContain(e => e.EngagementId == engagement.Id && e.Revenue == 250_000);
        account.Revenue.ShouldBe(account.Engagements.Sum(e => e.Revenue));
    }

    [Fact]
    public async Task BadInputIsAFieldErrorNotAFailureAsync()
    {
        using var dates = await _manager.PostAsync("/api/v1/engagements", new { accountId = World.AccountA, name = "Backwards", startDate = "2026-05-01", endDate = "2026-04-01" });
        (await dates.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("endDate").ShouldNotBeEmpty();

        using var noName = await _manager.PostAsync("/api/v1/engagements", new { accountId = World.AccountA, name = "" });
        (await noName.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("name").ShouldNotBeEmpty();

        using var zero = await _member.PostAsync("/api/v1/time-entries", new { engagementId = World.EngagementA, date = "2026-03-03", minutes = 0 });
        (await zero.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("minutes").ShouldNotBeEmpty();

        using var tuesday = await _member.PutAsync("/api/v1/time-entries/week", new { weekStart = "2026-03-03", rows = Array.Empty<object>() });
        (await tuesday.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("weekStart").ShouldNotBeEmpty();

        using var rollover = await _manager.PutAsync($"/api/v1/engagements/{World.EngagementA}/budget", new { rolloverPercent = 150 }, ifMatch: "*");
        (await rollover.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("rolloverPercent").ShouldNotBeEmpty();

        using var range = await _manager.GetAsync($"/api/v1/accounts/{World.AccountA}/profitability?from=2026-05-01&to=2026-01-01");
        (await range.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("to").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ALockedMonthAnswersConflictWithTheReasonAsync()
    {
        using var entry = await _member.PostAsync("/api/v1/time-entries", new { engagementId = World.EngagementA, date = "2026-02-03", minutes = 60 });
        await entry.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var id = (await entry.ReadJsonAsync<TimeEntryView>()).Id;
        using var locked = await _admin.PostAsync("/api/v1/time-locks", new { month = "2026-02-01" });
        await locked.ShouldHaveStatusAsync(HttpStatusCode.Created);

        using var update = await _member.PutAsync($"/api/v1/time-entries/{id}",
            new { engagementId = World.EngagementA, date = "2026-02-03", minutes = 90 }, ifMatch: entry.ETag());
        var problem = await update.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("February 2026 is locked");

        using var unlocked = await _admin.DeleteAsync("/api/v1/time-locks/2026-02-01");
        await unlocked.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        using var retried = await _member.PutAsync($"/api/v1/time-entries/{id}",
            new { engagementId = World.EngagementA, date = "2026-02-03", minutes = 90 }, ifMatch: entry.ETag());
        await retried.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConcurrentEntriesInOneCellAllReachTheRollupAsync()
    {
        var day = new DateOnly(2026, 7, 14);
        var posts = Enumerable.Range(0, 12).Select(_ => _member.PostAsync("/api/v1/time-entries",
            new { engagementId = World.EngagementA, date = day, minutes = 10 })).ToList();
        foreach (var response in await Task.WhenAll(posts))
        {
            using (response)
            {
                await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
            }
        }

        await using var db = await app.OpenDbAsync();
        var month = new DateOnly(2026, 7, 1);
        var entries = await db.TimeEntries.Where(t => t.EngagementId == World.EngagementA && t.Date >= month && t.Date < month.AddMonths(1))
            .SumAsync(t => t.Minutes, Ct);
        var rolled = await db.TimeRollups.Where(r => r.EngagementId == World.EngagementA && r.Month == month).SumAsync(r => r.Minutes, Ct);
        rolled.ShouldBe(entries);
        entries.ShouldBe(120);
    }
}

public sealed class EngagementsApiTestsOnSqlite(SqliteApp app) : EngagementsApiTests(app), IClassFixture<SqliteApp>;

public sealed class EngagementsApiTestsOnPostgres(PostgresApp app) : EngagementsApiTests(app), IClassFixture<PostgresApp>;
