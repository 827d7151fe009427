using Liaison.Core.Data;

namespace Liaison.Core.Features.Accounts;

/// <summary>A client organisation the agency works for.</summary>
public sealed class Account : Entity
{
    public required string Name { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.Active;

    public AccountTier Tier { get; set; } = AccountTier.Standard;

    public string? Industry { get; set; }

    public string? Website { get; set; }

    /// <summary>The staff member who owns the relationship; always on the account team.</summary>
    public Guid? AccountManagerId { get; set; }

    public DateOnly? ContractStart { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public DateOnly? RenewalDate { get; set; }

    /// <summary>Internal notes; never shown to client users.</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// How many insights may be shared with the account in any rolling 30 days before an override
    /// reason is needed; null means the default (<see cref="Insights.InsightService.DefaultPer30Days"/>).
    /// </summary>
    public int? InsightsPer30Days { get; set; }

    /// <summary>Archived accounts leave the default lists but keep their history.</summary>
    public DateTime? ArchivedAt { get; set; }
}

public enum AccountStatus
{
    Prospect,
    Onboarding,
    Active,
    AtRisk,
    OnHold,
    Churned,
}

public enum AccountTier
{
    Strategic,
    Key,
    Standard,
    Small,
}
