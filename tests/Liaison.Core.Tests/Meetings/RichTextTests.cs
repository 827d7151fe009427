using Liaison.Core.Common;

namespace Liaison.Core.Tests.Meetings;

public sealed class RichTextTests
{
    [Theory]
    [InlineData("<p>Plain</p>", "<p>Plain</p>")]
    [InlineData("<p><b>Bold</b> <i>it</i> <u>u</u> <s>s</s></p>", "<p><b>Bold</b> <i>it</i> <u>u</u> <s>s</s></p>")]
    [InlineData("<ol><li>One</li></ol>", "<ol><li>One</li></ol>")]
    [InlineData("<a href=\"mailto:ana@example.test\">Ana</a>", "<a href=\"mailto:ana@example.test\">Ana</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<font face=\"Arial\">Pasted</font>", "Pasted")]
    [InlineData("<p onmouseover=\"x()\" style=\"color:red\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<svg><script>alert(1)</script></svg>ok", "ok")]
    [InlineData("<style>p{}</style><p>Kept</p>", "<p>Kept</p>")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    public void SanitisingKeepsBasicFormattingOnly(string html, string expected) =>
        RichText.Sanitize(html).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("<p> </p>")]
    [InlineData("<script>alert(1)</script>")]
    public void NothingLeftIsNull(string? html) => RichText.Sanitize(html).ShouldBeNull();

    [Fact]
    public void PlainTextPutsBlocksOnLinesOfTheirOwn() =>
        RichText.ToPlainText("<p>Agenda</p><ul><li>Budget</li><li>Dates &amp; times</li></ul><p>End<br>here</p>")
            .ShouldBe("Agenda\n\n• Budget\n\n• Dates & times\n\nEnd\nhere");
}
