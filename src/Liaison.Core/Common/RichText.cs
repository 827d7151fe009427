using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Liaison.Core.Common;

/// <summary>
/// Rich text (agendas, meeting notes) as the HTML a browser editor sends, cut down to basic
/// formatting on the way in, so whatever is stored can be shown as it is.
/// </summary>
public static partial class RichText
{
    private static readonly string[] Tags =
        ["p", "br", "div", "span", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "blockquote", "code", "pre"];

    // Elements whose content is code or markup, not words: they go with everything inside them.
    private const string Containers = "script, style, noscript, template, svg, math, iframe, object, embed, textarea, select, title, head";

    private static readonly HashSet<string> BlockTags =
        new(["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "pre"], StringComparer.OrdinalIgnoreCase);

    // No event handlers are attached, which keeps Sanitize safe to call from several threads.
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The HTML with only basic formatting left: no scripts, styles, classes, images or frames; links only to http(s) and mailto.</summary>
    public static string? Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll(Containers).ToList())
        {
            element.Remove();
        }

        var clean = Sanitizer.Sanitize(document.Body.InnerHtml).Trim();
        return string.IsNullOrWhiteSpace(ToPlainText(clean)) ? null : clean;
    }

    /// <summary>The text of the HTML with paragraphs and list items on lines of their own, for calendars and e-mail.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var text = new StringBuilder();
        Append(document.Body!, text);
        return BlankLines().Replace(text.ToString().Replace("\r", "", StringComparison.Ordinal), "\n\n").Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement e when BlockTags.Contains(e.LocalName):
                    text.Append('\n');
                    if (e.LocalName == "li")
                    {
                        text.Append("• ");
                    }

                    Append(e, text);
                    text.Append('\n');
                    break;
                case IElement e:
                    Append(e, text);
                    break;
            }
        }
    }

    private static HtmlSanitizer Create()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in Tags)
        {
            options.AllowedTags.Add(tag);
        }

        options.AllowedAttributes.Add("href");
        options.UriAttributes.Add("href");
        options.AllowedSchemes.Add("http");
        options.AllowedSchemes.Add("https");
        options.AllowedSchemes.Add("mailto");
        // Text pasted from word processors arrives wrapped in tags of their own: keep the words, drop the wrapping.
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }

    [GeneratedRegex(@"[ \t]*\n[ \t\n]*\n[ \t\n]*")]
    private static partial Regex BlankLines();
}
