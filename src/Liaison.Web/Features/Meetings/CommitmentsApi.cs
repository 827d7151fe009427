using Liaison.Core.Common;
using Liaison.Core.Features.Meetings;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Meetings;

/// <summary>/api/v1/commitments and /api/v1/accounts/{id}/reliability: promises of both sides and how well each keeps them.</summary>
public static class CommitmentsApi
{
    public static RouteGroupBuilder MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/commitments").WithTags("Commitments");
        group.MapGet("/", ListAsync).WithName("ListCommitments")
            .WithDescription("By due date. overdue=true: open or slipped and due before today; dueWithinDays=7: open or slipped and due from today to a week ahead; mine=true: agency commitments you own; pending=true: open or slipped.");
        group.MapPost("/", CreateAsync).WithName("CreateCommitment");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCommitment");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateCommitment");
        group.MapPost("/{id:guid}/updates", AddUpdateAsync).WithName("AddCommitmentUpdate")
            .WithDescription("Logs progress, optionally changing the status; Done sets the done date to today unless one is given. If-Match is optional.");
        api.MapGet("/accounts/{id:guid}/reliability", async (Guid id, HttpContext http, CommitmentService commitments, CancellationToken ct) =>
                (await commitments.ReliabilityAsync(http.Caller(), id, ct)).ToOk())
            .WithTags("Commitments").WithName("GetAccountReliability")
            .WithDescription("Each side's commitments done on time ÷ commitments due over the last 90 days.");
        return api;
    }

    private static async Task<Results<Ok<Page<CommitmentSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, CommitmentService commitments, CancellationToken ct, Guid? accountId = null, CommitmentSide? side = null,
        CommitmentStatus? status = null, bool overdue = false, int? dueWithinDays = null, bool mine = false, bool pending = false, int? limit = null, string? cursor = null) =>
        (await commitments.ListAsync(
            http.Caller(), new CommitmentListQuery(accountId, side, status, overdue, dueWithinDays, mine, limit, cursor, pending), ct)).ToOk();

    private static async Task<Results<Created<CommitmentView>, ProblemHttpResult>> CreateAsync(
        CreateCommitmentInput input, HttpContext http, CommitmentService commitments, CancellationToken ct)
    {
        var result = await commitments.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/commitments/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<CommitmentView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, CommitmentService commitments, CancellationToken ct)
    {
        var result = await commitments.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<CommitmentView>, ProblemHttpResult>> UpdateAsync(
        Guid id, CommitmentInput input, HttpContext http, CommitmentService commitments, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await commitments.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<Ok<CommitmentView>, ProblemHttpResult>> AddUpdateAsync(
        Guid id, CommitmentUpdateInput input, HttpContext http, CommitmentService commitments, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await commitments.AddUpdateAsync(http.Caller(), id, ifMatch.Optional, input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(versionFromIfMatch: true);
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }
}
