using System.Security.Cryptography;
using System.Text;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Meetings;

/// <summary>The secret of a new or rotated feed: shown once, like a personal access token.</summary>
public sealed record NewCalendarFeed(string Secret, DateTime IssuedAt);

/// <summary>Whether the user has a feed, and since when; never the secret, which is shown once.</summary>
/// <param name="CreatedAt">When the feed was first created (rotating keeps it); null without a feed.</param>
/// <param name="LastUsedAt">When a calendar app last read the current address, to the quarter hour; null if never.</param>
public sealed record CalendarFeedStatus(bool Active, DateTime? CreatedAt, DateTime? LastUsedAt);

/// <summary>
/// Each user's private calendar feed: a secret URL a calendar app polls without signing in, listing
/// the meetings the user may see from 30 days ago on. Only the secret's SHA-256 hash is stored.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    public const int PastDays = 30;

    public const int MaxMeetings = 2000;

    private const string SecretPrefix = "cal_";

    // Writing "last used" on every poll would turn every read into a write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(15);

    /// <summary>The caller's own feed, if they have one.</summary>
    public async Task<Result<CalendarFeedStatus>> GetAsync(CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == user.UserId, ct);
        return feed is null ? new CalendarFeedStatus(false, null, null) : new CalendarFeedStatus(true, feed.CreatedAt, feed.LastUsedAt);
    }

    /// <summary>Creates the caller's feed, or replaces its secret so the old URL stops working.</summary>
    public async Task<Result<NewCalendarFeed>> CreateOrRotateAsync(CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.UserId, ct);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = user.UserId, SecretHash = Hash(secret) });
        }
        else
        {
            feed.SecretHash = Hash(secret);
            feed.LastUsedAt = null;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("Your calendar feed was changed at the same moment elsewhere. Try again.");
        }

        return new NewCalendarFeed(secret, clock.UtcNowStorable());
    }

    /// <summary>Revokes the caller's feed; revoking a feed that does not exist is fine.</summary>
    public async Task<Result> RevokeAsync(CurrentUser user, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.UserId, ct);
        if (feed is not null)
        {
            db.CalendarFeeds.Remove(feed);
            await db.SaveChangesAsync(ct);
        }

        return Result.Ok;
    }

    /// <summary>The feed behind a secret, as iCalendar; null when the secret is unknown, revoked or its user disabled.</summary>
    public async Task<string?> ReadAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await (from f in db.CalendarFeeds
                           join u in db.Users on f.UserId equals u.Id
                           where f.SecretHash == hash && !u.IsDisabled
                           select new { Feed = f, User = new CurrentUser(u.Id, u.FullName, u.Role, u.StaffId, u.ClientAccountId) })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var now = clock.UtcNowStorable();
        if (found.Feed.LastUsedAt is null || now - found.Feed.LastUsedAt > LastUsedResolution)
        {
            found.Feed.LastUsedAt = now;
            db.Actor = found.User;
            await db.TrySaveAsync("The calendar feed", ct);
        }

        var since = now.AddDays(-PastDays);
        var meetings = await (from m in db.Meetings.AsNoTracking().VisibleTo(db, found.User)
                              join a in db.Accounts on m.AccountId equals a.Id
                              where m.StartsAt >= since
                              orderby m.StartsAt, m.Id
                              select new CalendarMeeting(
                                  m.Id, m.Title, a.Name, m.Type, m.StartsAt, m.TimeZone, m.DurationMinutes, m.Location, m.Agenda, m.Status,
                                  m.Version, m.CreatedAt, m.UpdatedAt))
            .Take(MaxMeetings).ToListAsync(ct);
        return MeetingCalendar.Write($"Liaison meetings of {found.User.DisplayName}", meetings);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
