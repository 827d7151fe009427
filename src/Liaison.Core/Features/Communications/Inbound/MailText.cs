using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>E-mail bodies as plain text: HTML mail as a reader would see it, line endings as \n.</summary>
public static partial class MailText
{
    // Not words a reader sees: style sheets, scripts, the head, embedded graphics and forms.
    private const string Invisible = "head, script, style, noscript, template, svg, math, iframe, object, embed, select, textarea";

    // Blocks a browser sets apart with a margin: a blank line before and after.
    private static readonly HashSet<string> ParagraphTags = new(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "hr"],
        StringComparer.OrdinalIgnoreCase);

    // Blocks that only start a new line.
    private static readonly HashSet<string> LineTags = new(
        ["div", "li", "tr", "section", "article", "header", "footer", "main", "nav", "aside", "address", "center", "dt", "dd",
            "figcaption", "form", "fieldset"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The text of an HTML body: paragraphs, rows and list items on lines of their own, cells apart,
    /// whitespace collapsed as a browser would (except in &lt;pre&gt;), entities decoded.
    /// </summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(Invisible).ToList())
        {
            element.Remove();
        }

        var text = new StringBuilder();
        Append(document.Body ?? (INode)document.DocumentElement, text, preformatted: false);
        return NormalizePlainText(text.ToString());
    }

    /// <summary>Line endings as \n, no spaces at line ends, at most one blank line in a row, trimmed.</summary>
    public static string NormalizePlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ')
            .Split('\n').Select(line => line.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n', ' ', '\t');
    }

    private static void Append(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t when preformatted:
                    text.Append(t.Data);
                    break;
                case IText t:
                    AppendCollapsed(text, t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    AppendCollapsed(text, " ");
                    Append(cell, text, preformatted);
                    AppendCollapsed(text, " ");
                    break;
                case IElement e when ParagraphTags.Contains(e.LocalName) || LineTags.Contains(e.LocalName):
                    var breaks = ParagraphTags.Contains(e.LocalName) ? 2 : 1;
                    EndLine(text, breaks);
                    if (e.LocalName == "li")
                    {
                        text.Append("• ");
                    }

                    Append(e, text, preformatted || e.LocalName == "pre");
                    EndLine(text, breaks);
                    break;
                case IElement e:
                    Append(e, text, preformatted);
                    break;
            }
        }
    }

    /// <summary>Ends the text so far with <paramref name="breaks"/> line breaks (one: a new line; two: a blank line), never at the start.</summary>
    private static void EndLine(StringBuilder text, int breaks)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        var trailing = 0;
        while (trailing < text.Length && text[text.Length - 1 - trailing] == '\n')
        {
            trailing++;
        }

        if (text.Length > 0)
        {
            text.Append('\n', Math.Max(0, breaks - trailing));
        }
    }

    /// <summary>Runs of whitespace as one space, and none at the start of a line, as a browser shows them.</summary>
    private static void AppendCollapsed(StringBuilder text, string value)
    {
        var collapsed = Whitespace().Replace(value, " ");
        if (text.Length == 0 || text[^1] is '\n' or ' ')
        {
            collapsed = collapsed.TrimStart(' ');
        }

        text.Append(collapsed);
    }

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
