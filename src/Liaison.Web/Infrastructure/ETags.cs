using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Liaison.Web.Infrastructure;

/// <summary>Record versions as strong ETags, and If-Match as the version an update expects.</summary>
public static class ETags
{
    public static void SetETag(this HttpContext http, long version) =>
        http.Response.Headers.ETag = $"\"{version}\"";

    public enum Precondition
    {
        Missing,
        Any,
        Version,
        Malformed,
    }

    public static IfMatch ReadIfMatch(this HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return new IfMatch(Precondition.Missing, 0);
        }

        if (header.Trim() == "*")
        {
            return new IfMatch(Precondition.Any, 0);
        }

        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), out var version)
            ? new IfMatch(Precondition.Version, version)
            : new IfMatch(Precondition.Malformed, 0);
    }

    public static ProblemHttpResult MalformedIfMatch() =>
        ProblemResults.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "The If-Match header is not an ETag this server issued.");
}

public sealed record IfMatch(ETags.Precondition Kind, long Version)
{
    /// <summary>Never a stored version: a missing header must fail the version check after every other check.</summary>
    private const long Unsatisfiable = -1;

    public bool IsMalformed => Kind == ETags.Precondition.Malformed;

    /// <summary>The version to demand when If-Match is required: none for "*", an impossible one when absent.</summary>
    public long? Required => Kind switch
    {
        ETags.Precondition.Version => Version,
        ETags.Precondition.Any => null,
        _ => Unsatisfiable,
    };

    /// <summary>The version to demand when If-Match is optional.</summary>
    public long? Optional => Kind == ETags.Precondition.Version ? Version : null;
}
