using Liaison.Core.Common;
using Liaison.Core.Features.Risks;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Risks;

/// <summary>/api/v1/risks: the risk register of accounts and engagements, its heat map and overdue reviews.</summary>
public static class RisksApi
{
    public static RouteGroupBuilder MapRisksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/risks").WithTags("Risks");
        group.MapGet("/", ListAsync).WithName("ListRisks")
            .WithDescription("Highest score first (sort=NextReview: earliest review first; sort=Newest: newest first). open=true: Open or Mitigating; overdueReview=true: open and the next review date is before today; mine=true: items you own; probability and impact: one heat-map cell.");
        group.MapPost("/", CreateAsync).WithName("CreateRisk")
            .WithDescription("kind=Issue: probability is 5 (it has happened); realisedRiskId names the risk of the same account it realised, which becomes Realised. The owner defaults to you.");
        group.MapGet("/heat-map", HeatMapAsync).WithName("GetRiskHeatMap")
            .WithDescription("Open risks counted by probability × impact (25 cells, probability 5 first); open issues and overdue reviews counted beside it. For an account, an engagement, or everything you see.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRisk");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRisk");
        group.MapPost("/{id:guid}/review", ReviewAsync).WithName("ReviewRisk")
            .WithDescription("The owner's review: sets today as the last review and the next review date; probability, impact, mitigation and status (Open or Mitigating) when given. If-Match is optional.");
        group.MapPost("/{id:guid}/escalate", EscalateAsync).WithName("EscalateRisk")
            .WithDescription("To a staff member (toStaffId) or a named person (to), now, by you; replaces an earlier escalation. If-Match is optional.");
        group.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseRisk")
            .WithDescription("A risk becomes Closed, an issue Resolved, today. If-Match is optional.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteRisk")
            .WithDescription("For entries recorded by mistake. Issues that named a deleted risk stay, unlinked; a risk only a deleted issue realised is open again.");
        return api;
    }

    private static async Task<Results<Ok<Page<RiskSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, RiskService risks, CancellationToken ct, Guid? accountId = null, Guid? engagementId = null, RiskKind? kind = null,
        RiskStatus? status = null, bool open = false, bool overdueReview = false, bool mine = false, int? probability = null, int? impact = null,
        RiskSort sort = RiskSort.Score, int? limit = null, string? cursor = null) =>
        (await risks.ListAsync(http.Caller(), new RiskListQuery(
            accountId, engagementId, kind, status, open, overdueReview, mine, probability, impact, sort, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<RiskHeatMap>, ProblemHttpResult>> HeatMapAsync(
        HttpContext http, RiskService risks, CancellationToken ct, Guid? accountId = null, Guid? engagementId = null) =>
        (await risks.HeatMapAsync(http.Caller(), accountId, engagementId, ct)).ToOk();

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, RiskService risks, CancellationToken ct)
    {
        var result = await risks.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<RiskView>, ProblemHttpResult>> CreateAsync(
        NewRiskInput input, HttpContext http, RiskService risks, CancellationToken ct)
    {
        var result = await risks.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/risks/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> UpdateAsync(
        Guid id, RiskInput input, HttpContext http, RiskService risks, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await risks.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static Task<Results<Ok<RiskView>, ProblemHttpResult>> ReviewAsync(
        Guid id, RiskReviewInput input, HttpContext http, RiskService risks, CancellationToken ct) =>
        ActAsync(http, version => risks.ReviewAsync(http.Caller(), id, version, input, ct));

    private static Task<Results<Ok<RiskView>, ProblemHttpResult>> EscalateAsync(
        Guid id, RiskEscalationInput input, HttpContext http, RiskService risks, CancellationToken ct) =>
        ActAsync(http, version => risks.EscalateAsync(http.Caller(), id, version, input, ct));

    private static Task<Results<Ok<RiskView>, ProblemHttpResult>> CloseAsync(Guid id, HttpContext http, RiskService risks, CancellationToken ct) =>
        ActAsync(http, version => risks.CloseAsync(http.Caller(), id, version, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, RiskService risks, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await risks.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }

    /// <summary>An action on one entry with an optional If-Match; answers the entry as it now is, with its ETag.</summary>
    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> ActAsync(HttpContext http, Func<long?, Task<Result<RiskView>>> act)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await act(ifMatch.Optional);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
