using System.Globalization;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Insights;

/// <summary>
/// Insights the agency keeps for a client, and sharing them without bombarding the client: at most
/// N distinct insights per account in any rolling 30 days unless someone says why.
/// </summary>
public sealed class InsightService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public const int DefaultPer30Days = 2;

    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private const string What = "The insight";

    public async Task<Result<Page<InsightSummary>>> ListAsync(CurrentUser user, InsightListQuery query, CancellationToken ct)
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

        var rows = db.Insights.AsNoTracking().VisibleTo(db, user);
        if (query.AccountId is { } accountId)
        {
            rows = rows.Where(i => i.AccountId == accountId);
        }

        var page = await rows.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return page.Select(i => new InsightSummary(i.Id, i.AccountId, i.Title, i.Tags, i.SharedAt, i.Version)).ToList().ToPage(offset, limit);
    }

    public async Task<Result<InsightView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var insight = await FindAsync(db, user, id, ct);
        return insight is null ? Error.NotFound(What) : ToView(insight);
    }

    public async Task<Result<InsightView>> CreateAsync(CurrentUser user, NewInsightInput input, CancellationToken ct)
    {
        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers write insights.");
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

        var insight = new Insight { AccountId = input.AccountId, Title = input.Title.Trim() };
        Apply(insight, input);
        db.Insights.Add(insight);
        await db.SaveChangesAsync(ct);
        return ToView(insight);
    }

    public async Task<Result<InsightView>> UpdateAsync(CurrentUser user, Guid id, long? expectedVersion, InsightInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var insight = await FindAsync(db, user, id, ct);
        if (insight is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers edit insights.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && insight.Version != version)
        {
            return Error.Stale(What);
        }

        Apply(insight, input);
        return await db.TrySaveAsync(What, ct) is { } error ? error : ToView(insight);
    }

    /// <summary>Deletes the insight; its shares stay and keep counting against the throttle.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var insight = await FindAsync(db, user, id, ct);
        if (insight is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers delete insights.");
        }

        if (expectedVersion is { } version && insight.Version != version)
        {
            return Error.Stale(What);
        }

        db.Insights.Remove(insight);
        return await db.TrySaveAsync(What, ct) is { } error ? error : Result.Ok;
    }

    /// <summary>
    /// Shares the insight with stakeholders of its account and records the share. Sharing an insight
    /// that already went out in the window takes no new slot; a new one beyond the limit needs an
    /// override reason, which is stored with the share.
    /// </summary>
    public async Task<Result<ShareResult>> ShareAsync(CurrentUser user, Guid id, long? expectedVersion, ShareInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var insight = await FindAsync(db, user, id, ct);
        if (insight is null)
        {
            return Error.NotFound(What);
        }

        if (!AccountAccess.CanEditWorkingNotes(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers share insights.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var stakeholderIds = (input.StakeholderIds ?? []).Distinct().ToList();
        if (stakeholderIds.Count == 0)
        {
            return Error.Invalid("stakeholderIds", "Choose at least one stakeholder to share the insight with.");
        }

        var known = await db.Stakeholders.CountAsync(s => s.AccountId == insight.AccountId && stakeholderIds.Contains(s.Id), ct);
        if (known != stakeholderIds.Count)
        {
            return Error.Invalid("stakeholderIds", "Share only with stakeholders of the insight's account.");
        }

        if (expectedVersion is { } version && insight.Version != version)
        {
            return Error.Stale(What);
        }

        var now = clock.UtcNowStorable();
        var overrideReason = Text.Clean(input.OverrideReason);
        var usage = await UsageAsync(db, insight.AccountId, now, ct);
        var takesSlot = !usage.Insights.Contains(insight.Id);
        if (takesSlot && usage.Insights.Count >= usage.Limit && overrideReason is null)
        {
            var account = await db.Accounts.AsNoTracking().Where(a => a.Id == insight.AccountId).Select(a => a.Name).FirstAsync(ct);
            return Error.Conflict(ThrottleMessage(account, usage));
        }

        var share = new InsightShare
        {
            InsightId = insight.Id,
            AccountId = insight.AccountId,
            SharedAt = now,
            SharedBy = user.UserId,
            StakeholderIds = stakeholderIds,
            OverrideReason = takesSlot && usage.Insights.Count >= usage.Limit ? overrideReason : null,
        };
        db.InsightShares.Add(share);
        insight.SharedAt = now;
        insight.SharedWith = [.. insight.SharedWith.Union(stakeholderIds)];

        // Sharing is a touch with the client: the interaction log and the people's last touch show it.
        var interaction = new Interaction
        {
            AccountId = insight.AccountId,
            Channel = InteractionChannel.Email,
            Direction = InteractionDirection.Outbound,
            Subject = Truncate($"Insight shared: {insight.Title}", 300),
            Summary = insight.WhyItMatters ?? insight.Summary,
            OccurredAt = now,
            Source = InteractionSource.InsightShare,
            LoggedBy = user.UserId,
        };
        interaction.Stakeholders = [.. stakeholderIds.Select(s => new InteractionStakeholder { InteractionId = interaction.Id, StakeholderId = s })];
        db.Interactions.Add(interaction);
        if (await StakeholderTouches.SaveAsync(db, What, stakeholderIds, ct) is { } error)
        {
            return error;
        }

        return new ShareResult(ToView(insight), ToView(share), interaction.Id);
    }

    public async Task<Result<InsightLimitView>> GetLimitAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        return await LimitViewAsync(db, accountId, ct);
    }

    /// <summary>Sets the account's throttle; an account setting, so the people who edit the account set it.</summary>
    public async Task<Result<InsightLimitView>> SetLimitAsync(CurrentUser user, Guid accountId, InsightLimitInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var account = await db.Accounts.VisibleTo(db, user).FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditAccount(user))
        {
            return Error.Forbidden("Only admins and account managers change an account's insight limit.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        account.InsightsPer30Days = input.InsightsPer30Days;
        if (await db.TrySaveAsync("The account", ct) is { } error)
        {
            return error;
        }

        return await LimitViewAsync(db, accountId, ct);
    }

    private async Task<InsightLimitView> LimitViewAsync(LiaisonDb db, Guid accountId, CancellationToken ct)
    {
        var usage = await UsageAsync(db, accountId, clock.UtcNowStorable(), ct);
        return new InsightLimitView(accountId, usage.Setting, usage.Limit, usage.Insights.Count,
            usage.Insights.Count >= usage.Limit ? usage.NextSlotAt : null);
    }

    /// <summary>The distinct insights shared with the account in the window ending now, and when a slot frees up.</summary>
    private static async Task<Usage> UsageAsync(LiaisonDb db, Guid accountId, DateTime now, CancellationToken ct)
    {
        var setting = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.InsightsPer30Days).FirstOrDefaultAsync(ct);
        var limit = setting ?? DefaultPer30Days;
        var since = now - Window;
        var shares = await db.InsightShares.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.SharedAt > since)
            .Select(s => new { s.InsightId, s.SharedAt })
            .ToListAsync(ct);
        // An insight stays in the window until 30 days after its latest share there.
        var latest = shares.GroupBy(s => s.InsightId).Select(g => g.Max(s => s.SharedAt)).Order().ToList();
        var insights = shares.Select(s => s.InsightId).ToHashSet();
        DateTime? nextSlot = latest.Count >= limit && latest.Count > 0
            ? latest[Math.Min(latest.Count - limit, latest.Count - 1)] + Window
            : null;
        return new Usage(setting, limit, insights, nextSlot);
    }

    private static string ThrottleMessage(string account, Usage usage)
    {
        var count = usage.Insights.Count;
        var next = usage.NextSlotAt is { } at ? $" the next slot opens on {at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)};" : "";
        return $"{count} {(count == 1 ? "insight was" : "insights were")} already shared with {account} in the last 30 days "
            + $"(the limit is {usage.Limit});{next} to share this one anyway, give an overrideReason saying why.";
    }

    private static async Task<Error?> CheckReadAsync(LiaisonDb db, CurrentUser user, Guid? accountId, CancellationToken ct)
    {
        if (accountId is { } id && !await AccountAccess.CanSeeAccountAsync(db, user, id, ct))
        {
            return Error.NotFound("The account");
        }

        return AccountAccess.CanReadWorkingNotes(user) ? null : Error.Forbidden("Insights are the agency's working notes.");
    }

    private static Task<Insight?> FindAsync(LiaisonDb db, CurrentUser user, Guid id, CancellationToken ct) =>
        AccountAccess.CanReadWorkingNotes(user)
            ? db.Insights.VisibleTo(db, user).FirstOrDefaultAsync(i => i.Id == id, ct)
            : Task.FromResult<Insight?>(null);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static void Apply(Insight insight, InsightInput input)
    {
        insight.Title = input.Title.Trim();
        insight.SourceUrl = Text.Clean(input.SourceUrl);
        insight.Summary = Text.Clean(input.Summary);
        insight.WhyItMatters = Text.Clean(input.WhyItMatters);
        insight.Tags = [.. (input.Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static InsightView ToView(Insight i) => new(
        i.Id, i.AccountId, i.Title, i.SourceUrl, i.Summary, i.WhyItMatters, i.Tags, i.SharedAt, i.SharedWith, i.Version, i.CreatedAt, i.UpdatedAt);

    private static InsightShareView ToView(InsightShare s) => new(s.Id, s.InsightId, s.SharedAt, s.SharedBy, s.StakeholderIds, s.OverrideReason);

    private sealed record Usage(int? Setting, int Limit, HashSet<Guid> Insights, DateTime? NextSlotAt);
}
