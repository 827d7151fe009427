using Liaison.Core.Common;
using Liaison.Core.Features.Time;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Time;

/// <summary>/api/v1/expenses.</summary>
public static class ExpensesApi
{
    public static RouteGroupBuilder MapExpensesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/expenses").WithTags("Time");
        group.MapGet("/", ListAsync).WithName("ListExpenses");
        group.MapPost("/", CreateAsync).WithName("CreateExpense");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetExpense");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateExpense");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteExpense");
        return api;
    }

    private static async Task<Results<Ok<Page<ExpenseView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ExpenseService expenses, CancellationToken ct, Guid? engagementId = null, Guid? accountId = null,
        Guid? staffId = null, DateOnly? from = null, DateOnly? to = null, int? limit = null, string? cursor = null) =>
        (await expenses.ListAsync(http.Caller(), new TimeEntryQuery(engagementId, accountId, staffId, from, to, limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<ExpenseView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, ExpenseService expenses, CancellationToken ct)
    {
        var result = await expenses.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Created<ExpenseView>, ProblemHttpResult>> CreateAsync(
        ExpenseInput input, HttpContext http, ExpenseService expenses, CancellationToken ct)
    {
        var result = await expenses.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/expenses/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<ExpenseView>, ProblemHttpResult>> UpdateAsync(
        Guid id, ExpenseInput input, HttpContext http, ExpenseService expenses, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        return (await expenses.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct)).ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, ExpenseService expenses, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await expenses.DeleteAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }
}
