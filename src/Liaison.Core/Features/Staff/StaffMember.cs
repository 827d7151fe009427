using Liaison.Core.Data;

namespace Liaison.Core.Features.Staff;

/// <summary>A person of the agency. A staff member may or may not have a sign-in.</summary>
public sealed class StaffMember : Entity
{
    public required string FullName { get; set; }

    public required string Email { get; set; }

    public string? JobTitle { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The sign-in of this person, if they have one.</summary>
    public Guid? UserId { get; set; }
}
