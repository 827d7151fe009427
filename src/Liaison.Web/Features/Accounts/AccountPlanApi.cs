using Liaison.Core.Features.Accounts;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Accounts;

/// <summary>/api/v1/accounts/{id}/plan: the account plan, internal to the agency.</summary>
public static class AccountPlanApi
{
    public static RouteGroupBuilder MapAccountPlanApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts/{id:guid}/plan").WithTags("Account plans");
        group.MapGet("/", GetAsync).WithName("GetAccountPlan")
            .WithDescription("The account's plan; an account without one answers an empty plan with ETag \"0\". Staff who see the account; clients get 403.");
        group.MapPut("/", SaveAsync).WithName("SaveAccountPlan")
            .WithDescription("Replaces the plan (the first save creates it). If-Match required: the ETag read, \"0\" for a plan not yet saved, or *.");
        return api;
    }

    private static async Task<Results<Ok<AccountPlanView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, AccountPlanService plans, CancellationToken ct)
    {
        var result = await plans.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<AccountPlanView>, ProblemHttpResult>> SaveAsync(
        Guid id, AccountPlanInput input, HttpContext http, AccountPlanService plans, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await plans.SaveAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }
}
