using Liaison.Core.Common;
using Liaison.Core.Features.Time;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Time;

/// <summary>/api/v1/time-entries, the week grid and /api/v1/time-locks.</summary>
public static class TimeApi
{
    public static RouteGroupBuilder MapTimeApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/time-entries").WithTags("Time");
        group.MapGet("/", ListAsync).WithName("ListTimeEntries");
        group.MapPost("/", CreateAsync).WithName("CreateTimeEntry");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTimeEntry");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTimeEntry");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTimeEntry");
        group.MapGet("/week", async (HttpContext http, TimeService time, TimeProvider clock, CancellationToken ct, DateOnly? date = null, Guid? staffId = null) =>
                (await time.GetWeekAsync(http.Caller(), staffId, date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct)).ToOk())
            .WithName("GetTimeWeek");
        group.MapPut("/week", async (WeekInput input, HttpContext http, TimeService time, CancellationToken ct) =>
            (await time.SaveWeekAsync(http.Caller(), input, ct)).ToOk()).WithName("SaveTimeWeek");

        var locks = api.MapGroup("/time-locks").WithTags("Time");
        locks.MapGet("/", async (HttpContext http, MonthLockService service, CancellationToken ct) =>
            (await service.ListAsync(http.Caller(), ct)).ToOk()).WithName("ListTimeLocks");
        locks.MapPost("/", async Task<Results<Created<MonthLockView>, ProblemHttpResult>> (LockInput input, HttpContext http, MonthLockService service, CancellationToken ct) =>
        {
            var result = await service.LockAsync(http.Caller(), input, ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/time-locks/{result.Value.Month:yyyy-MM-dd}", result.Value)
                : result.Error.ToProblem();
        }).WithName("LockMonth");
        locks.MapDelete("/{month}", async Task<Results<NoContent, ProblemHttpResult>> (string month, HttpContext http, MonthLockService service, CancellationToken ct) =>
            DateOnly.TryParseExact(month, "yyyy-MM-dd", out var day)
                ? (await service.UnlockAsync(http.Caller(), day, ct)).ToNoContent()
                : Error.Invalid("month", "Give the month as its first day, e.g. 2026-03-01.").ToProblem())
            .WithName("UnlockMonth");
        return api;
    }

    private static async Task<Results<Ok<Page<TimeEntryView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, TimeService time, CancellationToken ct, Guid? engagementId = null, Guid? accountId = null,
        Guid? staffId = null, DateOnly? from = null, DateOnly? to = null, int? limit = null, string? cursor = null) =>
        (await time.ListAsync(http.Caller(), new TimeEntryQuery(engagementId, accountId, staffId, from, to, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<TimeEntryView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, TimeService time, CancellationToken ct)
    {
        var result = await time.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<TimeEntryView>, ProblemHttpResult>> CreateAsync(
        TimeEntryInput input, HttpContext http, TimeService time, CancellationToken ct)
    {
        var result = await time.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/time-entries/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<TimeEntryView>, ProblemHttpResult>> UpdateAsync(
        Guid id, TimeEntryInput input, HttpContext http, TimeService time, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        return (await time.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct)).ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, TimeService time, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await time.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }
}
