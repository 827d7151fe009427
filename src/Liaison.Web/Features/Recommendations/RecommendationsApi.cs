using System.Text.Json;
using Liaison.Core.Common;
using Liaison.Core.Features.Recommendations;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Recommendations;

/// <summary>/api/v1/recommendations: the agency's advice, its presentation, the client's decision and the acceptance view.</summary>
public static class RecommendationsApi
{
    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/recommendations").WithTags("Recommendations");
        group.MapGet("/", ListAsync).WithName("ListRecommendations");
        group.MapPost("/", CreateAsync).WithName("CreateRecommendation");
        group.MapGet("/acceptance", AcceptanceAsync).WithName("GetRecommendationAcceptance");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRecommendation");
        group.MapPut("/{id:guid}", (Guid id, RecommendationInput input, HttpContext http, RecommendationService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.UpdateAsync(http.Caller(), id, v, input, ct), required: true)).WithName("UpdateRecommendation");
        // The body ({ "presentedOn" }) is optional: a bare POST presents today. It is read here rather
        // than bound, because a bound or declared JSON body makes routing refuse a request without one.
        group.MapPost("/{id:guid}/present", PresentAsync).WithName("PresentRecommendation");
        group.MapPost("/{id:guid}/decision", (Guid id, DecisionInput input, HttpContext http, RecommendationService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.DecideAsync(http.Caller(), id, v, input, ct))).WithName("DecideRecommendation");
        return api;
    }

    private static async Task<Results<Ok<Page<RecommendationSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, RecommendationService recommendations, CancellationToken ct,
        Guid? accountId = null, ClientDecision? decision = null, int? limit = null, string? cursor = null) =>
        (await recommendations.ListAsync(http.Caller(), new RecommendationListQuery(accountId, decision, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> PresentAsync(
        Guid id, HttpContext http, RecommendationService recommendations, CancellationToken ct)
    {
        PresentInput? input = null;
        if (http.Request.HasJsonContentType() && http.Request.ContentLength != 0)
        {
            try
            {
                input = await http.Request.ReadFromJsonAsync<PresentInput>(ct);
            }
            catch (JsonException)
            {
                return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid request",
                    "The body must be empty or {\"presentedOn\": \"yyyy-MM-dd\"}.");
            }
        }

        return await ChangeAsync(http, v => recommendations.PresentAsync(http.Caller(), id, v, input, ct));
    }

    private static async Task<Results<Ok<AcceptanceView>, ProblemHttpResult>> AcceptanceAsync(
        HttpContext http, RecommendationService recommendations, CancellationToken ct, Guid? accountId = null) =>
        (await recommendations.AcceptanceAsync(http.Caller(), accountId, ct)).ToOk();

    private static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, RecommendationService recommendations, CancellationToken ct)
    {
        var result = await recommendations.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<RecommendationView>, ProblemHttpResult>> CreateAsync(
        NewRecommendationInput input, HttpContext http, RecommendationService recommendations, CancellationToken ct)
    {
        var result = await recommendations.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/recommendations/{result.Value.Id}", result.Value);
    }

    /// <summary>If-Match is required for the full update, optional for the actions (checked against the state anyway).</summary>
    private static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> ChangeAsync(
        HttpContext http, Func<long?, Task<Result<RecommendationView>>> change, bool required = false)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await change(required ? ifMatch.Required : ifMatch.Optional);
        if (required)
        {
            return result.ToUpdateResponse(http, ifMatch, r => r.Version);
        }

        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
