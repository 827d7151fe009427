using System.Security.Claims;
using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Infrastructure.Auth;

/// <summary>Adds the user's role and display name to the sign-in; Core still reloads both for every decision.</summary>
public sealed class LiaisonClaimsFactory(UserManager<LiaisonUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LiaisonUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LiaisonUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim("full_name", user.FullName));
        return identity;
    }
}
