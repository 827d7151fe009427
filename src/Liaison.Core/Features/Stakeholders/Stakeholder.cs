using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Stakeholders;

/// <summary>A person on the client side and the agency's reading of them.</summary>
public sealed class Stakeholder : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public required string FullName { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? ChatHandle { get; set; }

    public List<StakeholderRole> Roles { get; set; } = [];

    /// <summary>1 (little) to 5 (decisive) say over the agency's work.</summary>
    public int Influence { get; set; } = 3;

    public Support Support { get; set; } = Support.Neutral;

    /// <summary>1 (cold) to 5 (trusted) strength of the agency's relationship with the person.</summary>
    public int RelationshipStrength { get; set; } = 3;

    public Channel PreferredChannel { get; set; } = Channel.Email;

    /// <summary>Internal notes; never client-visible.</summary>
    public string? Notes { get; set; }

    public bool PortalAccess { get; set; }

    /// <summary>Last interaction or meeting with the person; later features keep it current.</summary>
    public DateTime? LastTouchAt { get; set; }
}

public enum StakeholderRole
{
    Sponsor,
    DecisionMaker,
    BusinessOwner,
    BusinessHead,
    Influencer,
    User,
    ProcurementLegal,
}

/// <summary>Where the person stands towards the agency, from strongest ally to opponent.</summary>
public enum Support
{
    Champion,
    Supporter,
    Neutral,
    Skeptic,
    Detractor,
}

public enum Channel
{
    Email,
    Phone,
    Chat,
    WhatsApp,
    VideoCall,
    InPerson,
}
