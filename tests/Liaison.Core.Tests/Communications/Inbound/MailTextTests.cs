using Liaison.Core.Features.Communications.Inbound;

namespace Liaison.Core.Tests.Communications.Inbound;

public sealed class MailTextTests
{
    [Fact]
    public void StylesScriptsAndTheHeadAreNotText()
    {
        const string html = """
            <html><head><title>Newsletter</title><style>p { color: red; }</style></head>
            <body><script>track();</script><p>Only this.</p><!-- a comment --></body></html>
            """;

        MailText.HtmlToText(html).ShouldBe("Only this.");
    }

    [Fact]
    public void WhitespaceCollapsesAsInABrowserAndEntitiesAreDecoded()
    {
        const string html = "<p>Fish   &amp;\n   chips&nbsp;for <b>two</b>,\r\n  &lt;please&gt;</p>";

        MailText.HtmlToText(html).ShouldBe("Fish & chips for two, <please>");
    }

    [Fact]
    public void ParagraphsAreSetApartAndLineBreaksKept()
    {
        const string html = "<div>Hi Jonas,</div><div><br></div><p>The brief is ready.<br>See you Monday.</p><p>Olivia</p>";

        MailText.HtmlToText(html).ShouldBe("Hi Jonas,\n\nThe brief is ready.\nSee you Monday.\n\nOlivia");
    }

    [Fact]
    public void ListItemsAndTableRowsGetLinesOfTheirOwn()
    {
        const string html = "<p>Agenda:</p><ol><li>Budget</li><li>Timeline</li></ol>"
            + "<table><tr><td>Hours</td><td>42</td></tr><tr><td>Cost</td><td>€3,150</td></tr></table>";

        MailText.HtmlToText(html).ShouldBe("Agenda:\n\n• Budget\n• Timeline\n\nHours 42\nCost €3,150");
    }

    [Fact]
    public void PreformattedTextKeepsItsSpacing()
    {
        MailText.HtmlToText("<p>Log:</p><pre>line  one\n    indented</pre>").ShouldBe("Log:\n\nline  one\n    indented");
    }

    [Fact]
    public void NothingVisibleIsEmptyText()
    {
        MailText.HtmlToText(null).ShouldBe("");
        MailText.HtmlToText("<html><head><style>x{}</style></head><body> <p>&nbsp;</p> </body></html>").ShouldBe("");
    }

    [Fact]
    public void PlainTextGetsUnixLineEndingsAndNoTrailingSpaces()
    {
        MailText.NormalizePlainText("Hi,  \r\n\r\n\r\n\r\nThanks\t\r\n-- \r\nOlivia\r\n").ShouldBe("Hi,\n\nThanks\n--\nOlivia");
    }
}
