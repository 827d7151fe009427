using Liaison.Core.Access;
using Liaison.Core.Common;
using Liaison.Core.Features.Users;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Users;

/// <summary>/api/v1/users: sign-ins, for admins only.</summary>
public static class UsersApi
{
    public const string AdminPolicy = "Admin";

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AdminPolicy);
        group.MapGet("/", ListAsync).WithName("ListUsers");
        group.MapPost("/", CreateAsync).WithName("CreateUser");
        group.MapPut("/{id:guid}/role", ChangeRoleAsync).WithName("ChangeUserRole");
        group.MapPost("/{id:guid}/disable", DisableAsync).WithName("DisableUser")
            .WithDescription("Disables the user: sign-in, cookies, open pages and tokens stop working within a minute.");
        group.MapPost("/{id:guid}/enable", EnableAsync).WithName("EnableUser");
        return api;
    }

    private static async Task<Results<Ok<Page<UserView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, UserService users, CancellationToken ct,
        string? search = null, Role? role = null, int? limit = null, string? cursor = null) =>
        (await users.ListAsync(http.Caller(), new UserListQuery(search, role, limit, cursor), ct)).ToOk();

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateAsync(
        NewUserInput input, HttpContext http, UserService users, CancellationToken ct)
    {
        var result = await users.CreateAsync(http.Caller(), input, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/users/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRoleAsync(
        Guid id, RoleChangeInput input, HttpContext http, UserService users, CancellationToken ct) =>
        (await users.ChangeRoleAsync(http.Caller(), id, input, ct)).ToOk();

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> DisableAsync(
        Guid id, HttpContext http, UserService users, CancellationToken ct) =>
        (await users.SetDisabledAsync(http.Caller(), id, disabled: true, ct)).ToOk();

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> EnableAsync(
        Guid id, HttpContext http, UserService users, CancellationToken ct) =>
        (await users.SetDisabledAsync(http.Caller(), id, disabled: false, ct)).ToOk();
}
