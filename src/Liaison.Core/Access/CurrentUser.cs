namespace Liaison.Core.Access;

/// <summary>
/// The signed-in principal as Core sees it, loaded fresh from the database for each operation so
/// that a role change or a disabled user takes effect at once.
/// </summary>
/// <param name="StaffId">The staff record of an agency user; null for client users.</param>
/// <param name="ClientAccountId">The one account a client user belongs to; null for staff.</param>
public sealed record CurrentUser(Guid UserId, string DisplayName, Role Role, Guid? StaffId, Guid? ClientAccountId)
{
    public bool IsAdmin => Role == Role.Admin;

    public bool IsClient => Role == Role.Client;

    public bool IsStaff => !IsClient;
}
