using System.Text;
using Liaison.Core.Features.Communications.Inbound;
using MimeKit;

namespace Liaison.Core.Tests.Communications.Inbound;

public sealed class InboundMessageReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheTextPartOfAnAlternativeIsTheBody()
    {
        var message = Parse("""
            From: "Whitfield, Olivia" <Olivia.Whitfield@Harbourline.TEST>
            To: Jonas <jonas@agency.test>, support@agency.test, JONAS@agency.test
            Cc: Mateo <mateo@agency.test>
            Subject: =?utf-8?Q?Caf=C3=A9_plans?=
            Date: Fri, 27 Nov 2026 16:45:00 +0200
            Message-ID: <brief-42@harbourline.test>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Plain words.
            --b
            Content-Type: text/html; charset=utf-8

            <p>HTML words.</p>
            --b--
            """);

        var read = InboundMessageReader.Read(message, 7, receivedAt: null, Now);

        read.MessageId.ShouldBe("brief-42@harbourline.test");
        read.MessageIdDerived.ShouldBeFalse();
        read.ImapUid.ShouldBe(7);
        read.FromAddress.ShouldBe("olivia.whitfield@harbourline.test");
        read.FromName.ShouldBe("Whitfield, Olivia");
        read.To.ShouldBe(["jonas@agency.test", "support@agency.test"]);
        read.Cc.ShouldBe(["mateo@agency.test"]);
        read.Subject.ShouldBe("Café plans");
        read.Body.ShouldBe("Plain words.");
        read.SentAt.ShouldBe(new DateTime(2026, 11, 27, 14, 45, 0, DateTimeKind.Utc));
        read.SentAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void AnHtmlOnlyMessageIsReadAsText()
    {
        var message = Parse("""
            From: rahul@verdant.test
            Subject: Numbers
            Date: Sat, 28 Nov 2026 09:00:00 +0000
            Message-ID: <n-7@verdant.test>
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{}</style></head><body><p>Revenue is <em>up</em>.</p></body></html>
            """);

        InboundMessageReader.Read(message, 1, null, Now).Body.ShouldBe("Revenue is up.");
    }

    [Fact]
    public void AnEmptyTextPartFallsBackToTheHtml()
    {
        var message = new MimeMessage
        {
            Body = new MultipartAlternative { new TextPart("plain") { Text = "  \r\n" }, new TextPart("html") { Text = "<p>Only here.</p>" } },
        };

        InboundMessageReader.Read(message, 1, null, Now).Body.ShouldBe("Only here.");
    }

    [Fact]
    public void WithoutAMessageIdOneIsDerivedFromTheContentAlone()
    {
        const string raw = """
            From: Alerts <ALERTS@monitoring.test>
            Subject: Disk almost full
            Date: Fri, 27 Nov 2026 10:00:00 +0000

            93% used.
            """;

        var first = InboundMessageReader.Read(Parse(raw), 1, Now.AddHours(-1), Now);
        // Read again later, under another UID (a new UIDVALIDITY): the same id, so the sink dedupes it.
        var again = InboundMessageReader.Read(Parse(raw), 12, Now.AddHours(-2), Now.AddDays(3));

        first.MessageIdDerived.ShouldBeTrue();
        first.MessageId.ShouldMatch("^[0-9a-f]{64}@derived\\.liaison\\.invalid$");
        again.MessageId.ShouldBe(first.MessageId);
        InboundMessageReader.Read(Parse(raw.Replace("93%", "94%", StringComparison.Ordinal)), 1, null, Now).MessageId.ShouldNotBe(first.MessageId);
        InboundMessageReader.Read(Parse(raw.Replace("10:00:00", "10:00:01", StringComparison.Ordinal)), 1, null, Now).MessageId.ShouldNotBe(first.MessageId);
        InboundMessageReader.Read(Parse(raw.Replace("Disk", "Disc", StringComparison.Ordinal)), 1, null, Now).MessageId.ShouldNotBe(first.MessageId);
    }

    [Fact]
    public void TheDerivedIdTellsItsPartsApart()
    {
        // The same characters split differently between subject and body are another message.
        InboundMessageReader.DeriveMessageId("a@b.test", null, "Hello", " world")
            .ShouldNotBe(InboundMessageReader.DeriveMessageId("a@b.test", null, "Hello ", "world"));
        InboundMessageReader.DeriveMessageId("a@b.test", " Fri, 27 Nov 2026 10:00:00 +0000 ", "s", "b")
            .ShouldBe(InboundMessageReader.DeriveMessageId("a@b.test", "Fri, 27 Nov 2026 10:00:00 +0000", "s", "b"));
    }

    [Fact]
    public void AnOverlongMessageIdIsHashedToAStableIndexableOne()
    {
        var longId = new string('x', 300) + "@example.test";
        var message = new MimeMessage { MessageId = longId };

        var id = InboundMessageReader.Read(message, 1, null, Now).MessageId;

        id.Length.ShouldBeLessThanOrEqualTo(InboundMessageReader.MaxMessageIdLength);
        id.ShouldEndWith("@long-id." + InboundMessageReader.DerivedIdDomain);
        InboundMessageReader.Read(new MimeMessage { MessageId = longId }, 2, null, Now).MessageId.ShouldBe(id);
    }

    [Fact]
    public void WithoutADateTheServersArrivalTimeIsTheSentDate()
    {
        var message = Parse("From: a@b.test\nSubject: s\nMessage-ID: <x@b.test>\n\nbody\n");
        var received = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.FromHours(-5));

        InboundMessageReader.Read(message, 1, received, Now).SentAt.ShouldBe(new DateTime(2026, 11, 30, 4, 30, 0, DateTimeKind.Utc));
        InboundMessageReader.Read(message, 1, null, Now).SentAt.ShouldBe(Now.UtcDateTime);
    }

    [Fact]
    public void ALongBodyIsCutAndSaysSo()
    {
        var text = new StringBuilder().Insert(0, "All work and no play. ", 2000).ToString();
        var message = new MimeMessage { MessageId = "long@b.test", Body = new TextPart("plain") { Text = text } };

        var read = InboundMessageReader.Read(message, 1, null, Now);

        read.Body.Length.ShouldBe(InboundMessageReader.MaxBodyLength);
        read.BodyTruncated.ShouldBeTrue();
        InboundMessageReader.Read(Parse("Message-ID: <s@b.test>\n\nshort\n"), 1, null, Now).BodyTruncated.ShouldBeFalse();
    }

    [Fact]
    public void AFoldedSubjectIsOneLineAndNoSenderIsEmpty()
    {
        var message = Parse("Subject: A subject that\n  was folded\nMessage-ID: <f@b.test>\n\nx\n");

        var read = InboundMessageReader.Read(message, 1, null, Now);

        read.Subject.ShouldBe("A subject that was folded");
        read.FromAddress.ShouldBe("");
        read.FromName.ShouldBeNull();
        read.To.ShouldBeEmpty();
    }

    private static MimeMessage Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));
        return MimeMessage.Load(stream);
    }
}
