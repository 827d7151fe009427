using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Communications;

/// <summary>The response SLA: the awaiting-reply queue, reply-time figures and each account's SLA policy.</summary>
public static class RepliesApi
{
    public static RouteGroupBuilder MapRepliesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/queries/awaiting-reply", AwaitingAsync).WithTags("Interactions").WithName("ListAwaitingReply")
            .WithDescription("Queries without a reply, the nearest deadline first; businessMinutesLeft turns negative once breached. mine=true: assigned to you.");
        api.MapGet("/accounts/{id:guid}/reply-times", async (Guid id, HttpContext http, ReplyQueueService replies, CancellationToken ct, int? days = null) =>
                (await replies.ForAccountAsync(http.Caller(), id, days, ct)).ToOk())
            .WithTags("Interactions").WithName("GetAccountReplyTimes")
            .WithDescription("Median and 90th-percentile reply time in business minutes of the queries received in the last `days` (default 90).");
        api.MapGet("/reply-times/by-account-manager", async (HttpContext http, ReplyQueueService replies, CancellationToken ct, int? days = null) =>
                (await replies.ByAccountManagerAsync(http.Caller(), days, ct)).ToOk())
            .WithTags("Interactions").WithName("GetReplyTimesByAccountManager")
            .WithDescription("The same figures per account manager, over the accounts you can see.");

        var policy = api.MapGroup("/accounts/{id:guid}/sla-policy").WithTags("Interactions");
        policy.MapGet("/", GetPolicyAsync).WithName("GetSlaPolicy")
            .WithDescription("isDefault=true: the account has no policy of its own (version 0).");
        policy.MapPut("/", SetPolicyAsync).WithName("SetSlaPolicy")
            .WithDescription("Sets the policy for queries logged from now on; If-Match is optional (\"0\" while on the defaults).");
        return api;
    }

    private static async Task<Results<Ok<Page<AwaitingReply>>, ProblemHttpResult>> AwaitingAsync(
        HttpContext http, ReplyQueueService replies, CancellationToken ct, Guid? accountId = null, bool mine = false, int? limit = null,
        string? cursor = null) =>
        (await replies.AwaitingAsync(http.Caller(), new AwaitingReplyQuery(accountId, mine, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> GetPolicyAsync(
        Guid id, HttpContext http, SlaPolicyService policies, CancellationToken ct)
    {
        var result = await policies.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> SetPolicyAsync(
        Guid id, SlaPolicyInput input, HttpContext http, SlaPolicyService policies, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await policies.SetAsync(http.Caller(), id, ifMatch.Optional, input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
