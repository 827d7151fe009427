using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Accounts;

/// <summary>
/// The account plan: the agency's own working document, so staff on the team read it, the people
/// who run the account edit it, and client users never get it (403 on their own account).
/// </summary>
public sealed class AccountPlanService(IDbContextFactory<LiaisonDb> dbs)
{
    public async Task<Result<AccountPlanView>> GetAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var plan = await LoadAsync(db, accountId, track: false, ct);
        return await ToViewAsync(db, accountId, plan, ct);
    }

    /// <summary>Replaces the plan; the first save creates it. The version of a plan not yet saved is 0.</summary>
    public async Task<Result<AccountPlanView>> SaveAsync(
        CurrentUser user, Guid accountId, long? expectedVersion, AccountPlanInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        if (!AccountAccess.CanManageRelationship(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit the account plan.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var plan = await LoadAsync(db, accountId, track: true, ct);
        if (expectedVersion is { } version && (plan?.Version ?? 0) != version)
        {
            return Error.Stale("The account plan");
        }

        var owners = (input.Initiatives ?? []).Select(i => i.OwnerStaffId).OfType<Guid>().Distinct().ToList();
        var active = await db.Staff.Where(s => owners.Contains(s.Id) && s.IsActive).Select(s => s.Id).ToListAsync(ct);
        if (owners.Except(active).Any())
        {
            return Error.Invalid("initiatives", "Every initiative's owner must be an active staff member.");
        }

        var isNew = plan is null;
        plan ??= db.AccountPlans.Add(new AccountPlan { AccountId = accountId }).Entity;
        Apply(plan, input);
        db.BumpIfChildrenChanged(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Stale("The account plan");
        }
        catch (DbUpdateException) when (isNew)
        {
            // Someone else created the plan first: the one-plan-per-account index refused this copy.
            return Error.Stale("The account plan");
        }

        return await ToViewAsync(db, accountId, plan, ct);
    }

    /// <summary>
    /// Sets the plan's "last reviewed" to the latest held meeting of the account that reviewed it,
    /// counting <paramref name="changed"/> as it is about to be saved (or gone, if deleted). Creates
    /// the plan if a review happened before anyone wrote one.
    /// </summary>
    internal static async Task RefreshLastReviewedAsync(LiaisonDb db, Guid accountId, Meeting changed, bool deleted, CancellationToken ct)
    {
        var latest = await db.Meetings.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.Id != changed.Id && m.Status == MeetingStatus.Held && m.ReviewsPlan)
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.StartsAt })
            .FirstOrDefaultAsync(ct);
        (Guid Id, DateTime At)? review = latest is null ? null : (latest.Id, latest.StartsAt);
        if (!deleted && changed.Status == MeetingStatus.Held && changed.ReviewsPlan && (review is null || changed.StartsAt >= review.Value.At))
        {
            review = (changed.Id, changed.StartsAt);
        }

        var plan = await db.AccountPlans.FirstOrDefaultAsync(p => p.AccountId == accountId, ct);
        if (plan is null)
        {
            if (review is null)
            {
                return;
            }

            plan = db.AccountPlans.Add(new AccountPlan { AccountId = accountId }).Entity;
        }

        plan.LastReviewedAt = review?.At;
        plan.LastReviewedMeetingId = review?.Id;
    }

    internal static Task<AccountPlan?> LoadAsync(LiaisonDb db, Guid accountId, bool track, CancellationToken ct)
    {
        var query = db.AccountPlans.Include(p => p.Initiatives).Where(p => p.AccountId == accountId);
        return (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    internal static async Task<List<InitiativeView>> InitiativesAsync(LiaisonDb db, IEnumerable<PlanInitiative> initiatives, CancellationToken ct)
    {
        var list = initiatives.OrderBy(i => i.Position).ToList();
        var owners = list.Select(i => i.OwnerStaffId).OfType<Guid>().Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => owners.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        return [.. list.Select(i => new InitiativeView(
            i.Id, i.Title, i.OwnerStaffId, i.OwnerStaffId is { } o && names.TryGetValue(o, out var n) ? n : null, i.Horizon, i.Status))];
    }

    private static async Task<Error?> CheckReadAsync(LiaisonDb db, CurrentUser user, Guid accountId, CancellationToken ct)
    {
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        return user.IsClient ? Error.Forbidden("The account plan is the agency's working document; it is not shared with clients.") : null;
    }

    private static void Apply(AccountPlan plan, AccountPlanInput input)
    {
        plan.Vision = Text.Clean(input.Vision);
        plan.ClientObjectives = [.. (input.ClientObjectives ?? []).Select(Text.Clean).OfType<string>()];
        plan.AgencyObjectives = [.. (input.AgencyObjectives ?? []).Select(Text.Clean).OfType<string>()];
        var initiatives = input.Initiatives ?? [];
        plan.Initiatives.RemoveAll(i => initiatives.All(x => x.Id != i.Id));
        for (var position = 0; position < initiatives.Count; position++)
        {
            var source = initiatives[position];
            var target = plan.Initiatives.Find(i => i.Id == source.Id);
            if (target is null)
            {
                target = new PlanInitiative { PlanId = plan.Id };
                plan.Initiatives.Add(target);
            }

            target.Title = source.Title.Trim();
            target.OwnerStaffId = source.OwnerStaffId;
            target.Horizon = source.Horizon;
            target.Status = source.Status;
            target.Position = position;
        }
    }

    private static async Task<AccountPlanView> ToViewAsync(LiaisonDb db, Guid accountId, AccountPlan? plan, CancellationToken ct) =>
        plan is null
            ? new AccountPlanView(accountId, null, [], [], [], null, null, 0, null)
            : new AccountPlanView(
                accountId, plan.Vision, plan.ClientObjectives, plan.AgencyObjectives, await InitiativesAsync(db, plan.Initiatives, ct),
                plan.LastReviewedAt, plan.LastReviewedMeetingId, plan.Version, plan.UpdatedAt);
}
