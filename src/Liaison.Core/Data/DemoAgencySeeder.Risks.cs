using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Data;

/// <summary>
/// The demo agency's risk registers: Harbourline's campaign with a risk being mitigated, one overdue for
/// review and one an issue realised, an escalated risk to the relationship, and Alder &amp; Finch's budget risk.
/// </summary>
public sealed partial class DemoAgencySeeder
{
    private static async Task SeedRisksAsync(LiaisonDb db, List<StaffMember> staff, List<Account> accounts, DateOnly today, DateTime now, CancellationToken ct)
    {
        var harbour = accounts[0];
        var alder = accounts[2];
        var campaign = await db.Engagements.Where(e => e.AccountId == harbour.Id && e.Name == "Summer timetable campaign").Select(e => e.Id).FirstAsync(ct);
        var (agencyLead, jonas, clara, mateo) = (staff[0], staff[1], staff[2], staff[3]);

        static Risk New(Guid accountId, Guid? engagementId, RiskKind kind, string title, int probability, int impact, StaffMember owner) => new()
        {
            AccountId = accountId, EngagementId = engagementId, Kind = kind, Title = title, Probability = probability, Impact = impact,
            Score = RiskRules.Score(probability, impact), OwnerStaffId = owner.Id,
        };

        var lateData = New(harbour.Id, campaign, RiskKind.Risk, "Timetable data arrives late from operations", 4, 4, mateo);
        lateData.Status = RiskStatus.Mitigating;
        lateData.Description = "The summer timetable is signed off by the operations team later every year.";
        lateData.Mitigation = "A weekly data handover with the operations team, starting eight weeks before print.";
        lateData.Contingency = "Launch with the spring timetable and update the pages in week two.";
        lateData.NextReviewDate = today.AddDays(7);
        lateData.LastReviewedOn = today.AddDays(-7);
        lateData.LastReviewedBy = mateo.FullName;
        lateData.ClientVisible = true;

        var refit = New(harbour.Id, campaign, RiskKind.Risk, "Print deadline clashes with the ferry refit", 2, 5, mateo);
        refit.Mitigation = "Confirm the refit dates with the fleet manager.";
        refit.NextReviewDate = today.AddDays(-3);

        var weather = New(harbour.Id, campaign, RiskKind.Risk, "Weather stops the photo shoot", 3, 3, mateo);
        weather.Status = RiskStatus.Realised;
        weather.ClosedOn = today.AddDays(-10);
        weather.Contingency = "A second shoot day is held in reserve.";
        weather.ClientVisible = true;
        var postponed = New(harbour.Id, campaign, RiskKind.Issue, "Photo shoot postponed by the storm", RiskRules.Certain, 3, mateo);
        postponed.RealisedRiskId = weather.Id;
        postponed.Mitigation = "The reserve day is booked; the crew is confirmed.";
        postponed.NextReviewDate = today.AddDays(4);
        postponed.ClientVisible = true;

        var reorganisation = New(harbour.Id, null, RiskKind.Risk, "Our sponsor's role changes in the reorganisation", 2, 4, jonas);
        reorganisation.Mitigation = "Meet the new Head of Brand before the quarterly review.";
        reorganisation.NextReviewDate = today.AddDays(14);
        reorganisation.EscalatedToStaffId = agencyLead.Id;
        reorganisation.EscalatedTo = agencyLead.FullName;
        reorganisation.EscalatedAt = now.AddDays(-2);
        reorganisation.EscalatedByUserId = jonas.UserId;
        reorganisation.EscalatedByName = jonas.FullName;
        reorganisation.EscalationNote = "Worth a call from agency leadership to the CEO.";

        var spend = New(alder.Id, null, RiskKind.Risk, "The new CFO cuts agency spend", 4, 5, clara);
        spend.Status = RiskStatus.Mitigating;
        spend.Mitigation = "Monthly value report against the objectives they set.";
        spend.Contingency = "Offer a reduced retainer rather than lose the account.";
        spend.NextReviewDate = today.AddDays(3);

        db.Risks.AddRange(lateData, refit, weather, postponed, reorganisation, spend);
        await db.SaveChangesAsync(ct);
    }
}
