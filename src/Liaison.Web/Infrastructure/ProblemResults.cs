using Liaison.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Infrastructure;

/// <summary>The one mapping from Core's typed errors to RFC 9457 problem responses.</summary>
public static class ProblemResults
{
    /// <param name="versionFromIfMatch">A stale version that came from If-Match is a failed precondition (412), not a conflict.</param>
    public static ProblemHttpResult ToProblem(this Error error, bool versionFromIfMatch = false)
    {
        var (status, title) = error.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            ErrorKind.Validation => (StatusCodes.Status400BadRequest, "Invalid request"),
            ErrorKind.StaleVersion when versionFromIfMatch => (StatusCodes.Status412PreconditionFailed, "Precondition failed"),
            ErrorKind.StaleVersion => (StatusCodes.Status409Conflict, "Edit conflict"),
            ErrorKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Request too large"),
            _ => (StatusCodes.Status409Conflict, "Conflict"),
        };

        var extensions = new Dictionary<string, object?>();
        if (error.Fields is { Count: > 0 } fields)
        {
            extensions["errors"] = fields;
        }

        // A conflict with a record's state says what is possible instead, e.g. a workflow's allowed moves.
        if (error.Allowed is { } allowed)
        {
            extensions["allowed"] = allowed;
        }

        return TypedResults.Problem(detail: error.Message, statusCode: status, title: title, extensions: extensions.Count == 0 ? null : extensions);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

public static class ResultResponses
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    /// <summary>
    /// The result of an update that required If-Match. A request without the header is still checked
    /// for existence, access and validity first (so it learns nothing it may not), then refused with 428.
    /// </summary>
    public static Results<Ok<T>, ProblemHttpResult> ToUpdateResponse<T>(this Result<T> result, HttpContext http, IfMatch ifMatch, Func<T, long> version)
    {
        if (result.IsSuccess)
        {
            http.SetETag(version(result.Value));
            return TypedResults.Ok(result.Value);
        }

        return ifMatch.Kind == ETags.Precondition.Missing && result.Error.Kind == ErrorKind.StaleVersion
            ? ProblemResults.Problem(StatusCodes.Status428PreconditionRequired, "Precondition required",
                "Send If-Match with the ETag you read, so that you do not overwrite someone else's change.")
            : result.Error.ToProblem(versionFromIfMatch: true);
    }
}
