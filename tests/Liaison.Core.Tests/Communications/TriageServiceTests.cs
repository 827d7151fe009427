using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Core.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Tests.Communications;

public sealed class TriageServiceTests : DatabaseTest
{
    [Fact]
    public async Task FilingMakesAnInboundEmailQueryOfTheAccountOnce()
    {
        var agency = await SeedAgencyAsync();
        var grace = await AddStakeholderAsync(agency.Harbour, "Grace Moreau");
        var message = await AddTriageMessageAsync("New timetable?", FakeClock.DefaultStart.UtcDateTime);

        var filed = await Triage.FileAsync(agency.Manager, message, new FileTriageInput { AccountId = agency.Harbour, StakeholderIds = [grace] }, Ct);
        var again = await Triage.FileAsync(agency.Manager, message, new FileTriageInput { AccountId = agency.Harbour }, Ct);
        var dismissed = await Triage.DismissAsync(agency.Manager, message, Ct);

        filed.Value.Status.ShouldBe(TriageStatus.Filed);
        var interaction = await Interactions.GetAsync(agency.Manager, filed.Value.InteractionId!.Value, Ct);
        interaction.Value.Source.ShouldBe(InteractionSource.InboundEmail);
        interaction.Value.Subject.ShouldBe("New timetable?");
        interaction.Value.IsQuery.ShouldBeTrue();
        interaction.Value.SlaDueAt.ShouldBe(new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc));
        interaction.Value.Assignee!.Id.ShouldBe(agency.Manager.StaffId!.Value);
        interaction.Value.MessageId.ShouldBe(filed.Value.MessageId);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        dismissed.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await Triage.ListAsync(agency.Manager, new TriageListQuery(), Ct)).Value.Items.ShouldBeEmpty();
        await using var db = Database.CreateDbContext();
        (await db.Stakeholders.SingleAsync(s => s.Id == grace, Ct)).LastTouchAt.ShouldBe(FakeClock.DefaultStart.UtcDateTime);
    }

    [Fact]
    public async Task OnlyAdminsAndAccountManagersTriageAndOnlyIntoTheirAccounts()
    {
        var agency = await SeedAgencyAsync();
        var message = await AddTriageMessageAsync("Hello?", FakeClock.DefaultStart.UtcDateTime.AddHours(-1));

        (await Triage.ListAsync(agency.ProjectManager, new TriageListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Triage.ListAsync(agency.Client, new TriageListQuery(), Ct)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Triage.GetAsync(agency.OffTeam, message, Ct)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        var elsewhere = await Triage.FileAsync(agency.Manager, message, new FileTriageInput { AccountId = agency.Verdant }, Ct);
        elsewhere.Error!.Fields!.Keys.ShouldBe(["accountId"]);
        var dismissed = await Triage.DismissAsync(agency.Manager, message, Ct);
        dismissed.Value.Status.ShouldBe(TriageStatus.Dismissed);
        (await Triage.ListAsync(agency.Admin, new TriageListQuery(TriageStatus.Dismissed), Ct)).Value.Items.Select(m => m.Id).ShouldBe([message]);
    }

    private async Task<Guid> AddTriageMessageAsync(string subject, DateTime sentAt)
    {
        var message = new TriageMessage
        {
            MessageId = $"{Guid.NewGuid():N}@mail.example", FromAddress = "someone@unknown.example", Subject = subject, Body = "Hi", SentAt = sentAt,
        };
        await using var db = Database.CreateDbContext();
        db.TriageMessages.Add(message);
        await db.SaveChangesAsync(Ct);
        return message.Id;
    }
}
