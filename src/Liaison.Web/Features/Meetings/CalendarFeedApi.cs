using Liaison.Core.Features.Meetings;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Meetings;

/// <summary>The address of a calendar feed: shown once, since it holds the secret.</summary>
public sealed record CalendarFeedCreated(string Url, DateTime IssuedAt);

/// <summary>
/// /api/v1/calendar-feed manages the caller's secret feed address; /calendar/{secret}.ics serves it
/// to calendar apps, which cannot sign in: the secret in the address is the credential.
/// </summary>
public static class CalendarFeedApi
{
    public const string FeedRoute = "/calendar/{secret}.ics";

    public static RouteGroupBuilder MapCalendarFeedApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar-feed").WithTags("Meetings");
        group.MapGet("/", async (HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
                (await feeds.GetAsync(http.Caller(), ct)).ToOk())
            .WithName("GetCalendarFeed")
            .WithDescription("Whether you have a calendar feed, when it was created and when a calendar app last read it; never its address.");
        group.MapPost("/", CreateAsync).WithName("CreateCalendarFeed")
            .WithDescription("Creates your calendar feed, or rotates its secret so the old address stops working. The address is shown once.");
        group.MapDelete("/", async (HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
                (await feeds.RevokeAsync(http.Caller(), ct)).ToNoContent())
            .WithName("RevokeCalendarFeed").WithDescription("Revokes your calendar feed; its address answers 404 from then on.");
        return api;
    }

    /// <summary>The feed itself, outside /api/v1 and anonymous: an unknown or revoked secret is 404.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedRoute, ReadAsync).AllowAnonymous().WithName("ReadCalendarFeed").WithTags("Meetings")
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("The meetings the feed's user may see, from 30 days ago on, as iCalendar.");
        return app;
    }

    private static async Task<Results<Ok<CalendarFeedCreated>, ProblemHttpResult>> CreateAsync(
        HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        var result = await feeds.CreateOrRotateAsync(http.Caller(), ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var request = http.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{FeedRoute.Replace("{secret}", result.Value.Secret, StringComparison.Ordinal)}";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CalendarFeedCreated(url, result.Value.IssuedAt));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadAsync(
        string secret, HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        var calendar = await feeds.ReadAsync(secret, ct);
        if (calendar is null)
        {
            // A problem body of its own, so the UI's not-found page (and its sign-in redirect) stays out of it.
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found", "There is no calendar feed at this address.");
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Text(calendar, $"{MeetingCalendar.ContentType}; charset=utf-8");
    }
}
