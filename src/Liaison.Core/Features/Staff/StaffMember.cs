using Liaison.Core.Data;

namespace Liaison.Core.Features.Staff;

/// <summary>A person of the agency. A staff member may or may not have a sign-in.</summary>
public sealed class StaffMember : Entity
{
    public required string FullName { get; set; }

    public required string Email { get; set; }

    public string? JobTitle { get; set; }

    public Discipline Discipline { get; set; } = Discipline.Other;

    /// <summary>Hours a week the person can work, in minutes; workload is measured against it.</summary>
    public int WeeklyCapacityMinutes { get; set; } = 37 * 60 + 30;

    public bool IsActive { get; set; } = true;

    /// <summary>The sign-in of this person, if they have one.</summary>
    public Guid? UserId { get; set; }
}

public enum Discipline
{
    Account,
    Project,
    Strategy,
    Copy,
    Design,
    Development,
    Social,
    Media,
    Other,
}
