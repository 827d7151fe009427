using System.ComponentModel.DataAnnotations;
using Liaison.Core.Common;
using Liaison.Core.Features.Integrations;
using Liaison.Web.Infrastructure;
using Liaison.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Integrations;

public sealed class TokenRequest
{
    [Required(ErrorMessage = "Give your e-mail address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Give your password.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Give the token a name, such as the script that will use it.")]
    public string Name { get; set; } = "";
}

public sealed record TokenCreated(string Token, Guid Id, string Name, string Prefix, DateTime CreatedAt);

/// <summary>/api/v1/tokens: personal access tokens for API clients.</summary>
public static class TokensApi
{
    public const string RateLimitPolicy = "tokens";

    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("Tokens");
        group.MapPost("/", CreateAsync).WithName("CreateToken").AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .WithDescription("Exchanges an e-mail and password for a personal access token. Failed attempts count towards lockout.");
        group.MapGet("/", ListAsync).WithName("ListTokens");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken");
        return api;
    }

    private static async Task<Results<Created<TokenCreated>, ProblemHttpResult>> CreateAsync(
        TokenRequest request, LiaisonSignInManager signIn, TokenService tokens, CancellationToken ct)
    {
        if (InputValidation.Validate(request) is { } invalid)
        {
            return invalid.ToProblem();
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            signIn.SpendAsMuchAsAPasswordCheck(request.Password);
            return BadCredentials();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                "Too many failed attempts: this sign-in is locked for a while. Try again later.");
        }

        if (!check.Succeeded)
        {
            return BadCredentials();
        }

        var result = await tokens.CreateAsync(user.Id, request.Name, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var details = result.Value.Details;
        return TypedResults.Created($"/api/v1/tokens/{details.Id}",
            new TokenCreated(result.Value.Token, details.Id, details.Name, details.Prefix, details.CreatedAt));
    }

    private static async Task<Results<Ok<Page<TokenView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, TokenService tokens, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await tokens.ListAsync(http.Caller(), new PageRequest(limit, cursor), ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, TokenService tokens, CancellationToken ct) =>
        (await tokens.RevokeAsync(http.Caller(), id, ct)).ToNoContent();

    private static ProblemHttpResult BadCredentials() =>
        ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The e-mail address or password is wrong.");
}
