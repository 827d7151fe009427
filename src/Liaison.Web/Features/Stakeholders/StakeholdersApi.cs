using Liaison.Core.Common;
using Liaison.Core.Features.Stakeholders;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Stakeholders;

/// <summary>/api/v1/accounts/{accountId}/stakeholders.</summary>
public static class StakeholdersApi
{
    public static RouteGroupBuilder MapStakeholdersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts/{accountId:guid}/stakeholders").WithTags("Stakeholders");
        group.MapGet("/", ListAsync).WithName("ListStakeholders");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetStakeholder");
        group.MapPost("/", CreateAsync).WithName("CreateStakeholder");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateStakeholder");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteStakeholder");
        api.MapGet("/accounts/{accountId:guid}/stakeholder-coverage",
                async (Guid accountId, HttpContext http, StakeholderService stakeholders, CancellationToken ct, int? days = null) =>
                    (await stakeholders.CoverageAsync(http.Caller(), accountId, days, ct)).ToOk())
            .WithTags("Stakeholders").WithName("GetStakeholderCoverage")
            .WithDescription("Each stakeholder's last touch (interaction or held meeting) and how many key stakeholders were touched in the last `days` (default 30).");
        return api;
    }

    private static async Task<Results<Ok<Page<StakeholderView>>, ProblemHttpResult>> ListAsync(
        Guid accountId, HttpContext http, StakeholderService stakeholders, CancellationToken ct,
        string? search = null, Support? support = null, StakeholderRole? role = null,
        StakeholderSort sort = StakeholderSort.Name, bool descending = false, int? limit = null, string? cursor = null)
    {
        var query = new StakeholderListQuery(search, support, role, sort, descending, limit, cursor);
        return (await stakeholders.ListAsync(http.Caller(), accountId, query, ct)).ToOk();
    }

    private static async Task<Results<Ok<StakeholderView>, ProblemHttpResult>> GetAsync(
        Guid accountId, Guid id, HttpContext http, StakeholderService stakeholders, CancellationToken ct)
    {
        var result = await stakeholders.GetAsync(http.Caller(), accountId, id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<StakeholderView>, ProblemHttpResult>> CreateAsync(
        Guid accountId, StakeholderInput input, HttpContext http, StakeholderService stakeholders, CancellationToken ct)
    {
        var result = await stakeholders.CreateAsync(http.Caller(), accountId, input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/accounts/{accountId}/stakeholders/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<StakeholderView>, ProblemHttpResult>> UpdateAsync(
        Guid accountId, Guid id, StakeholderInput input, HttpContext http, StakeholderService stakeholders, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await stakeholders.UpdateAsync(http.Caller(), accountId, id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid accountId, Guid id, HttpContext http, StakeholderService stakeholders, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await stakeholders.DeleteAsync(http.Caller(), accountId, id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }
}
