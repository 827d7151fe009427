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

    /// <summary>The sign-in form's path: an unknown e-mail costs as much as a wrong password.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendAsMuchAsAPasswordCheck(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>A disabled user's attempt also costs a password check, so timing tells nothing about the account.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(LiaisonUser user, string password, bool lockoutOnFailure)
    {
        if (user.IsDisabled)
        {
            SpendAsMuchAsAPasswordCheck(password);
            return SignInResult.NotAllowed;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>
    /// Hashing takes as long as verifying (the same PBKDF2 work), so answering "no such user" only
    /// after it keeps response times from telling which e-mail addresses have a sign-in.
    /// </summary>
    public void SpendAsMuchAsAPasswordCheck(string password) => UserManager.PasswordHasher.HashPassword(new LiaisonUser(), password);
}
