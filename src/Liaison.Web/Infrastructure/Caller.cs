using System.Security.Claims;
using Liaison.Core.Access;

namespace Liaison.Web.Infrastructure;

/// <summary>
/// Resolves the API caller once per request, after authentication: the principal's user id, loaded
/// fresh so that a disabled user is refused at once even if their cookie or token still parses.
/// </summary>
public static class CallerResolution
{
    private const string ItemKey = "Liaison.Caller";

    public static RouteGroupBuilder ResolveCaller(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true || http.Items.ContainsKey(ItemKey))
            {
                return await next(context);
            }

            var user = UserId(http.User) is { } id
                ? await http.RequestServices.GetRequiredService<CurrentUserLoader>().LoadAsync(id, http.RequestAborted)
                : null;
            if (user is null)
            {
                return ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Your sign-in is no longer valid.");
            }

            http.SetCaller(user);
            return await next(context);
        });
        return group;
    }

    /// <summary>Records the caller when authentication has already loaded them fresh.</summary>
    public static void SetCaller(this HttpContext http, CurrentUser user) => http.Items[ItemKey] = user;

    /// <summary>The caller of an endpoint in a group with <see cref="ResolveCaller"/>.</summary>
    public static CurrentUser Caller(this HttpContext http) =>
        http.Items[ItemKey] as CurrentUser ?? throw new InvalidOperationException("The endpoint's group does not resolve the caller.");

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
