using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;

namespace Liaison.Web.Features.Deliverables;

/// <summary>
/// /api/v1/deliverables: the work of engagements on its way through the filter to the client. Staff get
/// the agency's view; a client user gets the client's view of the deliverables sent to them. The OpenAPI
/// document shows one 200 schema per operation, the agency's (the last of each Results list).
/// </summary>
public static class DeliverablesApi
{
    public static RouteGroupBuilder MapDeliverablesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deliverables").WithTags("Deliverables");
        group.MapGet("/", ListAsync).WithName("ListDeliverables")
            .WithDescription("By due date, undated last. open=true: not yet delivered; mine=true: assigned to you or yours to review. A client user gets ClientDeliverableSummary items: the deliverables sent to them.");
        group.MapPost("/", CreateAsync).WithName("CreateDeliverable");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDeliverable")
            .WithDescription("Staff: everything, with allowedTransitions for the caller. A client user gets ClientDeliverableView: the client rounds with their comments, the versions they were shown, the client approval and allowedTransitions; no brief, notes, internal rounds or history.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateDeliverable");
        group.MapGet("/{id:guid}/transitions", GetTransitionsAsync).WithName("GetDeliverableTransitions")
            .WithDescription("The history of moves and the states the caller may move it to now.");
        group.MapPost("/{id:guid}/transitions", TransitionAsync).WithName("TransitionDeliverable")
            .WithDescription("Moves it to `to` (with `comment`; `stakeholderId` when staff record the client's decision). A move the state does not allow is 409 with the caller's allowed states in `allowed`; a move the caller may not make is 403. If-Match is optional. A client user gets ClientDeliverableView back.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/versions", ListVersionsAsync).WithName("ListDeliverableVersions")
            .WithDescription("Oldest first, each with shownToClient. A client user gets ClientVersionView items: only the versions a client review showed them, without notes.");
        // Bearer tokens only (see ApiModule), so there is no cookie for a forged form to ride on.
        group.MapPost("/{id:guid}/versions", DeliverableFilesApi.AddVersionAsync).WithName("AddDeliverableVersion")
            .WithDescription("The next version, while the work is in progress (409 otherwise): JSON with a link, or multipart/form-data with the file "
                + "(`file`, at most Liaison:Files:MaxUploadBytes, 50 MB by default; the type is read from the content, markup is refused) and "
                + "optionally `notes` and `linkUrl`. If-Match is optional.")
            .DisableAntiforgery()
            .AddOpenApiOperationTransformer(DeliverableFilesApi.DescribeVersionBodyAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:guid}/versions/{versionId:guid}/file", DeliverableFilesApi.DownloadAsync).WithName("DownloadDeliverableVersionFile")
            .WithDescription("A version's file, always as an attachment. Staff who can see the deliverable get any version's; a client user only those of versions shown to them.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream");
        group.MapPost("/{id:guid}/comments", AddCommentAsync).WithName("AddDeliverableComment")
            .WithDescription("A comment in the open review round (409 when none is open). If-Match is optional. A client user gets ClientDeliverableView back.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Page<ClientDeliverableSummary>>, Ok<Page<DeliverableSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, DeliverableService deliverables, CancellationToken ct, Guid? accountId = null, Guid? engagementId = null,
        DeliverableState? state = null, bool mine = false, bool open = false, int? limit = null, string? cursor = null)
    {
        var caller = http.Caller();
        var query = new DeliverableListQuery(accountId, engagementId, state, mine, open, limit, cursor);
        if (caller.IsClient)
        {
            var client = await deliverables.ListForClientAsync(caller, query, ct);
            return client.IsSuccess ? TypedResults.Ok(client.Value) : client.Error.ToProblem();
        }

        var result = await deliverables.ListAsync(caller, query, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<DeliverableDetails>, ProblemHttpResult>> CreateAsync(
        NewDeliverableInput input, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var result = await deliverables.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/deliverables/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<ClientDeliverableView>, Ok<DeliverableDetails>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.IsClient)
        {
            return Respond(http, await deliverables.GetForClientAsync(caller, id, ct), c => c.Version);
        }

        return Respond(http, await deliverables.GetAsync(caller, id, ct), d => d.Version);
    }

    private static async Task<Results<Ok<DeliverableDetails>, ProblemHttpResult>> UpdateAsync(
        Guid id, EditDeliverableInput input, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await deliverables.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<Ok<TransitionsView>, ProblemHttpResult>> GetTransitionsAsync(
        Guid id, HttpContext http, DeliverableService deliverables, CancellationToken ct) =>
        (await deliverables.GetTransitionsAsync(http.Caller(), id, ct)).ToOk();

    private static async Task<Results<Ok<ClientDeliverableView>, Ok<DeliverableDetails>, ProblemHttpResult>> TransitionAsync(
        Guid id, TransitionInput input, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var caller = http.Caller();
        if (caller.IsClient)
        {
            return Respond(http, await deliverables.TransitionForClientAsync(caller, id, ifMatch.Optional, input, ct), c => c.Version, fromIfMatch: true);
        }

        return Respond(http, await deliverables.TransitionAsync(caller, id, ifMatch.Optional, input, ct), d => d.Version, fromIfMatch: true);
    }

    private static async Task<Results<Ok<Page<ClientVersionView>>, Ok<Page<VersionView>>, ProblemHttpResult>> ListVersionsAsync(
        Guid id, HttpContext http, DeliverableService deliverables, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var caller = http.Caller();
        var page = new PageRequest(limit, cursor);
        if (caller.IsClient)
        {
            var client = await deliverables.ListVersionsForClientAsync(caller, id, page, ct);
            return client.IsSuccess ? TypedResults.Ok(client.Value) : client.Error.ToProblem();
        }

        var result = await deliverables.ListVersionsAsync(caller, id, page, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ClientDeliverableView>, Ok<DeliverableDetails>, ProblemHttpResult>> AddCommentAsync(
        Guid id, DeliverableCommentInput input, HttpContext http, DeliverableService deliverables, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var caller = http.Caller();
        if (caller.IsClient)
        {
            return Respond(http, await deliverables.AddCommentForClientAsync(caller, id, ifMatch.Optional, input, ct), c => c.Version, fromIfMatch: true);
        }

        return Respond(http, await deliverables.AddCommentAsync(caller, id, ifMatch.Optional, input, ct), d => d.Version, fromIfMatch: true);
    }

    /// <summary>200 with the caller's view and its ETag, or the problem.</summary>
    private static Results<Ok<ClientDeliverableView>, Ok<DeliverableDetails>, ProblemHttpResult> Respond<T>(
        HttpContext http, Result<T> result, Func<T, long> version, bool fromIfMatch = false)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: fromIfMatch);
        }

        http.SetETag(version(result.Value));
        return result.Value switch
        {
            ClientDeliverableView client => TypedResults.Ok(client),
            DeliverableDetails details => TypedResults.Ok(details),
            _ => throw new InvalidOperationException($"No response for {typeof(T).Name}."),
        };
    }
}
