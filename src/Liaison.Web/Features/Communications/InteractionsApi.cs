using Liaison.Core.Common;
using Liaison.Core.Features.Communications;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Communications;

/// <summary>/api/v1/interactions: the account's communication log, queries among it.</summary>
public static class InteractionsApi
{
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/interactions").WithTags("Interactions");
        group.MapGet("/", ListAsync).WithName("ListInteractions")
            .WithDescription("Newest first. queriesOnly=true: only queries, answered or not; from/to: dates (UTC) inclusive.");
        group.MapPost("/", CreateAsync).WithName("CreateInteraction")
            .WithDescription("isQuery=true (inbound only) gives it a reply deadline from the account's SLA policy; the assignee defaults to the account manager. An outbound interaction with inReplyToId answers that query.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetInteraction");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateInteraction");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteInteraction")
            .WithDescription("Deleting a reply puts the query it answered back in the awaiting-reply queue.");
        return api;
    }

    private static async Task<Results<Ok<Page<InteractionSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, InteractionService interactions, CancellationToken ct, Guid? accountId = null, Guid? stakeholderId = null,
        InteractionChannel? channel = null, InteractionDirection? direction = null, bool queriesOnly = false, DateOnly? from = null,
        DateOnly? to = null, int? limit = null, string? cursor = null) =>
        (await interactions.ListAsync(
            http.Caller(), new InteractionListQuery(accountId, stakeholderId, channel, direction, queriesOnly, from, to, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<InteractionView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, InteractionService interactions, CancellationToken ct)
    {
        var result = await interactions.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<InteractionView>, ProblemHttpResult>> CreateAsync(
        NewInteractionInput input, HttpContext http, InteractionService interactions, CancellationToken ct)
    {
        var result = await interactions.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/interactions/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<InteractionView>, ProblemHttpResult>> UpdateAsync(
        Guid id, InteractionInput input, HttpContext http, InteractionService interactions, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await interactions.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, InteractionService interactions, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await interactions.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }
}
