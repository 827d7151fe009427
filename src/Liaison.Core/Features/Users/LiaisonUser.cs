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
}
