namespace Liaison.Core.Access;

/// <summary>A record that belongs to one account; access to it follows access to the account.</summary>
public interface IAccountOwned
{
    Guid AccountId { get; }
}
