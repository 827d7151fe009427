using Liaison.Core.Common;
using Liaison.Core.Features.Deliverables;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Deliverables;

/// <summary>/api/v1/requests: what clients asked for, with its brief, and what triage made of it.</summary>
public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Requests");
        group.MapGet("/", ListAsync).WithName("ListRequests")
            .WithDescription("Newest first. untriaged=true: only requests waiting for triage.");
        group.MapPost("/", CreateAsync).WithName("CreateRequest");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRequest");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRequest")
            .WithDescription("Edits the brief until the request is triaged (409 after).");
        group.MapPost("/{id:guid}/triage", TriageAsync).WithName("TriageRequest")
            .WithDescription("Once: outcome Deliverables (engagementId and deliverables[], made from the brief in one transaction), ChangeRequest (changeRequestId optional) or Declined (reason). A second triage is 409. If-Match is optional.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Page<ClientRequestSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ClientRequestService requests, CancellationToken ct, Guid? accountId = null, Guid? engagementId = null,
        Guid? stakeholderId = null, RequestOutcome? outcome = null, bool untriaged = false, int? limit = null, string? cursor = null) =>
        (await requests.ListAsync(
            http.Caller(), new ClientRequestListQuery(accountId, engagementId, stakeholderId, outcome, untriaged, limit, cursor), ct)).ToOk();

    private static async Task<Results<Created<ClientRequestView>, ProblemHttpResult>> CreateAsync(
        NewClientRequestInput input, HttpContext http, ClientRequestService requests, CancellationToken ct)
    {
        var result = await requests.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/requests/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<ClientRequestView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, ClientRequestService requests, CancellationToken ct)
    {
        var result = await requests.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<ClientRequestView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ClientRequestInput input, HttpContext http, ClientRequestService requests, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await requests.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<Ok<ClientRequestView>, ProblemHttpResult>> TriageAsync(
        Guid id, RequestTriageInput input, HttpContext http, ClientRequestService requests, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await requests.TriageAsync(http.Caller(), id, ifMatch.Optional, input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
