using Liaison.Core.Common;
using Liaison.Core.Features.Meetings;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Meetings;

/// <summary>/api/v1/meetings: account meetings, their preparation and their calendar files.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("Meetings");
        group.MapGet("/", ListAsync).WithName("ListMeetings");
        group.MapPost("/", CreateAsync).WithName("CreateMeeting");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetMeeting");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateMeeting");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteMeeting");
        group.MapGet("/{id:guid}/prepare", async (Guid id, HttpContext http, MeetingService meetings, CancellationToken ct) =>
                (await meetings.PrepareAsync(http.Caller(), id, ct)).ToOk())
            .WithName("PrepareMeeting");
        group.MapGet("/{id:guid}/ics", CalendarFileAsync).WithName("GetMeetingCalendarFile")
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.ContentType)
            .WithDescription("The meeting as an iCalendar (.ics) file, without internal notes.");
        return api;
    }

    private static async Task<Results<Ok<Page<MeetingSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, MeetingService meetings, CancellationToken ct, Guid? accountId = null, DateOnly? from = null, DateOnly? to = null,
        MeetingStatus? status = null, bool descending = false, int? limit = null, string? cursor = null) =>
        (await meetings.ListAsync(http.Caller(), new MeetingListQuery(accountId, from, to, status, descending, limit, cursor), ct)).ToOk();

    private static async Task<Results<Created<MeetingView>, ProblemHttpResult>> CreateAsync(
        CreateMeetingInput input, HttpContext http, MeetingService meetings, CancellationToken ct)
    {
        var result = await meetings.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/meetings/{result.Value.Id}", result.Value);
    }

    /// <summary>Staff get the whole meeting; a client user gets it without the internal notes.</summary>
    private static async Task<Results<Ok<MeetingView>, Ok<ClientMeetingView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, MeetingService meetings, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.IsClient)
        {
            var client = await meetings.GetForClientAsync(caller, id, ct);
            if (!client.IsSuccess)
            {
                return client.Error.ToProblem();
            }

            http.SetETag(client.Value.Version);
            return TypedResults.Ok(client.Value);
        }

        var result = await meetings.GetAsync(caller, id, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> UpdateAsync(
        Guid id, MeetingInput input, HttpContext http, MeetingService meetings, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await meetings.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, MeetingService meetings, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await meetings.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }

    /// <summary>Also served to the browser's sign-in cookie at /downloads/meetings/{id}/ics (see DownloadsEndpoints).</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> CalendarFileAsync(
        Guid id, HttpContext http, MeetingService meetings, CancellationToken ct)
    {
        var result = await meetings.CalendarFileAsync(http.Caller(), id, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"meeting-{id}.ics\"";
        return TypedResults.Text(result.Value, $"{MeetingCalendar.ContentType}; charset=utf-8");
    }
}
