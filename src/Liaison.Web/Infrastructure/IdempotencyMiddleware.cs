using System.Security.Cryptography;
using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Infrastructure;

/// <summary>
/// Makes API writes safe to retry: the first answer to a request with an Idempotency-Key is stored
/// and replayed to a retry with the same key and body; the same key with another body is refused
/// (422). Keys are per user and kept for a day.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext http, IDbContextFactory<LiaisonDb> dbs)
    {
        var key = http.Request.Headers[Header].ToString();
        // Token and calendar-feed answers are secrets and are never stored; a retry simply makes another.
        if (string.IsNullOrEmpty(key) || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || !http.Request.Path.StartsWithSegments("/api/v1") || http.Request.Path.StartsWithSegments("/api/v1/tokens")
            || http.Request.Path.StartsWithSegments("/api/v1/calendar-feed")
            || CallerResolution.UserId(http.User) is not { } userId)
        {
            await next(http);
            return;
        }

        if (key.Length > 200)
        {
            await ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The Idempotency-Key can be at most 200 characters.").ExecuteAsync(http);
            return;
        }

        var requestHash = await HashRequestAsync(http.Request);
        var now = clock.UtcNowStorable();
        await using (var db = await dbs.CreateDbContextAsync(http.RequestAborted))
        {
            var stored = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
            // An answer older than the retention, or a first attempt that never finished (its node died), no longer holds the key.
            if (stored is not null && (now - stored.CreatedAt > Retention || (stored.StatusCode == 0 && now - stored.CreatedAt > AbandonedAfter)))
            {
                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(http.RequestAborted);
                stored = null;
            }

            if (stored is not null)
            {
                await ReplayAsync(http, stored, requestHash);
                return;
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // Another request with the same key won the race and is being answered now.
                await InProgressAsync(http);
                return;
            }
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            // No answer was given, so the key must not stay "in progress": the client's retry runs again.
            await ForgetAsync(dbs, userId, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        // Recorded before the client is answered, so a client that hangs up still gets this answer on retry.
        await RecordAsync(dbs, http, userId, key, buffer.ToArray());
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ForgetAsync(IDbContextFactory<LiaisonDb> dbs, Guid userId, string key)
    {
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task RecordAsync(IDbContextFactory<LiaisonDb> dbs, HttpContext http, Guid userId, string key, byte[] body)
    {
        var status = http.Response.StatusCode;
        // Server errors and failed preconditions are not final answers: a retry (with a fresh If-Match) runs again.
        if (status >= 500 || status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status428PreconditionRequired)
        {
            await ForgetAsync(dbs, userId, key);
            return;
        }

        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);

        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, http.Response.ContentType)
            .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
            .SetProperty(r => r.ETag, http.Response.Headers.ETag.ToString())
            .SetProperty(r => r.Body, body), CancellationToken.None);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord stored, string requestHash)
    {
        if (stored.RequestHash != requestHash)
        {
            await ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.").ExecuteAsync(http);
            return;
        }

        if (stored.StatusCode == 0)
        {
            await InProgressAsync(http);
            return;
        }

        http.Response.StatusCode = stored.StatusCode;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(stored.ContentType))
        {
            http.Response.ContentType = stored.ContentType;
        }

        if (!string.IsNullOrEmpty(stored.Location))
        {
            http.Response.Headers.Location = stored.Location;
        }

        if (!string.IsNullOrEmpty(stored.ETag))
        {
            http.Response.Headers.ETag = stored.ETag;
        }

        if (stored.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    private static Task InProgressAsync(HttpContext http) =>
        ProblemResults.Problem(StatusCodes.Status409Conflict, "Request in progress",
            "A request with this Idempotency-Key is still being processed. Retry in a moment.").ExecuteAsync(http);

    /// <summary>Method, path, query and body: the same key must mean the same request.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
