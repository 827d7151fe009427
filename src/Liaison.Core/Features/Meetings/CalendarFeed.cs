using Liaison.Core.Data;

namespace Liaison.Core.Features.Meetings;

/// <summary>
/// A user's secret calendar address. The secret sits in the URL a calendar app polls without
/// signing in, so only its SHA-256 hash is kept; rotating replaces it, revoking deletes the row.
/// </summary>
public sealed class CalendarFeed : Entity
{
    public Guid UserId { get; set; }

    public required string SecretHash { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
