using Liaison.Core.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Infrastructure.Auth;

/// <summary>Identity's sign-in manager, plus the rule that a disabled user cannot sign in.</summary>
public sealed class LiaisonSignInManager(
    UserManager<LiaisonUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<LiaisonUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<LiaisonUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LiaisonUser> confirmation)
    : SignInManager<LiaisonUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LiaisonUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
