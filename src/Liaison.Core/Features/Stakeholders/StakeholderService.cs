using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Communications;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Stakeholders;

/// <summary>
/// The people on the client side and the agency's reading of them. That reading (influence,
/// support, notes) is internal, so client users never get stakeholder records.
/// </summary>
public sealed class StakeholderService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    /// <summary>Key people not touched within this many days count against coverage.</summary>
    public const int CoverageDays = 30;

    /// <summary>The map holds every stakeholder of an account at once; accounts have tens, not thousands.</summary>
    public const int MapLimit = 500;

    public async Task<Result<Page<StakeholderView>>> ListAsync(
        CurrentUser user, Guid accountId, StakeholderListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Limit, query.Cursor).Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var people = db.Stakeholders.AsNoTracking().VisibleTo(db, user).Where(s => s.AccountId == accountId);
        if (Text.Clean(query.Search) is { } search)
        {
            var term = search.ToLower();
            people = people.Where(s => s.FullName.ToLower().Contains(term)
                || (s.Title != null && s.Title.ToLower().Contains(term))
                || (s.Email != null && s.Email.ToLower().Contains(term)));
        }

        if (query.Support is { } support)
        {
            people = people.Where(s => s.Support == support);
        }

        if (query.Role is { } role)
        {
            people = people.Where(s => s.Roles.Contains(role));
        }

        var ordered = (query.Sort, query.Descending) switch
        {
            (StakeholderSort.Influence, false) => people.OrderBy(s => s.Influence).ThenBy(s => s.FullName),
            (StakeholderSort.Influence, true) => people.OrderByDescending(s => s.Influence).ThenBy(s => s.FullName),
            (StakeholderSort.Relationship, false) => people.OrderBy(s => s.RelationshipStrength).ThenBy(s => s.FullName),
            (StakeholderSort.Relationship, true) => people.OrderByDescending(s => s.RelationshipStrength).ThenBy(s => s.FullName),
            (StakeholderSort.Support, false) => people.OrderBy(s => s.Support == Support.Champion ? 0
                : s.Support == Support.Supporter ? 1 : s.Support == Support.Neutral ? 2 : s.Support == Support.Skeptic ? 3 : 4).ThenBy(s => s.FullName),
            (StakeholderSort.Support, true) => people.OrderByDescending(s => s.Support == Support.Champion ? 0
                : s.Support == Support.Supporter ? 1 : s.Support == Support.Neutral ? 2 : s.Support == Support.Skeptic ? 3 : 4).ThenBy(s => s.FullName),
            (StakeholderSort.LastTouch, false) => people.OrderBy(s => s.LastTouchAt == null).ThenBy(s => s.LastTouchAt),
            (StakeholderSort.LastTouch, true) => people.OrderBy(s => s.LastTouchAt == null).ThenByDescending(s => s.LastTouchAt),
            (_, true) => people.OrderByDescending(s => s.FullName),
            _ => people.OrderBy(s => s.FullName),
        };

        var rows = await ordered.ThenBy(s => s.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return rows.Select(ToView).ToList().ToPage(offset, limit);
    }

    /// <summary>Every stakeholder of the account, for the influence × support map.</summary>
    public async Task<Result<IReadOnlyList<StakeholderView>>> MapAsync(CurrentUser user, Guid accountId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var rows = await db.Stakeholders.AsNoTracking().Where(s => s.AccountId == accountId)
            .OrderByDescending(s => s.Influence).ThenBy(s => s.FullName).Take(MapLimit).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    public async Task<Result<StakeholderView>> GetAsync(CurrentUser user, Guid accountId, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = await FindAsync(db, user, accountId, id, ct);
        return person is null ? Error.NotFound("The stakeholder") : ToView(person);
    }

    public async Task<Result<StakeholderView>> CreateAsync(CurrentUser user, Guid accountId, StakeholderInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        if (!AccountAccess.CanEditStakeholders(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers can add stakeholders.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        var person = new Stakeholder { AccountId = accountId, FullName = input.FullName.Trim() };
        Apply(person, input);
        db.Stakeholders.Add(person);
        await db.SaveChangesAsync(ct);
        return ToView(person);
    }

    public async Task<Result<StakeholderView>> UpdateAsync(
        CurrentUser user, Guid accountId, Guid id, long? expectedVersion, StakeholderInput input, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = await FindAsync(db, user, accountId, id, ct);
        if (person is null)
        {
            return Error.NotFound("The stakeholder");
        }

        if (!AccountAccess.CanEditStakeholders(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers can edit stakeholders.");
        }

        if (InputValidation.Validate(input) is { } invalid)
        {
            return invalid;
        }

        if (expectedVersion is { } version && person.Version != version)
        {
            return Error.Stale("The stakeholder");
        }

        Apply(person, input);
        return await db.TrySaveAsync("The stakeholder", ct) is { } error ? error : ToView(person);
    }

    public async Task<Result> DeleteAsync(CurrentUser user, Guid accountId, Guid id, long? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var person = await FindAsync(db, user, accountId, id, ct);
        if (person is null)
        {
            return Error.NotFound("The stakeholder");
        }

        if (!AccountAccess.CanEditStakeholders(user))
        {
            return Error.Forbidden("Only admins, account managers and project managers can remove stakeholders.");
        }

        if (expectedVersion is { } version && person.Version != version)
        {
            return Error.Stale("The stakeholder");
        }

        db.Stakeholders.Remove(person);
        return await db.TrySaveAsync("The stakeholder", ct) is { } error ? error : Result.Ok;
    }

    /// <summary>Each stakeholder's last touch, and how many of the key ones were touched in the last <paramref name="days"/> days.</summary>
    public async Task<Result<StakeholderCoverage>> CoverageAsync(CurrentUser user, Guid accountId, int? days, CancellationToken ct)
    {
        var window = days ?? CoverageDays;
        if (window is < 1 or > 366)
        {
            return Error.Invalid("days", "The window must be 1 to 366 days.");
        }

        await using var db = await dbs.OpenAsync(user, ct);
        if (await CheckReadAsync(db, user, accountId, ct) is { } denied)
        {
            return denied;
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-window);
        var people = await db.Stakeholders.AsNoTracking().VisibleTo(db, user).Where(s => s.AccountId == accountId)
            .OrderBy(s => s.FullName).Take(MapLimit)
            .Select(s => new { s.Id, s.FullName, s.Roles, s.Influence, s.LastTouchAt })
            .ToListAsync(ct);
        var touches = people
            .Select(p => new StakeholderTouch(p.Id, p.FullName, StakeholderTouches.IsKey(p.Roles, p.Influence), p.LastTouchAt, p.LastTouchAt >= since))
            .OrderByDescending(t => t.IsKey).ThenBy(t => t.LastTouchAt ?? DateTime.MinValue).ThenBy(t => t.FullName, StringComparer.CurrentCulture)
            .ToList();
        return new StakeholderCoverage(
            accountId, window, since, touches.Count(t => t.IsKey), touches.Count(t => t.IsKey && t.TouchedInWindow), touches);
    }

    /// <summary>Invisible accounts are 404; a visible account whose stakeholders the user may not read is 403.</summary>
    private static async Task<Error?> CheckReadAsync(LiaisonDb db, CurrentUser user, Guid accountId, CancellationToken ct)
    {
        if (!await AccountAccess.CanSeeAccountAsync(db, user, accountId, ct))
        {
            return Error.NotFound("The account");
        }

        return AccountAccess.CanReadStakeholders(user)
            ? null
            : Error.Forbidden("Stakeholder records are internal to the agency.");
    }

    /// <summary>A stakeholder the user may read, tracked for editing; client users never find one.</summary>
    private static Task<Stakeholder?> FindAsync(LiaisonDb db, CurrentUser user, Guid accountId, Guid id, CancellationToken ct) =>
        AccountAccess.CanReadStakeholders(user)
            ? db.Stakeholders.VisibleTo(db, user).FirstOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct)
            : Task.FromResult<Stakeholder?>(null);

    private static void Apply(Stakeholder person, StakeholderInput input)
    {
        person.FullName = input.FullName.Trim();
        person.Title = Text.Clean(input.Title);
        person.Email = Text.Clean(input.Email)?.ToLowerInvariant();
        person.Phone = Text.Clean(input.Phone);
        person.ChatHandle = Text.Clean(input.ChatHandle);
        person.Roles = [.. (input.Roles ?? []).Distinct().Order()];
        person.Influence = input.Influence;
        person.Support = input.Support;
        person.RelationshipStrength = input.RelationshipStrength;
        person.PreferredChannel = input.PreferredChannel;
        person.Notes = Text.Clean(input.Notes);
        person.PortalAccess = input.PortalAccess;
    }

    private static StakeholderView ToView(Stakeholder s) => new(
        s.Id, s.AccountId, s.FullName, s.Title, s.Email, s.Phone, s.ChatHandle, s.Roles, s.Influence, s.Support,
        s.RelationshipStrength, s.PreferredChannel, s.Notes, s.PortalAccess, s.LastTouchAt, s.Version, s.CreatedAt, s.UpdatedAt);
}
