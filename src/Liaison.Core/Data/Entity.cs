namespace Liaison.Core.Data;

/// <summary>
/// An editable record: a time-ordered id, timestamps and a version that the
/// <see cref="Interceptors.VersioningInterceptor"/> bumps on every update so stale edits are refused.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public long Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
