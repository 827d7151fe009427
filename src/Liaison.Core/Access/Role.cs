namespace Liaison.Core.Access;

public enum Role
{
    Admin,
    AccountManager,
    ProjectManager,
    TeamMember,
    Client,
}
