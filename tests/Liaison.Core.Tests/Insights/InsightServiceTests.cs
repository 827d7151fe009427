using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Insights;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Insights;

public sealed class InsightServiceTests : DatabaseTest
{
    [Theory]
    [InlineData("ftp://example.com/report.pdf")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task OnlyAbsoluteWebAddressesAreSources(string url)
    {
        var agency = await SeedAgencyAsync();

        var result = await Insights.CreateAsync(agency.Manager, new NewInsightInput { AccountId = agency.Harbour, Title = "Ferry demand", SourceUrl = url }, Ct);

        result.Error!.Fields!.Keys.ShouldBe(["sourceUrl"]);
    }

    [Fact]
    public async Task TheThirdShareInThirtyDaysNeedsAReasonAndTheWindowRolls()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var first = await NewInsightAsync(agency, "Fuel prices");
        var second = await NewInsightAsync(agency, "Port strikes");
        var third = await NewInsightAsync(agency, "Green shipping");

        (await Insights.ShareAsync(agency.Manager, first, null, Share(grace), Ct)).IsSuccess.ShouldBeTrue();
        Clock.Advance(TimeSpan.FromDays(10));
        (await Insights.ShareAsync(agency.Manager, second, null, Share(grace), Ct)).IsSuccess.ShouldBeTrue();
        Clock.Advance(TimeSpan.FromDays(19));
        var refused = await Insights.ShareAsync(agency.Manager, third, null, Share(grace), Ct);
        var again = await Insights.ShareAsync(agency.Manager, first, null, Share(grace), Ct);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var later = await Insights.ShareAsync(agency.Manager, third, null, Share(grace), Ct);

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Error.Message.ShouldStartWith("2 insights were already shared with Harbourline Ferries in the last 30 days (the limit is 2);");
        refused.Error.Message.ShouldContain("the next slot opens on 2026-04-01");
        refused.Error.Message.ShouldContain("overrideReason");
        again.IsSuccess.ShouldBeTrue("re-sharing an insight already in the window takes no new slot");
        later.IsSuccess.ShouldBeFalse("the first insight was shared again, so it stays in the window");
        await using var db = Database.CreateDbContext();
        (await db.InsightShares.CountAsync(s => s.InsightId == third, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ASlotOpensThirtyDaysAfterTheShareThatTookIt()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var first = await NewInsightAsync(agency, "Fuel prices");
        var second = await NewInsightAsync(agency, "Port strikes");
        var third = await NewInsightAsync(agency, "Green shipping");
        await Insights.ShareAsync(agency.Manager, first, null, Share(grace), Ct);
        Clock.Advance(TimeSpan.FromDays(10));
        await Insights.ShareAsync(agency.Manager, second, null, Share(grace), Ct);

        Clock.Advance(TimeSpan.FromDays(20) - TimeSpan.FromSeconds(1));
        var justBefore = await Insights.ShareAsync(agency.Manager, third, null, Share(grace), Ct);
        var limit = (await Insights.GetLimitAsync(agency.Manager, agency.Harbour, Ct)).Value;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var onTheDay = await Insights.ShareAsync(agency.Manager, third, null, Share(grace), Ct);

        justBefore.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        limit.ShouldBe(new InsightLimitView(agency.Harbour, null, 2, 2, FakeClock.DefaultStart.UtcDateTime.AddDays(30)));
        onTheDay.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task AnOverrideReasonSharesBeyondTheLimitAndIsStored()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        (await Insights.SetLimitAsync(agency.Manager, agency.Harbour, new InsightLimitInput { InsightsPer30Days = 1 }, Ct)).IsSuccess.ShouldBeTrue();
        var first = await NewInsightAsync(agency, "Fuel prices");
        var second = await NewInsightAsync(agency, "Port strikes");
        var within = (await Insights.ShareAsync(agency.Manager, first, null, new ShareInput { StakeholderIds = [grace], OverrideReason = "Not needed" }, Ct)).Value;

        var refused = await Insights.ShareAsync(agency.Manager, second, null, Share(grace), Ct);
        var overridden = (await Insights.ShareAsync(agency.Manager, second, null,
            new ShareInput { StakeholderIds = [grace], OverrideReason = " The strike starts Monday. " }, Ct)).Value;

        within.Share.OverrideReason.ShouldBeNull();
        refused.Error!.Message.ShouldStartWith("1 insight was already shared with Harbourline Ferries in the last 30 days (the limit is 1);");
        overridden.Share.OverrideReason.ShouldBe("The strike starts Monday.");
        overridden.Insight.SharedWith.ShouldBe([grace]);
        overridden.Insight.SharedAt.ShouldBe(FakeClock.DefaultStart.UtcDateTime);
    }

    [Fact]
    public async Task DeletingASharedInsightDoesNotReopenASlot()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var first = await NewInsightAsync(agency, "Fuel prices");
        var second = await NewInsightAsync(agency, "Port strikes");
        var third = await NewInsightAsync(agency, "Green shipping");
        await Insights.ShareAsync(agency.Manager, first, null, Share(grace), Ct);
        await Insights.ShareAsync(agency.Manager, second, null, Share(grace), Ct);

        (await Insights.DeleteAsync(agency.Manager, first, null, Ct)).IsSuccess.ShouldBeTrue();
        var refused = await Insights.ShareAsync(agency.Manager, third, null, Share(grace), Ct);

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public async Task SharesGoOnlyToStakeholdersOfTheInsightsAccount()
    {
        var agency = await SeedAgencyAsync();
        var felix = await AddStakeholderAsync(agency.Verdant, "Felix Adeyemi");
        var insight = await NewInsightAsync(agency, "Fuel prices");

        var foreign = await Insights.ShareAsync(agency.Manager, insight, null, Share(felix), Ct);
        var nobody = await Insights.ShareAsync(agency.Manager, insight, null, new ShareInput(), Ct);

        foreign.Error!.Fields!.Keys.ShouldBe(["stakeholderIds"]);
        nobody.Error!.Fields!.Keys.ShouldBe(["stakeholderIds"]);
    }

    [Fact]
    public async Task ClientsNeverReadInsightsAndOnlyAccountEditorsSetTheLimit()
    {
        var agency = await SeedAgencyAsync();
        var insight = await NewInsightAsync(agency, "Fuel prices");

        (await Insights.ListAsync(agency.Client, new InsightListQuery(agency.Harbour), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Insights.GetAsync(agency.Client, insight, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Insights.GetAsync(agency.OffTeam, insight, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Insights.GetAsync(agency.ProjectManager, insight, Ct)).IsSuccess.ShouldBeTrue();
        (await Insights.GetLimitAsync(agency.Client, agency.Harbour, Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Insights.SetLimitAsync(agency.ProjectManager, agency.Harbour, new InsightLimitInput { InsightsPer30Days = 5 }, Ct))
            .Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Insights.SetLimitAsync(agency.Manager, agency.Harbour, new InsightLimitInput { InsightsPer30Days = -1 }, Ct))
            .Error!.Fields!.Keys.ShouldBe(["insightsPer30Days"]);
        (await ReadAccountAsync(agency.Harbour)).InsightsPer30Days.ShouldBeNull();
    }

    private async Task<Guid> NewInsightAsync(Agency agency, string title) =>
        (await Insights.CreateAsync(agency.Manager, new NewInsightInput
        {
            AccountId = agency.Harbour, Title = title, SourceUrl = "https://example.com/news", Tags = ["shipping", " fuel "],
        }, Ct)).Value.Id;

    private static ShareInput Share(Guid stakeholder) => new() { StakeholderIds = [stakeholder] };
}
