using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Core.Tests.Fixtures;

namespace Liaison.Core.Tests.Communications;

public sealed class ReplyQueueServiceTests : DatabaseTest
{
    // The fake clock starts on Monday 2 March 2026 at 09:00 UTC; the default policy is Mon–Fri 09:00–17:00 UTC.
    private static readonly DateTimeOffset Monday9 = FakeClock.DefaultStart;

    [Fact]
    public async Task TheQueueIsOrderedByDeadlineWithBusinessTimeLeftAndBreaches()
    {
        var agency = await SeedAgencyAsync();
        var low = await QueryAsync(agency, "Low", QueryPriority.Low, Monday9);
        var urgent = await QueryAsync(agency, "Urgent", QueryPriority.Urgent, Monday9);
        var normal = await QueryAsync(agency, "Normal", QueryPriority.Normal, Monday9);
        var answered = await QueryAsync(agency, "Answered", QueryPriority.Urgent, Monday9);
        await ReplyAsync(agency, answered, Monday9);

        // Monday 12:00: urgent (due 11:00) is an hour late; normal has 5 business hours left.
        Clock.Advance(TimeSpan.FromHours(3));
        var queue = await Replies.AwaitingAsync(agency.Manager, new AwaitingReplyQuery(agency.Harbour), Ct);

        queue.Value.Items.Select(q => q.Id).ShouldBe([urgent, normal, low]);
        queue.Value.Items[0].IsBreached.ShouldBeTrue();
        queue.Value.Items[0].BusinessMinutesLeft.ShouldBe(-60);
        queue.Value.Items[1].BusinessMinutesLeft.ShouldBe(5 * 60);
        queue.Value.Items[1].IsBreached.ShouldBeFalse();
        queue.Value.Items[2].BusinessMinutesLeft.ShouldBe(13 * 60);
    }

    [Fact]
    public async Task OvernightTheClockStops()
    {
        var agency = await SeedAgencyAsync();
        var query = await QueryAsync(agency, "Evening", QueryPriority.High, Monday9.AddHours(7));

        // Received Monday 16:00 with 4 business hours: 1 on Monday, 3 on Tuesday → due Tuesday 12:00.
        // At Tuesday 08:00 nothing has run overnight: 3 hours are still left.
        Clock.Advance(TimeSpan.FromHours(16));
        var queue = await Replies.AwaitingAsync(agency.Manager, new AwaitingReplyQuery(), Ct);

        var item = queue.Value.Items.Single(q => q.Id == query);
        item.SlaDueAt.ShouldBe(new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc));
        item.BusinessMinutesLeft.ShouldBe(3 * 60);
    }

    [Fact]
    public async Task MineIsTheCallersOwnQueries()
    {
        var agency = await SeedAgencyAsync();
        var forManager = await QueryAsync(agency, "For Jonas", QueryPriority.Normal, Monday9);
        var forPm = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "For Mateo", IsQuery = true, AssigneeStaffId = agency.ProjectManager.StaffId,
        }, Ct);

        var mine = await Replies.AwaitingAsync(agency.ProjectManager, new AwaitingReplyQuery(Mine: true), Ct);
        var clients = await Replies.AwaitingAsync(agency.Client, new AwaitingReplyQuery(), Ct);

        mine.Value.Items.Select(q => q.Id).ShouldBe([forPm.Value.Id]);
        mine.Value.Items.ShouldNotContain(q => q.Id == forManager);
        clients.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task ReplyTimesAreTheMedianAndNinetiethPercentileInBusinessMinutes()
    {
        var agency = await SeedAgencyAsync();
        // Replies after 60, 120, 180 and 600 business minutes (the last runs into Tuesday).
        foreach (var minutes in new[] { 60, 120, 180, 600 })
        {
            var query = await QueryAsync(agency, $"After {minutes}", QueryPriority.Normal, Monday9);
            var at = minutes <= 480 ? Monday9.AddMinutes(minutes) : Monday9.AddDays(1).AddMinutes(minutes - 480);
            await ReplyAsync(agency, query, at);
        }

        await QueryAsync(agency, "Still open", QueryPriority.Urgent, Monday9);
        await QueryAsync(agency, "Too old", QueryPriority.Normal, Monday9.AddDays(-100));
        Clock.Advance(TimeSpan.FromDays(2));

        var figures = (await Replies.ForAccountAsync(agency.Manager, agency.Harbour, null, Ct)).Value.Figures;
        var byManager = (await Replies.ByAccountManagerAsync(agency.Admin, null, Ct)).Value;

        figures.Received.ShouldBe(5);
        figures.Replied.ShouldBe(4);
        figures.RepliedLate.ShouldBe(1, "600 minutes is past the 480-minute normal reply time");
        figures.OpenBreached.ShouldBe(1);
        figures.MedianMinutes.ShouldBe(150);
        // Rank 0.9 × 3 = 2.7: 180 + 0.7 × (600 − 180).
        figures.P90Minutes.ShouldBe(474);
        var jonas = byManager.Managers.Single(m => m.AccountManagerId == agency.Manager.StaffId);
        jonas.Figures.ShouldBe(figures);
        byManager.Managers.Single(m => m.AccountManagerId is null).Figures.Received.ShouldBe(0);
        (await Replies.ForAccountAsync(agency.Manager, agency.Harbour, 0, Ct)).Error!.Fields!.Keys.ShouldBe(["days"]);
    }

    private async Task<Guid> QueryAsync(Agency agency, string subject, QueryPriority priority, DateTimeOffset at)
    {
        MoveClockTo(at);
        var result = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = subject, IsQuery = true, Priority = priority, OccurredAt = at,
        }, Ct);
        return result.Value.Id;
    }

    private async Task ReplyAsync(Agency agency, Guid queryId, DateTimeOffset at)
    {
        MoveClockTo(at);
        var result = await Interactions.CreateAsync(agency.Manager, new NewInteractionInput
        {
            AccountId = agency.Harbour, Subject = "Re", Direction = InteractionDirection.Outbound, InReplyToId = queryId, OccurredAt = at,
        }, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? "" : result.Error.Message);
    }

    /// <summary>Nothing is logged ahead of the clock, so a test that logs at a later time first lets that time come.</summary>
    private void MoveClockTo(DateTimeOffset at)
    {
        var now = Clock.GetUtcNow();
        if (at > now)
        {
            Clock.Advance(at - now);
        }
    }
}
