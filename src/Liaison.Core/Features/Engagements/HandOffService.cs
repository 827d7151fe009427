using System.ComponentModel.DataAnnotations;
using System.Text;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Engagements;

public sealed record AcknowledgeInput(List<string>? Questions);

public sealed record AnswerInput([property: Required(ErrorMessage = "Write an answer.")] [property: StringLength(4000)] string Answer);

/// <summary>
/// The hand-off from the account manager to the project manager: a brief generated from the
/// initiation, acknowledged by the PM (with questions the AM answers) before delivery may start.
/// </summary>
public sealed class HandOffService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public async Task<Result<EngagementView>> SendAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var e = await EngagementService.LoadAsync(db, user, id, ct, track: true);
        if (e is null || user.IsClient)
        {
            return Error.NotFound("The engagement");
        }

        if (!CanSend(user, e.AccountManagerId))
        {
            return Error.Forbidden("The engagement's account manager sends the hand-off brief.");
        }

        if (expectedVersion is { } version && e.Version != version)
        {
            return Error.Stale("The engagement");
        }

        if (e.Status != EngagementStatus.Draft)
        {
            return Error.Conflict($"The hand-off brief is sent once, from a draft; this engagement is {EngagementService.Labels(e.Status)}.");
        }

        if (Missing(e) is { Count: > 0 } missing)
        {
            return Error.Invalid(missing);
        }

        e.HandOff = new HandOff
        {
            Brief = await BriefAsync(db, e, ct),
            SentAt = clock.UtcNowStorable(),
            SentBy = user.StaffId,
        };
        e.Status = EngagementStatus.HandOff;
        return await db.TrySaveAsync("The engagement", ct) is { } stale ? stale : await EngagementService.ToViewAsync(db, e, ct);
    }

    /// <summary>Admins, or the account manager who runs the engagement (any account manager while none is named).</summary>
    public static bool CanSend(CurrentUser user, Guid? engagementAccountManagerId) =>
        user.IsAdmin || (user.Role == Role.AccountManager && (engagementAccountManagerId == user.StaffId || engagementAccountManagerId is null));

    /// <summary>The brief as it would be sent now, for the wizard's review step; sending still checks what is missing.</summary>
    public async Task<Result<string>> PreviewAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var e = await EngagementService.LoadAsync(db, user, id, ct);
        if (e is null || user.IsClient)
        {
            return Error.NotFound("The engagement");
        }

        return EngagementAccess.CanManage(user) ? await BriefAsync(db, e, ct) : Error.Forbidden("Only the people who run the engagement see its brief before it is sent.");
    }

    public async Task<Result<EngagementView>> AcknowledgeAsync(CurrentUser user, Guid id, long? expectedVersion, AcknowledgeInput input, CancellationToken ct)
    {
        var questions = (input.Questions ?? []).Select(Text.Clean).OfType<string>().ToList();
        if (questions.Count > 20 || questions.Any(q => q.Length > 2000))
        {
            return Error.Invalid("questions", "Ask at most 20 questions of up to 2,000 characters each.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        var e = await EngagementService.LoadAsync(db, user, id, ct, track: true);
        if (e is null || user.IsClient)
        {
            return Error.NotFound("The engagement");
        }

        if (user.StaffId is null || e.ProjectManagerId != user.StaffId)
        {
            return Error.Forbidden("Only the engagement's project manager acknowledges the hand-off.");
        }

        if (expectedVersion is { } version && e.Version != version)
        {
            return Error.Stale("The engagement");
        }

        if (e.Status != EngagementStatus.HandOff || e.HandOff.AcknowledgedAt is not null)
        {
            return Error.Conflict("There is no hand-off waiting for acknowledgement.");
        }

        var now = clock.UtcNowStorable();
        e.HandOff.AcknowledgedAt = now;
        e.HandOff.AcknowledgedBy = user.StaffId;
        db.HandOffQuestions.AddRange(questions.Select(q => new HandOffQuestion
        {
            EngagementId = e.Id, Question = q, AskedBy = user.StaffId.Value, AskedAt = now,
        }));
        return await db.TrySaveAsync("The engagement", ct) is { } stale ? stale : await EngagementService.ToViewAsync(db, e, ct);
    }

    public async Task<Result<EngagementView>> AnswerAsync(CurrentUser user, Guid id, Guid questionId, AnswerInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var e = await EngagementService.LoadAsync(db, user, id, ct);
        var question = e is null || user.IsClient
            ? null
            : await db.HandOffQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.EngagementId == id, ct);
        if (e is null || question is null)
        {
            return Error.NotFound("The question");
        }

        if (!(user.IsAdmin || (user.StaffId is { } me && e.AccountManagerId == me)))
        {
            return Error.Forbidden("The engagement's account manager answers the hand-off questions.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        question.Answer = input.Answer.Trim();
        question.AnsweredBy = user.StaffId;
        question.AnsweredAt = clock.UtcNowStorable();
        await db.SaveChangesAsync(ct);
        return await EngagementService.ToViewAsync(db, e, ct);
    }

    /// <summary>What the brief cannot do without, by field, in the words the wizard uses.</summary>
    private static Dictionary<string, string[]> Missing(Engagement e)
    {
        var missing = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
            {
                missing[field] = [message];
            }
        }

        Need(e.ClientNeeds is not null, "clientNeeds", "Describe what the client needs.");
        Need(e.Goals.Count > 0, "goals", "List at least one goal.");
        Need(e.Deliverables.Count > 0, "deliverables", "List at least one deliverable.");
        Need(e.ProjectManagerId is not null, "projectManagerId", "Choose the project manager who receives the hand-off.");
        Need(e.StartDate is not null && e.EndDate is not null, "endDate", "Set the start and end dates.");
        Need(e.Type switch
        {
            EngagementType.FixedFee => e.Budget.FixedFee > 0,
            EngagementType.Retainer => e.Budget.RetainerMinutesPerPeriod > 0 && e.Budget.RetainerFeePerPeriod > 0,
            _ => true,
        }, "budget", "Set the budget.");
        return missing;
    }

    /// <summary>"100" for whole hours, "12:30" otherwise: how people write budgets.</summary>
    private static string HoursOf(long minutes) => minutes % 60 == 0 ? (minutes / 60).ToString(System.Globalization.CultureInfo.InvariantCulture) : Money.Hours(minutes);

    private static async Task<string> BriefAsync(LiaisonDb db, Engagement e, CancellationToken ct)
    {
        var ids = e.Members.Select(m => m.StaffId).Concat(new[] { e.AccountManagerId, e.ProjectManagerId }.OfType<Guid>()).ToList();
        var names = await db.Staff.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var account = await db.Accounts.Where(a => a.Id == e.AccountId).Select(a => a.Name).FirstAsync(ct);
        var brief = new StringBuilder();
        brief.AppendLine($"# Hand-off: {e.Name} ({account})").AppendLine();
        brief.AppendLine($"{e.Type} · {e.Methodology} · {e.StartDate:yyyy-MM-dd} to {e.EndDate:yyyy-MM-dd} · reports {e.ReportCadence}").AppendLine();
        brief.AppendLine("## Client needs").AppendLine(e.ClientNeeds).AppendLine();
        brief.AppendLine("## Goals");
        e.Goals.ForEach(g => brief.AppendLine($"- {g}"));
        brief.AppendLine().AppendLine("## Deliverables");
        foreach (var d in e.Deliverables.OrderBy(d => d.Position))
        {
            brief.AppendLine($"- {d.Title}{(d.DueDate is { } due ? $" (due {due:yyyy-MM-dd})" : "")}");
        }

        brief.AppendLine().AppendLine("## Budget").AppendLine(e.Type switch
        {
            EngagementType.FixedFee => $"Fixed fee of {Money.Format(e.Budget.FixedFee ?? 0)}, recognised by {e.Budget.Recognition}.",
            EngagementType.Retainer => $"Retainer: {HoursOf(e.Budget.RetainerMinutesPerPeriod ?? 0)} hours and {Money.Format(e.Budget.RetainerFeePerPeriod ?? 0)} per {e.Budget.RetainerPeriod.ToString().ToLowerInvariant()} period; rollover {e.Budget.RolloverPercent}%.",
            _ => e.Budget.HoursCapMinutes is { } cap ? $"Time and materials, capped at {HoursOf(cap)} hours." : "Time and materials, no cap.",
        }).AppendLine();
        brief.AppendLine("## Roles");
        brief.AppendLine($"- Account manager: {(e.AccountManagerId is { } am ? names.GetValueOrDefault(am) : "—")}");
        brief.AppendLine($"- Project manager: {(e.ProjectManagerId is { } pm ? names.GetValueOrDefault(pm) : "—")}");
        foreach (var m in e.Members)
        {
            brief.AppendLine($"- {m.Role}: {names.GetValueOrDefault(m.StaffId)}");
        }

        brief.AppendLine().AppendLine("## Client expectations").AppendLine(e.ClientExpectations ?? "None recorded.").AppendLine();
        brief.AppendLine("## Risks known so far").AppendLine(e.KnownRisks ?? "None recorded.");
        return brief.ToString();
    }
}
