using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Recommendations;

/// <summary>
/// Recommendations from draft to the client's decision, and the acceptance view that says which
/// battles are worth picking. Presenting one needs the homework done: two options at least, someone
/// consulted and a recommended option.
/// </summary>
public sealed class RecommendationService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string What = "The recommendation";

    public async Task<Result<Page<RecommendationSummary>>> ListAsync(CurrentUser user, RecommendationListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, query.AccountId, ct) is { } denied)
        {
            return denied;
        }

        var rows = db.Recommendations.AsNoTracking().VisibleTo(db, user);
        if (query.AccountId is { } accountId)
        {
            rows = rows.Where(r => r.AccountId == accountId);
        }

        if (query.Decision is { } decision)
        {
            rows = rows.Where(r => r.Decision == decision);
        }

        var page = await rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(offset).Take(limit + 1)
            .Select(r => new RecommendationSummary(r.Id, r.AccountId, r.Title, r.Importance, r.Status, r.PresentedOn, r.Decision, r.ReasonCategory, r.Version))
            .ToListAsync(ct);
        return page.ToPage(offset, limit);
    }

    public async Task<Result<RecommendationView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var recommendation = await FindAsync(db, user, id, ct);
        return recommendation is null ? Error.NotFound(What) : ToView(recommendation);
    }

    public async Task<Result<RecommendationView>> CreateAsync(CurrentUser user, NewRecommendationInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers write recommendations.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, input.AccountId, ct))
        {
            return Error.Invalid("accountId", "Choose an account you are on the team of.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (await CheckConsultedAsync(db, input, ct) is { } unknown)
        {
            return unknown;
        }

        var recommendation = new Recommendation { AccountId = input.AccountId, Title = input.Title.Trim() };
        Apply(recommendation, input);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        return ToView(recommendation);
    }

    /// <summary>Edits the content; once presented, the edit must still satisfy the presentation rule.</summary>
    public async Task<Result<RecommendationView>> UpdateAsync(
        CurrentUser user, Guid id, long? expectedVersion, RecommendationInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var recommendation = await FindAsync(db, user, id, ct);
        if (recommendation is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit recommendations.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (recommendation.Status != RecommendationStatus.Draft
            && MissingForPresentation((input.Options ?? []).Count, (input.StaffConsulted ?? []).Count, input.RecommendedOption) is { } missing)
        {
            return missing;
        }

        if (await CheckConsultedAsync(db, input, ct) is { } unknown)
        {
            return unknown;
        }

        if (expectedVersion is { } version && recommendation.Version != version)
        {
            return Error.Stale(What);
        }

        Apply(recommendation, input);
        return await db.TrySaveAsync(What, ct) is { } error ? error : ToView(recommendation);
    }

    /// <summary>Marks the recommendation as put to the client, if the homework is done ("don't guess").</summary>
    public async Task<Result<RecommendationView>> PresentAsync(
        CurrentUser user, Guid id, long? expectedVersion, PresentInput? input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var recommendation = await FindAsync(db, user, id, ct);
        if (recommendation is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers present recommendations.");
        }

        if (recommendation.Status != RecommendationStatus.Draft)
        {
            return Error.Conflict($"The recommendation was already presented on {recommendation.PresentedOn:yyyy-MM-dd}.");
        }

        if (MissingForPresentation(recommendation.Options.Count, recommendation.StaffConsulted.Count, recommendation.RecommendedOption) is { } missing)
        {
            return missing;
        }

        if (expectedVersion is { } version && recommendation.Version != version)
        {
            return Error.Stale(What);
        }

        recommendation.Status = RecommendationStatus.Presented;
        recommendation.PresentedOn = input?.PresentedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.TrySaveAsync(What, ct) is { } error ? error : ToView(recommendation);
    }

    /// <summary>
    /// Records what the client decided. A presented recommendation may be decided, and a decided one
    /// decided again (a deferral often becomes a yes or a no later); a draft may not.
    /// </summary>
    public async Task<Result<RecommendationView>> DecideAsync(
        CurrentUser user, Guid id, long? expectedVersion, DecisionInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var recommendation = await FindAsync(db, user, id, ct);
        if (recommendation is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers record the client's decision.");
        }

        if (recommendation.Status == RecommendationStatus.Draft)
        {
            return Error.Conflict("The recommendation has not been presented yet; present it before recording the client's decision.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && recommendation.Version != version)
        {
            return Error.Stale(What);
        }

        recommendation.Status = RecommendationStatus.Decided;
        recommendation.Decision = input.Decision;
        recommendation.ReasonCategory = input.ReasonCategory;
        recommendation.ReasonNote = Text.Clean(input.ReasonNote);
        recommendation.DecidedAt = clock.UtcNowStorable();
        recommendation.DecidedBy = user.UserId;
        return await db.TrySaveAsync(What, ct) is { } error ? error : ToView(recommendation);
    }

    /// <summary>Acceptance of one account, or (no account) across every account the caller sees.</summary>
    public async Task<Result<AcceptanceView>> AcceptanceAsync(CurrentUser user, Guid? accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var rows = db.Recommendations.AsNoTracking().VisibleTo(db, user).Where(r => r.Decision != ClientDecision.Pending);
        if (accountId is { } id)
        {
            rows = rows.Where(r => r.AccountId == id);
        }

        var decided = await rows
            .Join(db.Accounts, r => r.AccountId, a => a.Id, (r, a) => new { r.Decision, r.ReasonCategory, r.Importance, AccountName = a.Name })
            .ToListAsync(ct);
        var all = decided.Select(d => (d.Decision, Category: d.ReasonCategory?.ToString() ?? "Unstated", Importance: d.Importance.ToString(), d.AccountName)).ToList();

        static List<AcceptanceRow> By(IEnumerable<(ClientDecision Decision, string Key)> items, IEnumerable<string> order) =>
        [
            .. items.GroupBy(i => i.Key)
                .OrderBy(g => order.ToList().IndexOf(g.Key) is var at && at < 0 ? int.MaxValue : at).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g.Select(i => i.Decision))),
        ];

        return new AcceptanceView(
            accountId,
            Row("All", all.Select(a => a.Decision)),
            By(all.Select(a => (a.Decision, a.Category)), [.. Enum.GetNames<ReasonCategory>(), "Unstated"]),
            By(all.Select(a => (a.Decision, a.Importance)), Enum.GetValues<Importance>().OrderDescending().Select(i => i.ToString())),
            By(all.Select(a => (a.Decision, a.AccountName)), []));
    }

    /// <summary>Accepted counts 1, partly accepted ½, declined 0; deferred stays out of the rate.</summary>
    public static AcceptanceRow Row(string key, IEnumerable<ClientDecision> decisions)
    {
        var list = decisions.ToList();
        var accepted = list.Count(d => d == ClientDecision.Accepted);
        var partly = list.Count(d => d == ClientDecision.PartlyAccepted);
        var declined = list.Count(d => d == ClientDecision.Declined);
        var deferred = list.Count(d => d == ClientDecision.Deferred);
        var answered = accepted + partly + declined;
        double? rate = answered == 0 ? null : Math.Round((accepted + (0.5 * partly)) / answered, 4);
        return new AcceptanceRow(key, accepted, partly, declined, deferred, rate);
    }

    /// <summary>What is missing before a recommendation may be presented, as field errors; null when nothing is.</summary>
    private static Error? MissingForPresentation(int options, int consulted, int? recommended)
    {
        var fields = new Dictionary<string, string[]>();
        if (options < 2)
        {
            fields["options"] = [$"List at least two options considered before presenting (there {(options == 1 ? "is 1" : $"are {options}")})."];
        }

        if (consulted < 1)
        {
            fields["staffConsulted"] = ["Consult at least one person before presenting: don't guess."];
        }

        if (recommended is null)
        {
            fields["recommendedOption"] = ["Say which option you recommend before presenting."];
        }

        return fields.Count == 0
            ? null
            : new Error(ErrorKind.Validation, "The recommendation is not ready to present: " + string.Join(" ", fields.Values.SelectMany(v => v)), fields);
    }

    private static async Task<Error?> CheckConsultedAsync(LiaisonDb db, RecommendationInput input, CancellationToken ct)
    {
        var ids = (input.StaffConsulted ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var known = await db.Staff.CountAsync(s => ids.Contains(s.Id), ct);
        return known == ids.Count ? null : Error.Invalid("staffConsulted", "Everyone consulted must be a staff member of the agency.");
    }

    /// <summary>Invisible accounts are 404; a visible account whose recommendations the user may not read is 403.</summary>
    private static async Task<Error?> CheckReadAsync(LiaisonDb db, CurrentUser user, Guid? accountId, CancellationToken ct)
    {
        if (accountId is { } id && !await AccountAccess.CanSeeAccountAsync(db, user, id, ct))
        {
            return Error.NotFound("The account");
        }

        return AccountAccess.CanReadWorkingNotes(user) ? null : Error.Forbidden("Recommendations are internal to the agency.");
    }

    /// <summary>A recommendation the user may read, tracked with its options; client users never find one.</summary>
    private static Task<Recommendation?> FindAsync(LiaisonDb db, CurrentUser user, Guid id, CancellationToken ct) =>
        AccountAccess.CanReadWorkingNotes(user)
            ? db.Recommendations.VisibleTo(db, user).Include(r => r.Options).FirstOrDefaultAsync(r => r.Id == id, ct)
            : Task.FromResult<Recommendation?>(null);

    private static void Apply(Recommendation r, RecommendationInput input)
    {
        r.Title = input.Title.Trim();
        r.Context = Text.Clean(input.Context);
        r.Importance = input.Importance;
        r.RecommendedOption = input.RecommendedOption;
        r.StaffConsulted = [.. (input.StaffConsulted ?? []).Distinct()];
        var options = input.Options ?? [];
        // Options are replaced in place by position, so ids stay stable while the list keeps its shape.
        for (var i = 0; i < options.Count; i++)
        {
            var target = r.Options.Find(o => o.Position == i);
            if (target is null)
            {
                target = new RecommendationOption { RecommendationId = r.Id, Position = i };
                r.Options.Add(target);
            }

            target.Title = options[i].Title.Trim();
            target.Pros = Text.Clean(options[i].Pros);
            target.Cons = Text.Clean(options[i].Cons);
        }

        r.Options.RemoveAll(o => o.Position >= options.Count);
    }

    private static RecommendationView ToView(Recommendation r) => new(
        r.Id, r.AccountId, r.Title, r.Context,
        [.. r.Options.OrderBy(o => o.Position).Select(o => new OptionView(o.Id, o.Title, o.Pros, o.Cons))],
        r.StaffConsulted, r.RecommendedOption, r.Importance, r.Status, r.PresentedOn, r.Decision, r.ReasonCategory, r.ReasonNote,
        r.DecidedAt, r.Version, r.CreatedAt, r.UpdatedAt);
}
