using System.Text;

namespace Liaison.Core.Common.Files;

/// <summary>A kind of file Liaison accepts: what its content looks like and the names it may carry.</summary>
/// <param name="Extensions">Accepted name endings, the canonical one first.</param>
public sealed record FileKind(string Label, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Tells what a file is from its first bytes, never from its name, against an allow-list of what
/// agencies hand to clients. Markup (HTML, SVG, XML) is refused outright: a browser runs scripts in
/// it, and no deliverable needs to be served as a live page.
/// </summary>
public static class FileSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 512;

    public static readonly FileKind Pdf = new("PDF document", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Gif = new("GIF image", "image/gif", [".gif"]);
    public static readonly FileKind Webp = new("WebP image", "image/webp", [".webp"]);
    public static readonly FileKind Mp4 = new("MP4 video", "video/mp4", [".mp4", ".m4v"]);
    public static readonly FileKind QuickTime = new("QuickTime video", "video/quicktime", [".mov"]);
    public static readonly FileKind Mp3 = new("MP3 audio", "audio/mpeg", [".mp3"]);
    public static readonly FileKind Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Pptx = new("PowerPoint deck", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Zip = new("ZIP archive", "application/zip", [".zip"]);
    public static readonly FileKind PlainText = new("plain text", "text/plain", [".txt", ".md", ".csv"]);

    /// <summary>The kind of the content, or a reason it is refused.</summary>
    /// <param name="head">The first <see cref="HeadLength"/> bytes (fewer for a short file).</param>
    /// <param name="extension">The name's ending, lower case with its dot; only tells apart kinds whose content looks the same (a .docx is a ZIP inside).</param>
    public static Result<FileKind> Sniff(ReadOnlySpan<byte> head, string extension)
    {
        if (head.IsEmpty)
        {
            return Error.Invalid("file", "The file is empty.");
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4;
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return Mp3;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // Office files are ZIP archives; the name says which, and any other name is a plain archive.
            return extension switch
            {
                ".docx" => Docx,
                ".xlsx" => Xlsx,
                ".pptx" => Pptx,
                _ => Zip,
            };
        }

        if (LooksLikeText(head, out var text))
        {
            var start = text.TrimStart('\uFEFF').TrimStart();
            if (start.StartsWith('<'))
            {
                return Error.Invalid("file", "HTML, SVG and other markup files are not accepted: a browser would run scripts in them. Export a PDF or an image instead.");
            }

            return PlainText;
        }

        return Error.Invalid("file", "This kind of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP), a video (MP4, MOV), MP3 audio, an Office document, a ZIP archive or plain text.");
    }

    /// <summary>Valid UTF-8 without control characters other than tabs and line breaks.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head, out string text)
    {
        text = "";
        // Not flushing lets a character cut at the end of the head wait for bytes that never come, instead of failing.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[head.Length];
        try
        {
            var count = decoder.GetChars(head, chars, flush: false);
            text = new string(chars, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }
}
