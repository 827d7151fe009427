using Liaison.Core.Common;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.ChangeRequests;

/// <summary>/api/v1/change-requests: scope changes proposed, decided and applied; and an engagement's scope log.</summary>
public static class ChangeRequestsApi
{
    public static RouteGroupBuilder MapChangeRequestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/change-requests").WithTags("Change requests");
        group.MapGet("/", ListAsync).WithName("ListChangeRequests")
            .WithDescription("Newest first. A client user gets their account's proposed and decided change requests, never drafts or internal notes.");
        group.MapPost("/", CreateAsync).WithName("CreateChangeRequest")
            .WithDescription("Drafts a change request on an engagement in hand-off, delivery or on hold. Give requestedByStakeholderId or requestedByStaffId. Hours in minutes and the fee change in minor units may be negative; a retainer's change requests move only its end date.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetChangeRequest");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateChangeRequest")
            .WithDescription("Drafts only: a proposed change request is frozen, so the client decides on what was proposed.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteChangeRequest").WithDescription("Drafts only.");
        group.MapPost("/{id:guid}/propose", (Guid id, HttpContext http, ChangeRequestService s, CancellationToken ct) =>
            ActAsync(http, v => s.ProposeAsync(http.Caller(), id, v, ct))).WithName("ProposeChangeRequest")
            .WithDescription("Puts a draft to the client (account managers and admins); the client can now see it and decide.");
        group.MapPost("/{id:guid}/approve", (Guid id, ChangeRequestDecisionInput input, HttpContext http, ChangeRequestService s, CancellationToken ct) =>
            ActAsync(http, v => s.ApproveAsync(http.Caller(), id, v, input, ct))).WithName("ApproveChangeRequest")
            .WithDescription("The client's yes, by a client user of the account or recorded by staff (stakeholderId: who at the client decided). apply=true (account managers and admins) also applies it, in the same transaction. Send {} for a bare approval.");
        group.MapPost("/{id:guid}/reject", (Guid id, ChangeRequestDecisionInput input, HttpContext http, ChangeRequestService s, CancellationToken ct) =>
            ActAsync(http, v => s.RejectAsync(http.Caller(), id, v, input, ct))).WithName("RejectChangeRequest")
            .WithDescription("The client's no; the change request stays in the log. Send {} for a bare rejection.");
        group.MapPost("/{id:guid}/apply", (Guid id, HttpContext http, ChangeRequestService s, CancellationToken ct) =>
            ActAsync(http, v => s.ApplyAsync(http.Caller(), id, v, ct))).WithName("ApplyChangeRequest")
            .WithDescription("Moves the engagement's budget and end date by an approved change, in one audited transaction: a fixed fee by the fee change, a time-and-materials hours cap by the hours.");

        api.MapGet("/engagements/{id:guid}/scope", ScopeAsync).WithTags("Change requests").WithName("GetEngagementScope")
            .WithDescription("Original scope, each approved change, current scope and growth. Fees of the original and current scope and of growth are for admins, account managers and project managers.");
        return api;
    }

    private static async Task<Results<Ok<Page<ChangeRequestView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ChangeRequestService changes, CancellationToken ct, Guid? engagementId = null, Guid? accountId = null,
        ChangeRequestState? state = null, int? limit = null, string? cursor = null) =>
        (await changes.ListAsync(http.Caller(), new ChangeRequestListQuery(engagementId, accountId, state, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<ChangeRequestView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, ChangeRequestService changes, CancellationToken ct)
    {
        var result = await changes.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<ChangeRequestView>, ProblemHttpResult>> CreateAsync(
        NewChangeRequestInput input, HttpContext http, ChangeRequestService changes, CancellationToken ct)
    {
        var result = await changes.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/change-requests/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<ChangeRequestView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ChangeRequestInput input, HttpContext http, ChangeRequestService changes, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await changes.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext http, ChangeRequestService changes, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await changes.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }

    private static async Task<Results<Ok<ScopeLog>, ProblemHttpResult>> ScopeAsync(
        Guid id, HttpContext http, ChangeRequestService changes, CancellationToken ct) =>
        (await changes.ScopeAsync(http.Caller(), id, ct)).ToOk();

    /// <summary>A step of the change request's life. If-Match is optional: the step is checked against its current state anyway.</summary>
    private static async Task<Results<Ok<ChangeRequestView>, ProblemHttpResult>> ActAsync(
        HttpContext http, Func<long?, Task<Result<ChangeRequestView>>> act)
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
