using System.ComponentModel.DataAnnotations;

namespace Liaison.Core.Features.Stakeholders;

/// <summary>What a user fills in for a stakeholder; the form and the API bind to it.</summary>
public sealed class StakeholderInput
{
    [Required(ErrorMessage = "Give the stakeholder's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string FullName { get; set; } = "";

    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    public string? Title { get; set; }

    [StringLength(254, ErrorMessage = "The e-mail address can be at most 254 characters.")]
    [EmailAddress(ErrorMessage = "The e-mail address is not valid.")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "The phone number can be at most 50 characters.")]
    [RegularExpression(@"^[0-9+()./\- ]*$", ErrorMessage = "The phone number may hold digits, spaces and + ( ) - . / only.")]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessage = "The chat handle can be at most 100 characters.")]
    public string? ChatHandle { get; set; }

    public List<StakeholderRole> Roles { get; set; } = [];

    [Range(1, 5, ErrorMessage = "Influence is from 1 to 5.")]
    public int Influence { get; set; } = 3;

    public Support Support { get; set; } = Support.Neutral;

    [Range(1, 5, ErrorMessage = "Relationship strength is from 1 to 5.")]
    public int RelationshipStrength { get; set; } = 3;

    public Channel PreferredChannel { get; set; } = Channel.Email;

    [StringLength(4000, ErrorMessage = "The notes can be at most 4,000 characters.")]
    public string? Notes { get; set; }

    public bool PortalAccess { get; set; }

    public static StakeholderInput From(StakeholderView s) => new()
    {
        FullName = s.FullName,
        Title = s.Title,
        Email = s.Email,
        Phone = s.Phone,
        ChatHandle = s.ChatHandle,
        Roles = [.. s.Roles],
        Influence = s.Influence,
        Support = s.Support,
        RelationshipStrength = s.RelationshipStrength,
        PreferredChannel = s.PreferredChannel,
        Notes = s.Notes,
        PortalAccess = s.PortalAccess,
    };
}

public enum StakeholderSort
{
    Name,
    Influence,
    Support,
    Relationship,
    LastTouch,
}

public sealed record StakeholderListQuery(
    string? Search = null,
    Support? Support = null,
    StakeholderRole? Role = null,
    StakeholderSort Sort = StakeholderSort.Name,
    bool Descending = false,
    int? Limit = null,
    string? Cursor = null);

public sealed record StakeholderView(
    Guid Id,
    Guid AccountId,
    string FullName,
    string? Title,
    string? Email,
    string? Phone,
    string? ChatHandle,
    IReadOnlyList<StakeholderRole> Roles,
    int Influence,
    Support Support,
    int RelationshipStrength,
    Channel PreferredChannel,
    string? Notes,
    bool PortalAccess,
    DateTime? LastTouchAt,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);
