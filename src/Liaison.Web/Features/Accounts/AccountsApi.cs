using Liaison.Core.Common;
using Liaison.Core.Features.Accounts;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Accounts;

/// <summary>/api/v1/accounts and each account's team.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("Accounts");
        group.MapGet("/", ListAsync).WithName("ListAccounts");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAccount");
        group.MapGet("/{id:guid}/overview", OverviewAsync).WithName("GetAccountOverview")
            .WithDescription("The account at a glance, for the agency (a client user: 403): engagements in flight by RAG, time this month and over twelve months (with its value for those who see money), open and breached queries, commitments, deliverables with the filter or the client, open risks and issues.");
        group.MapPost("/", CreateAsync).WithName("CreateAccount");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAccount");
        group.MapDelete("/{id:guid}", ArchiveAsync).WithName("ArchiveAccount")
            .WithDescription("Archives the account: it leaves the default lists and keeps its history.");
        group.MapPost("/{id:guid}/restore", RestoreAsync).WithName("RestoreAccount");
        group.MapGet("/{id:guid}/team", ListTeamAsync).WithName("ListAccountTeam");
        group.MapPost("/{id:guid}/team", AddTeamMemberAsync).WithName("AddAccountTeamMember");
        group.MapDelete("/{id:guid}/team/{staffId:guid}", RemoveTeamMemberAsync).WithName("RemoveAccountTeamMember");
        return api;
    }

    private static async Task<Results<Ok<Page<AccountSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext http, AccountService accounts, CancellationToken ct,
        string? search = null, AccountStatus? status = null, AccountTier? tier = null, Guid? accountManagerId = null,
        bool includeArchived = false, AccountSort sort = AccountSort.Name, bool descending = false, int? limit = null, string? cursor = null)
    {
        var query = new AccountListQuery(search, status, tier, accountManagerId, includeArchived, sort, descending, limit, cursor);
        return (await accounts.ListAsync(http.Caller(), query, ct)).ToOk();
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        var result = await accounts.GetAsync(http.Caller(), id, ct);
        if (result.IsSuccess)
        {
            http.SetETag(result.Value.Version);
        }

        return result.ToOk();
    }

    private static async Task<Results<Ok<AccountOverview>, ProblemHttpResult>> OverviewAsync(
        Guid id, HttpContext http, AccountOverviewService overviews, CancellationToken ct) =>
        (await overviews.GetAsync(http.Caller(), id, ct)).ToOk();

    private static async Task<Results<Created<AccountDetails>, ProblemHttpResult>> CreateAsync(
        AccountInput input, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        var result = await accounts.CreateAsync(http.Caller(), input, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        http.SetETag(result.Value.Version);
        return TypedResults.Created($"/api/v1/accounts/{result.Value.Id}", result.Value);
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> UpdateAsync(
        Guid id, AccountInput input, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await accounts.UpdateAsync(http.Caller(), id, ifMatch.Required, input, ct);
        return result.ToUpdateResponse(http, ifMatch, r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        Guid id, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        var ifMatch = http.ReadIfMatch();
        if (ifMatch.IsMalformed)
        {
            return ETags.MalformedIfMatch();
        }

        var result = await accounts.ArchiveAsync(http.Caller(), id, ifMatch.Optional, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(versionFromIfMatch: true);
    }

    private static async Task<Results<Ok<AccountDetails>, ProblemHttpResult>> RestoreAsync(
        Guid id, HttpContext http, AccountService accounts, CancellationToken ct) =>
        (await accounts.RestoreAsync(http.Caller(), id, ct)).ToOk();

    private static async Task<Results<Ok<Page<TeamMemberView>>, ProblemHttpResult>> ListTeamAsync(
        Guid id, HttpContext http, AccountService accounts, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await accounts.ListTeamAsync(http.Caller(), id, new PageRequest(limit, cursor), ct)).ToOk();

    private static async Task<Results<Ok<TeamMemberView>, ProblemHttpResult>> AddTeamMemberAsync(
        Guid id, TeamMemberInput input, HttpContext http, AccountService accounts, CancellationToken ct) =>
        (await accounts.AddTeamMemberAsync(http.Caller(), id, input, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveTeamMemberAsync(
        Guid id, Guid staffId, HttpContext http, AccountService accounts, CancellationToken ct) =>
        (await accounts.RemoveTeamMemberAsync(http.Caller(), id, staffId, ct)).ToNoContent();
}
