using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Web.Infrastructure.Auth;

public static class SignInEndpoints
{
    /// <summary>Sign-out is a form post (antiforgery-checked), never a link a third party could trigger.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (SignInManager<LiaisonUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/login");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
