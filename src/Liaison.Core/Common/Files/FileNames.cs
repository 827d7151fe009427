using System.Globalization;
using System.Text;

namespace Liaison.Core.Common.Files;

/// <summary>Turns whatever name a browser sent into one safe to show and to offer as a download name.</summary>
public static class FileNames
{
    public const int MaxStemLength = 100;

    /// <summary>
    /// The last segment of the name (no folders, no "..": the name is never a path), in NFC, without
    /// control or reserved characters, with runs of spaces collapsed and at most
    /// <see cref="MaxStemLength"/> characters before its extension; "file" when nothing is left.
    /// </summary>
    public static string Normalize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate || "<>:\"|?*".Contains(c))
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var extension = Path.GetExtension(cleaned);
        var stem = cleaned[..^extension.Length].Trim('.', ' ');
        if (stem.Length > MaxStemLength)
        {
            stem = stem[..MaxStemLength].TrimEnd('.', ' ');
        }

        if (stem.Length == 0)
        {
            stem = "file";
        }

        return extension.Length is > 1 and <= 10 ? stem + extension.ToLowerInvariant() : stem;
    }

    /// <summary>The name's ending, lower case with its dot, or "" when it has none.</summary>
    public static string ExtensionOf(string normalizedName) => Path.GetExtension(normalizedName).ToLowerInvariant();
}
