using Liaison.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Core.Features.Users;

/// <summary>A sign-in. Staff users link to a staff record; a client user belongs to exactly one account.</summary>
public sealed class LiaisonUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    public Role Role { get; set; }

    public Guid? StaffId { get; set; }

    public Guid? ClientAccountId { get; set; }

    /// <summary>A disabled user cannot sign in, and existing sessions and tokens stop within a minute.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// A confirmed, lockout-enabled sign-in with fresh stamps and no password yet; the one place a
    /// user is built, for admins, the CLI and the demo seed alike.
    /// </summary>
    public static LiaisonUser Create(string email, string fullName, Role role, ILookupNormalizer normalizer, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        UserName = email,
        NormalizedEmail = normalizer.NormalizeEmail(email),
        NormalizedUserName = normalizer.NormalizeName(email),
        EmailConfirmed = true,
        FullName = fullName,
        Role = role,
        LockoutEnabled = true,
        SecurityStamp = NewSecurityStamp(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        CreatedAt = now,
    };

    /// <summary>A new stamp invalidates every cookie issued before it at the next revalidation.</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();
}
