using Liaison.Core.Access;

namespace Liaison.Core.Features.Accounts;

/// <summary>A staff member on an account's team; being on the team is what lets staff see the account.</summary>
public sealed class AccountTeamMember : IAccountOwned
{
    public Guid AccountId { get; set; }

    public Guid StaffId { get; set; }

    public TeamRole Role { get; set; }

    public DateTime AddedAt { get; set; }
}

public enum TeamRole
{
    AccountManager,
    ProjectManager,
    Strategist,
    Creative,
    Developer,
    Specialist,
    Other,
}
