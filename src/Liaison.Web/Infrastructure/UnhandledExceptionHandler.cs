using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Web.Infrastructure;

/// <summary>
/// Turns exceptions into ProblemDetails. Bad input caught by model binding is the caller's error
/// (400 with the reason); anything else is a generic 500 with a trace id and nothing internal.
/// </summary>
public sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the original path.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !(path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/health/", StringComparison.Ordinal)))
        {
            return false;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request",
                Detail = Describe(bad),
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = "Something went wrong on our side. Quote the trace id if you report it.",
            },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Names the JSON path of a body that failed to parse, so the caller knows which field to fix.</summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException is JsonException { Path: { } path } json
        ? $"The request body is not valid JSON for this endpoint at '{path}': {FirstSentence(json.Message)}"
        : bad.Message;

    private static string FirstSentence(string message) => message.Split(". Path:")[0].TrimEnd('.') + ".";
}
