namespace Liaison.Core.Common;

public enum ErrorKind
{
    NotFound,
    Forbidden,
    Validation,
    Conflict,
    /// <summary>The caller edited an older version of the record than the stored one.</summary>
    StaleVersion,
    /// <summary>An upload over the size limit.</summary>
    TooLarge,
}

/// <summary>
/// An expected failure of a use case. Services return it instead of throwing so that the UI and
/// the API report the same thing; the web layer maps it to ProblemDetails in one place.
/// </summary>
/// <param name="Allowed">For a conflict with the record's state: what the caller can do instead (the moves a state machine allows now).</param>
public sealed record Error(
    ErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Fields = null, IReadOnlyList<string>? Allowed = null)
{
    public static Error NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found.");

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    public static Error Conflict(string message, IReadOnlyList<string> allowed) => new(ErrorKind.Conflict, message, Allowed: allowed);

    public static Error Stale(string what) =>
        new(ErrorKind.StaleVersion, $"{what} was changed by someone else since you loaded it. Reload and try again.");

    public static Error TooLarge(string message) => new(ErrorKind.TooLarge, message);

    public static Error Invalid(string field, string message) =>
        new(ErrorKind.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "One or more fields are invalid.", fields);
}
