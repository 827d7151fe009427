using System.ComponentModel.DataAnnotations;
using Liaison.Core.Access;

namespace Liaison.Core.Features.Users;

public sealed class NewUserInput : IValidatableObject
{
    public const int MinPasswordLength = 12;

    [Required(ErrorMessage = "Give an e-mail address.")]
    [EmailAddress(ErrorMessage = "The e-mail address is not valid.")]
    [StringLength(254, ErrorMessage = "The e-mail address can be at most 254 characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Give a password.")]
    [StringLength(128, MinimumLength = MinPasswordLength, ErrorMessage = "The password must be 12 to 128 characters long.")]
    public string Password { get; set; } = "";

    /// <summary>Defaults to the part of the e-mail address before the @.</summary>
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? FullName { get; set; }

    [StringLength(100, ErrorMessage = "The job title can be at most 100 characters.")]
    public string? JobTitle { get; set; }

    [Required(ErrorMessage = "Choose a role.")]
    public Role? Role { get; set; }

    /// <summary>The account of a client user; must be empty for staff.</summary>
    public Guid? AccountId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role == Access.Role.Client && AccountId is null)
        {
            yield return new ValidationResult("A client user belongs to exactly one account: choose it.", [nameof(AccountId)]);
        }

        if (Role is not null && Role != Access.Role.Client && AccountId is not null)
        {
            yield return new ValidationResult("Only client users belong to an account.", [nameof(AccountId)]);
        }
    }
}

public sealed class RoleChangeInput : IValidatableObject
{
    [Required(ErrorMessage = "Choose a role.")]
    public Role? Role { get; set; }

    public Guid? AccountId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role == Access.Role.Client && AccountId is null)
        {
            yield return new ValidationResult("A client user belongs to exactly one account: choose it.", [nameof(AccountId)]);
        }
    }
}

public sealed record UserView(
    Guid Id,
    string Email,
    string FullName,
    Role Role,
    Guid? StaffId,
    Guid? AccountId,
    string? AccountName,
    bool IsDisabled,
    bool IsLockedOut,
    DateTime CreatedAt);

public sealed record UserListQuery(string? Search = null, Role? Role = null, int? Limit = null, string? Cursor = null);
