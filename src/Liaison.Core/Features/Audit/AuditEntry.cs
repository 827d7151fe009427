namespace Liaison.Core.Features.Audit;

/// <summary>One create, update or delete, written in the same transaction as the change. Never updated.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>The account the record belongs to, so an account's history is one indexed query.</summary>
    public Guid? AccountId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object: field → { "old": …, "new": … }.</summary>
    public required string Changes { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
