using System.Text;

namespace Liaison.Core.Common;

/// <summary>One page of a list and the opaque cursor of the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record PageRequest(int? Limit = null, string? Cursor = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Reads limit and cursor, or says which one is wrong.</summary>
    public Result<(int Offset, int Limit)> Resolve()
    {
        var limit = Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            return Error.Invalid("limit", $"The limit must be between 1 and {MaxLimit}.");
        }

        if (string.IsNullOrEmpty(Cursor))
        {
            return (0, limit);
        }

        return TryDecode(Cursor) is { } offset ? (offset, limit) : Error.Invalid("cursor", "The cursor is not one this server issued.");
    }

    /// <summary>
    /// Cursors are opaque to clients; today they carry a position in the sorted list, which lets any
    /// sort order page. Lists that can grow without bound will move to keyset cursors behind the
    /// same format.
    /// </summary>
    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? TryDecode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), out var offset) && offset >= 0
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class PagingExtensions
{
    /// <summary>Takes one page, fetching one extra row to know whether another page follows.</summary>
    public static Page<T> ToPage<T>(this List<T> rowsPlusOne, int offset, int limit)
    {
        var hasMore = rowsPlusOne.Count > limit;
        if (hasMore)
        {
            rowsPlusOne.RemoveAt(rowsPlusOne.Count - 1);
        }

        return new Page<T>(rowsPlusOne, hasMore ? PageRequest.Encode(offset + limit) : null);
    }
}
