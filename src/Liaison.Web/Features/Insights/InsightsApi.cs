using Liaison.Core.Common;
using Liaison.Core.Features.Insights;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Insights;

/// <summary>/api/v1/insights and the account's throttle at /api/v1/accounts/{id}/insight-limit.</summary>
public static class InsightsApi
{
    public static RouteGroupBuilder MapInsightsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights");
        group.MapGet("/", ListAsync).WithName("ListInsights");
        group.MapPost("/", CreateAsync).WithName("CreateInsight");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInsight");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateInsight");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteInsight");
        group.MapPost("/{id:guid}/share", ShareAsync).WithName("ShareInsight");

        var limit = api.MapGroup("/accounts/{id:guid}/insight-limit").WithTags("Insights");
        limit.MapGet("/", async (Guid id, HttpContext http, InsightService insights, CancellationToken ct) =>
            (await insights.GetLimitAsync(http.Caller(), id, ct)).ToOk()).WithName("GetInsightLimit");
        limit.MapPut("/", async (Guid id, InsightLimitInput input, HttpContext http, InsightService insights, CancellationToken ct) =>
            (await insights.SetLimitAsync(http.Caller(), id, input, ct)).ToOk()).WithName("SetInsightLimit");
        return api;
    }

    private static async Task<Results<Ok<Page<InsightSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, InsightService insights, CancellationToken ct, Guid? accountId = null, int? limit = null, string? cursor = null) =>
        (await insights.ListAsync(http.Caller(), new InsightListQuery(accountId, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<InsightView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, InsightService insights, CancellationToken ct)
    {
        var result = await insights.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<InsightView>, ProblemHttpResult>> CreateAsync(
        NewInsightInput input, HttpContext http, InsightService insights, CancellationToken ct)
    {
        var result = await insights.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/insights/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<InsightView>, ProblemHttpResult>> UpdateAsync(
        Guid id, InsightInput input, HttpContext http, InsightService insights, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await insights.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, InsightService insights, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await insights.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }

    /// <summary>Over the account's throttle without an override reason: 409 with the count and when a slot opens.</summary>
    private static async Task<Results<Ok<ShareResult>, ProblemHttpResult>> ShareAsync(
        Guid id, ShareInput input, HttpContext http, InsightService insights, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await insights.ShareAsync(http.Caller(), id, ifMatch.Optional, input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Insight.Version);
        return TypedResults.Ok(result.Value);
    }
}
