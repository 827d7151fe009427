using Liaison.Core.Common;
using Liaison.Core.Features.Engagements;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Engagements;

/// <summary>/api/v1/engagements: initiation, hand-off, status, budget.</summary>
public static class EngagementsApi
{
    public static RouteGroupBuilder MapEngagementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/engagements").WithTags("Engagements");
        group.MapGet("/", ListAsync).WithName("ListEngagements");
        group.MapPost("/", CreateAsync).WithName("CreateEngagement");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEngagement");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateEngagement");
        group.MapPost("/{id:guid}/rag", (Guid id, RagInput input, HttpContext http, EngagementService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.SetRagAsync(http.Caller(), id, v, input, ct))).WithName("SetEngagementRag");
        group.MapPost("/{id:guid}/status", (Guid id, StatusInput input, HttpContext http, EngagementService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.SetStatusAsync(http.Caller(), id, v, input, ct))).WithName("SetEngagementStatus");
        group.MapPost("/{id:guid}/progress", (Guid id, ProgressInput input, HttpContext http, EngagementService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.SetProgressAsync(http.Caller(), id, v, input, ct))).WithName("SetEngagementProgress");
        group.MapPost("/{id:guid}/hand-off", (Guid id, HttpContext http, HandOffService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.SendAsync(http.Caller(), id, v, ct))).WithName("SendHandOff");
        group.MapPost("/{id:guid}/hand-off/acknowledge", (Guid id, AcknowledgeInput input, HttpContext http, HandOffService s, CancellationToken ct) =>
            ChangeAsync(http, v => s.AcknowledgeAsync(http.Caller(), id, v, input, ct))).WithName("AcknowledgeHandOff");
        group.MapPost("/{id:guid}/hand-off/questions/{questionId:guid}/answer",
            async (Guid id, Guid questionId, AnswerInput input, HttpContext http, HandOffService s, CancellationToken ct) =>
                (await s.AnswerAsync(http.Caller(), id, questionId, input, ct)).ToOk()).WithName("AnswerHandOffQuestion");
        group.MapGet("/{id:guid}/budget", GetBudgetAsync).WithName("GetBudget");
        group.MapPut("/{id:guid}/budget", UpdateBudgetAsync).WithName("UpdateBudget");
        return api;
    }

    private static async Task<Results<Ok<Page<EngagementSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, EngagementService engagements, CancellationToken ct, Guid? accountId = null, EngagementStatus? status = null,
        string? search = null, bool mine = false, EngagementSort sort = EngagementSort.Name, bool descending = false,
        int? limit = null, string? cursor = null) =>
        (await engagements.ListAsync(http.Caller(), new EngagementListQuery(accountId, status, search, mine, sort, descending, limit, cursor), ct)).ToOk();

    private static async Task<Results<Created<EngagementView>, ProblemHttpResult>> CreateAsync(
        CreateEngagementInput input, HttpContext http, EngagementService engagements, CancellationToken ct)
    {
        var result = await engagements.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/engagements/{result.Value.Id}", result.Value);
    }

    /// <summary>Staff get the whole engagement; a client user gets the client's view of it, without notes or hand-off.</summary>
    private static async Task<Results<Ok<EngagementView>, Ok<ClientEngagementView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, EngagementService engagements, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.IsClient)
        {
            var client = await engagements.GetForClientAsync(caller, id, ct);
            if (!client.IsSuccess)
            {
                return client.Error.ToProblem();
            }

            http.SetETag(client.Value.Version);
            return TypedResults.Ok(client.Value);
        }

        var result = await engagements.GetAsync(caller, id, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Ok(result.Value);
    }

    private static Task<Results<Ok<EngagementView>, ProblemHttpResult>> UpdateAsync(
        Guid id, EngagementInput input, HttpContext http, EngagementService engagements, CancellationToken ct) =>
        ChangeAsync(http, v => engagements.UpdateAsync(http.Caller(), id, v, input, ct), required: true);

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> GetBudgetAsync(
        Guid id, HttpContext http, BudgetService budgets, CancellationToken ct)
    {
        var result = await budgets.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> UpdateBudgetAsync(
        Guid id, BudgetInput input, HttpContext http, BudgetService budgets, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await budgets.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    /// <summary>
    /// An action on the engagement. If-Match is optional for actions (they are checked against the
    /// current state anyway) and required for the full update, which would overwrite fields.
    /// </summary>
    private static async Task<Results<Ok<EngagementView>, ProblemHttpResult>> ChangeAsync(
        HttpContext http, Func<long?, Task<Result<EngagementView>>> change, bool required = false)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await change(required ? ifMatch.Required : ifMatch.Optional);
        return required
            ? result.ToUpdateResponse(http, ifMatch, r => r.Version)
            : result.IsSuccess ? Ok(http, result.Value) : result.Error.ToProblem(versionFromIfMatch: true);
    }

    private static Ok<EngagementView> Ok(HttpContext http, EngagementView view)
    {
        http.SetETag(view.Version);
        return TypedResults.Ok(view);
    }
}
