using System.Security.Cryptography;
using System.Text;
using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Core.Features.Integrations;

public sealed record TokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed record NewToken(string Token, TokenView Details);

/// <summary>Personal access tokens: random secrets shown once, stored as SHA-256 hashes.</summary>
public sealed class TokenService(IDbContextFactory<LiaisonDb> dbs, TimeProvider clock)
{
    private const string TokenPrefix = "lia_";

    // Writing "last used" on every request would turn every API read into a write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<Result<NewToken>> CreateAsync(Guid userId, string? name, CancellationToken ct)
    {
        var cleanName = Text.Clean(name);
        if (cleanName is null)
        {
            return Error.Invalid("name", "Give the token a name, such as the script that will use it.");
        }

        if (cleanName.Length > 100)
        {
            return Error.Invalid("name", "The name can be at most 100 characters.");
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var owner = await db.Users.Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new CurrentUser(u.Id, u.FullName, u.Role, u.StaffId, u.ClientAccountId)).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return new Error(ErrorKind.NotFound, "No active user: the user is unknown or disabled.");
        }

        db.Actor = owner;
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = cleanName,
            TokenHash = Hash(secret),
            Prefix = secret[..12],
            CreatedAt = clock.UtcNowStorable(),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new NewToken(secret, ToView(token));
    }

    /// <summary>
    /// The user a bearer token stands for, loaded with the token in one query, or null if the token is
    /// unknown or revoked or its user disabled.
    /// </summary>
    public async Task<CurrentUser?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await (from t in db.PersonalAccessTokens
                           join u in db.Users on t.UserId equals u.Id
                           where t.TokenHash == hash && t.RevokedAt == null && !u.IsDisabled
                           select new { Token = t, User = new CurrentUser(u.Id, u.FullName, u.Role, u.StaffId, u.ClientAccountId) })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var now = clock.UtcNowStorable();
        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > LastUsedResolution)
        {
            found.Token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return found.User;
    }

    public async Task<Result<Page<TokenView>>> ListAsync(CurrentUser user, PageRequest page, CancellationToken ct)
    {
        var paging = page.Resolve();
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (offset, limit) = paging.Value;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == user.UserId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return tokens.Select(ToView).ToList().ToPage(offset, limit);
    }

    public async Task<Result> RevokeAsync(CurrentUser user, Guid tokenId, CancellationToken ct)
    {
        await using var db = await dbs.OpenAsync(user, ct);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.UserId, ct);
        if (token is null)
        {
            return Error.NotFound("The token");
        }

        token.RevokedAt ??= clock.UtcNowStorable();
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static TokenView ToView(PersonalAccessToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt);
}
