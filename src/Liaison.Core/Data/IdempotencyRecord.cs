namespace Liaison.Core.Data;

/// <summary>The first answer to an API write sent with an Idempotency-Key, replayed to retries.</summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    /// <summary>0 while the first request is still being answered.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }

    public DateTime CreatedAt { get; set; }
}
