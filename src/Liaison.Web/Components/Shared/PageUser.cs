using Liaison.Core.Access;
using Liaison.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;

namespace Liaison.Web.Components.Shared;

/// <summary>
/// The signed-in user for pages: read from the circuit's authentication state and loaded fresh on
/// each call, so pages hand Core the same current user the API does.
/// </summary>
public sealed class PageUser(AuthenticationStateProvider authentication, CurrentUserLoader loader)
{
    public async Task<CurrentUser?> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return CallerResolution.UserId(state.User) is { } id ? await loader.LoadAsync(id, ct) : null;
    }
}
