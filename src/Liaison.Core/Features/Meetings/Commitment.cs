using Liaison.Core.Access;
using Liaison.Core.Data;

namespace Liaison.Core.Features.Meetings;

/// <summary>
/// Something one side of the account promised, at a meeting or otherwise: owned by a stakeholder
/// when the client promised it, by a staff member when the agency did.
/// </summary>
public sealed class Commitment : Entity, IAccountOwned
{
    public Guid AccountId { get; set; }

    public Guid? MeetingId { get; set; }

    public CommitmentSide Side { get; set; }

    public Guid? OwnerStakeholderId { get; set; }

    public Guid? OwnerStaffId { get; set; }

    public required string Title { get; set; }

    public DateOnly DueDate { get; set; }

    public CommitmentStatus Status { get; set; } = CommitmentStatus.Open;

    public DateOnly? DoneOn { get; set; }

    /// <summary>Shown in the client portal; the client may tick off their own side's.</summary>
    public bool ClientVisible { get; set; }

    public List<CommitmentUpdate> Updates { get; set; } = [];
}

/// <summary>One entry of a commitment's progress log; entries are never edited.</summary>
public sealed class CommitmentUpdate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CommitmentId { get; set; }

    public string Text { get; set; } = "";

    public Guid? AuthorUserId { get; set; }

    /// <summary>The author's name as it was; client users have no staff record to look it up from.</summary>
    public string AuthorName { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>The status the update moved the commitment to, if it changed it.</summary>
    public CommitmentStatus? NewStatus { get; set; }
}

public enum CommitmentSide
{
    Client,
    Agency,
}
