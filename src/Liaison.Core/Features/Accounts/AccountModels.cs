using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Accounts;

/// <summary>What a user fills in to create or edit an account; the form and the API bind to it.</summary>
public sealed class AccountInput : IValidatableObject
{
    [Required(ErrorMessage = "Give the account a name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string Name { get; set; } = "";

    public AccountStatus Status { get; set; } = AccountStatus.Active;

    public AccountTier Tier { get; set; } = AccountTier.Standard;

    [StringLength(100, ErrorMessage = "The industry can be at most 100 characters.")]
    public string? Industry { get; set; }

    [StringLength(300, ErrorMessage = "The website can be at most 300 characters.")]
    [Url(ErrorMessage = "The website must be a full address such as https://example.com.")]
    public string? Website { get; set; }

    /// <summary>Defaults to the creating account manager.</summary>
    public Guid? AccountManagerId { get; set; }

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public DateOnly? RenewalDate { get; set; }

    [StringLength(4000, ErrorMessage = "The notes can be at most 4,000 characters.")]
    public string? Notes { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ContractStart is { } start && ContractEnd is { } end && end < start)
        {
            yield return new ValidationResult("The contract cannot end before it starts.", [nameof(ContractEnd)]);
        }

        if (ContractStart is { } from && RenewalDate is { } renewal && renewal < from)
        {
            yield return new ValidationResult("The renewal date cannot be before the contract start.", [nameof(RenewalDate)]);
        }
    }

    public static AccountInput From(AccountDetails a) => new()
    {
        Name = a.Name,
        Status = a.Status,
        Tier = a.Tier ?? AccountTier.Standard,
        Industry = a.Industry,
        Website = a.Website,
        AccountManagerId = a.AccountManagerId,
        ContractStart = a.ContractStart,
        ContractEnd = a.ContractEnd,
        RenewalDate = a.RenewalDate,
        Notes = a.Notes,
    };
}

public enum AccountSort
{
    Name,
    Status,
    Tier,
    Manager,
    Renewal,
    Updated,
}

public sealed record AccountListQuery(
    string? Search = null,
    AccountStatus? Status = null,
    AccountTier? Tier = null,
    Guid? AccountManagerId = null,
    bool IncludeArchived = false,
    AccountSort Sort = AccountSort.Name,
    bool Descending = false,
    int? Limit = null,
    string? Cursor = null);

public sealed record AccountSummary(
    Guid Id,
    string Name,
    AccountStatus Status,
    AccountTier? Tier,
    string? Industry,
    Guid? AccountManagerId,
    string? AccountManagerName,
    DateOnly? RenewalDate,
    DateTime? ArchivedAt);

/// <summary>An account as the caller may see it: tier and notes are internal and null for client users.</summary>
public sealed record AccountDetails(
    Guid Id,
    string Name,
    AccountStatus Status,
    AccountTier? Tier,
    string? Industry,
    string? Website,
    Guid? AccountManagerId,
    string? AccountManagerName,
    DateOnly? ContractStart,
    DateOnly? ContractEnd,
    DateOnly? RenewalDate,
    string? Notes,
    DateTime? ArchivedAt,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed class TeamMemberInput
{
    [Required(ErrorMessage = "Choose a staff member.")]
    public Guid? StaffId { get; set; }

    public TeamRole Role { get; set; } = TeamRole.Specialist;
}

public sealed record TeamMemberView(Guid StaffId, string FullName, string? JobTitle, string Email, TeamRole Role, DateTime AddedAt);
