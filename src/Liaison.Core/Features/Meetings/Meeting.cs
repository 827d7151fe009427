using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Meetings;

/// <summary>A meeting with the client: when and where, who from both sides, the agenda, what was said and decided.</summary>
public sealed class Meeting : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public required string Title { get; set; }

    public MeetingType Type { get; set; } = MeetingType.Status;

    public DateTime StartsAt { get; set; }

    /// <summary>The IANA zone the meeting is arranged in, so calendars show it at the wall time people agreed.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int DurationMinutes { get; set; } = 60;

    /// <summary>A place, or a link to a video call.</summary>
    public string? Location { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public string? Agenda { get; set; }

    /// <summary>Sanitised HTML; internal, never shown to client users.</summary>
    public string? Notes { get; set; }

    public List<string> Decisions { get; set; } = [];

    /// <summary>The meeting goes through the account plan; once held, the plan counts as reviewed.</summary>
    public bool ReviewsPlan { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    public List<MeetingStakeholder> Stakeholders { get; set; } = [];

    public List<MeetingStaff> Staff { get; set; } = [];
}

public sealed class MeetingStakeholder
{
    public Guid MeetingId { get; set; }

    public Guid StakeholderId { get; set; }
}

public sealed class MeetingStaff
{
    public Guid MeetingId { get; set; }

    public Guid StaffId { get; set; }
}

public enum MeetingType
{
    AccountReview,
    Qbr,
    Status,
    Kickoff,
    Workshop,
}

public enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
}
