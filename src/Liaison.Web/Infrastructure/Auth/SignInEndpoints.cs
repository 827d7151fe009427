using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Infrastructure.Auth;

public static class SignInEndpoints
{
    /// <summary>Sign-out is a form post (antiforgery-checked), never a link a third party could trigger.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<LiaisonUser> signIn) =>
        {
            // Minimal APIs check antiforgery only when they bind a form; this one binds nothing, so check here.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The sign-out form has expired. Reload the page and try again.");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/login");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
