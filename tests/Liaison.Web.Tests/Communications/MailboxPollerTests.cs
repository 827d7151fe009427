using Liaison.Core.Data;
using Liaison.Core.Features.Communications.Inbound;
using Liaison.Web.Tests.Infrastructure;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Liaison.Web.Tests.Communications;

/// <summary>The poller against a real IMAP server (dovecot), with its cursor in the fixture's database.</summary>
public abstract class MailboxPollerTests(AppFactory app, DovecotServer dovecot)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewMessagesReachTheSinkWithTheirAddressesSubjectTextAndDateAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        var alternative = new MimeMessage
        {
            MessageId = "brief-42@harbourline.test",
            Subject = "Re: Spring campaign brief",
            Date = new DateTimeOffset(2026, 11, 27, 16, 45, 0, TimeSpan.FromHours(2)),
            Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = "Hi Jonas,\r\n\r\nThe brief is attached in spirit.\r\n\r\nOlivia" },
                new TextPart("html") { Text = "<p>Hi Jonas,</p><p>The <b>HTML</b> version.</p>" },
            },
        };
        alternative.From.Add(new MailboxAddress("Olivia Whitfield", "Olivia.Whitfield@Harbourline.test"));
        alternative.To.Add(new MailboxAddress("Jonas Becker", "jonas@agency.test"));
        alternative.To.Add(new MailboxAddress("Support", "support@agency.test"));
        alternative.Cc.Add(new MailboxAddress("Mateo Alvarez", "MATEO@agency.test"));
        var alternativeUid = await mailbox.AppendAsync(alternative);

        var htmlOnly = new MimeMessage
        {
            MessageId = "newsletter-7@verdant.test",
            Subject = "Quarterly numbers",
            Date = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
            Body = new TextPart("html")
            {
                Text = "<html><head><style>p { color: red }</style></head><body><p>Revenue   is <em>up</em> &amp; costs are down.</p>"
                    + "<ul><li>North</li><li>South</li></ul></body></html>",
            },
        };
        htmlOnly.From.Add(new MailboxAddress("Rahul Castellano", "rahul@verdant.test"));
        htmlOnly.To.Add(new MailboxAddress("", "jonas@agency.test"));
        await mailbox.AppendAsync(htmlOnly);

        const string noMessageId = """
            From: Olivia Whitfield <olivia.whitfield@harbourline.test>
            To: jonas@agency.test
            Subject: Sent from a very old client
            Date: Fri, 27 Nov 2026 10:00:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            No Message-ID header on this one.
            """;
        await mailbox.AppendRawAsync(noMessageId);
        var sink = new RecordingSink();

        var result = await Poller(mailbox.Options(), sink).PollAsync(Ct);

        result.ShouldBe(new MailboxPollResult(3, 0, null));
        sink.Kept.Count.ShouldBe(3);
        var first = sink.KeptWithSubject("Re: Spring campaign brief");
        first.MessageId.ShouldBe("brief-42@harbourline.test");
        first.MessageIdDerived.ShouldBeFalse();
        first.ImapUid.ShouldBe(alternativeUid);
        first.FromAddress.ShouldBe("olivia.whitfield@harbourline.test");
        first.FromName.ShouldBe("Olivia Whitfield");
        first.To.ShouldBe(["jonas@agency.test", "support@agency.test"]);
        first.Cc.ShouldBe(["mateo@agency.test"]);
        first.Body.ShouldBe("Hi Jonas,\n\nThe brief is attached in spirit.\n\nOlivia");
        first.BodyTruncated.ShouldBeFalse();
        first.SentAt.ShouldBe(new DateTime(2026, 11, 27, 14, 45, 0, DateTimeKind.Utc));
        first.SentAt.Kind.ShouldBe(DateTimeKind.Utc);

        var html = sink.KeptWithSubject("Quarterly numbers");
        html.Body.ShouldBe("Revenue is up & costs are down.\n\n• North\n• South");
        html.FromName.ShouldBe("Rahul Castellano");
        html.Cc.ShouldBeEmpty();

        var derived = sink.KeptWithSubject("Sent from a very old client");
        derived.MessageIdDerived.ShouldBeTrue();
        derived.MessageId.ShouldEndWith("@" + InboundMessageReader.DerivedIdDomain);
        derived.Body.ShouldBe("No Message-ID header on this one.");
        derived.SentAt.ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));

        var cursor = await CursorAsync(mailbox.Options());
        var (uidValidity, messages) = await mailbox.InspectAsync();
        cursor.UidValidity.ShouldBe(uidValidity);
        cursor.LastUid.ShouldBe(messages.Max(m => m.Uid));
        cursor.LastError.ShouldBeNull();
        cursor.LastPolledAt.ShouldBe(Now.UtcDateTime);
    }

    [Fact]
    public async Task ADerivedMessageIdIsTheSameEveryTimeTheMessageIsReadAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        const string raw = """
            From: alerts@monitoring.test
            To: jonas@agency.test
            Subject: Disk almost full
            Content-Type: text/plain

            93% used on the client's server.
            """;
        await mailbox.AppendRawAsync(raw);
        await mailbox.AppendRawAsync(raw);
        await mailbox.AppendRawAsync(raw.Replace("93%", "97%", StringComparison.Ordinal));
        var sink = new RecordingSink();

        var result = await Poller(mailbox.Options(), sink).PollAsync(Ct);

        // A byte-identical copy without Message-ID or Date is taken for the same message; a changed body is not.
        result.ShouldBe(new MailboxPollResult(2, 1, null));
        sink.Offered.Select(m => m.MessageId).Distinct().Count().ShouldBe(2);
        sink.Offered[0].MessageId.ShouldBe(sink.Offered[1].MessageId);
        sink.Offered.ShouldAllBe(m => m.MessageIdDerived);
    }

    [Fact]
    public async Task PollingAgainDeliversNothingUntilANewMessageArrivesAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        await mailbox.AppendAsync(Message("First"));
        await mailbox.AppendAsync(Message("Second"));
        var sink = new RecordingSink();
        var poller = Poller(mailbox.Options(), sink);

        (await poller.PollAsync(Ct)).ShouldBe(new MailboxPollResult(2, 0, null));
        // The cursor is at the highest UID: the search for "above it" must not bring the last one back.
        (await poller.PollAsync(Ct)).ShouldBe(new MailboxPollResult(0, 0, null));
        sink.Offered.Count.ShouldBe(2);

        var thirdUid = await mailbox.AppendAsync(Message("Third"));
        (await poller.PollAsync(Ct)).ShouldBe(new MailboxPollResult(1, 0, null));

        sink.Offered.Select(m => m.Subject).ShouldBe(["First", "Second", "Third"]);
        sink.Offered[^1].ImapUid.ShouldBe(thirdUid);
        (await CursorAsync(mailbox.Options())).LastUid.ShouldBe(thirdUid);
    }

    [Fact]
    public async Task ASinkThatFailsMidBatchLosesAndDoublesNothingAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        var uids = new List<long>();
        foreach (var subject in (string[])["One", "Two", "Three", "Four", "Five"])
        {
            uids.Add(await mailbox.AppendAsync(Message(subject)));
        }

        var sink = new RecordingSink { FailOn = m => m.Subject == "Three" };
        var options = mailbox.Options(batchSize: 2);

        var failed = await Poller(options, sink).PollAsync(Ct);

        failed.Delivered.ShouldBe(2);
        failed.Error.ShouldNotBeNull().ShouldContain("could not store 'Three'");
        var stopped = await CursorAsync(options);
        stopped.LastUid.ShouldBe(uids[1]);
        stopped.LastError.ShouldBe(failed.Error);

        sink.FailOn = null;
        var resumed = await Poller(options, sink).PollAsync(Ct);

        resumed.ShouldBe(new MailboxPollResult(3, 0, null));
        sink.Kept.Select(m => m.Subject).ShouldBe(["One", "Two", "Three", "Four", "Five"]);
        // Three was offered twice (it failed once); every other message exactly once.
        sink.Offered.Select(m => m.Subject).ShouldBe(["One", "Two", "Three", "Three", "Four", "Five"]);
        var done = await CursorAsync(options);
        done.LastUid.ShouldBe(uids[^1]);
        done.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task ANewUidValidityReadsTheFolderAgainAndTheSinkSkipsWhatItHasAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        await mailbox.CreateFolderAsync("Support");
        var first = Message("Login trouble");
        var second = Message("Invoice question");
        await mailbox.AppendAsync(first, "Support");
        await mailbox.AppendAsync(second, "Support");
        var sink = new RecordingSink();
        var options = mailbox.Options("Support");
        (await Poller(options, sink).PollAsync(Ct)).ShouldBe(new MailboxPollResult(2, 0, null));
        var before = await CursorAsync(options);

        // Recreated on the server (as after a restore or a move to another server): the UIDs start over.
        await mailbox.DeleteFolderAsync("Support");
        await mailbox.CreateFolderAsync("Support");
        await mailbox.AppendAsync(first, "Support");
        await mailbox.AppendAsync(second, "Support");
        await mailbox.AppendAsync(Message("New after the move"), "Support");
        var (uidValidity, _) = await mailbox.InspectAsync("Support");
        uidValidity.ShouldNotBe(before.UidValidity);

        var result = await Poller(options, sink).PollAsync(Ct);

        result.ShouldBe(new MailboxPollResult(1, 2, null));
        sink.Kept.Select(m => m.Subject).ShouldBe(["Login trouble", "Invoice question", "New after the move"]);
        var after = await CursorAsync(options);
        after.UidValidity.ShouldBe(uidValidity);
        after.LastUid.ShouldBe(3);
    }

    [Fact]
    public async Task AFailedConnectionIsRecordedOnTheCursorAndNotThrownAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        await mailbox.AppendAsync(Message("Waiting"));
        var sink = new RecordingSink();

        var closedPort = mailbox.Options();
        closedPort.Port = ClosedPort();
        var refused = await Poller(closedPort, sink).PollAsync(Ct);
        refused.Succeeded.ShouldBeFalse();
        (await CursorAsync(closedPort)).LastError.ShouldBe(refused.Error);
        (await CursorAsync(closedPort)).LastPolledAt.ShouldBe(Now.UtcDateTime);

        var wrongPassword = mailbox.Options();
        wrongPassword.Password = "not-the-password";
        var rejected = await Poller(wrongPassword, sink).PollAsync(Ct);
        rejected.Error.ShouldNotBeNull().ShouldContain("refused the user name or password");
        (await CursorAsync(wrongPassword)).LastError.ShouldBe(rejected.Error);

        var noSuchFolder = mailbox.Options("Archive/2019");
        var missing = await Poller(noSuchFolder, sink).PollAsync(Ct);
        missing.Error.ShouldBe("The folder 'Archive/2019' does not exist on the IMAP server.");

        sink.Offered.ShouldBeEmpty();

        // The same mailbox with the right password: the poll works and the error is gone.
        (await Poller(mailbox.Options(), sink).PollAsync(Ct)).ShouldBe(new MailboxPollResult(1, 0, null));
        (await CursorAsync(wrongPassword)).LastError.ShouldBeNull();
    }

    [Fact]
    public async Task ThePollerNeverChangesTheMailboxAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        await mailbox.AppendAsync(Message("Keep me unread"));
        await mailbox.AppendAsync(Message("Me too"));
        var (_, before) = await mailbox.InspectAsync();

        (await Poller(mailbox.Options(), new RecordingSink()).PollAsync(Ct)).Delivered.ShouldBe(2);

        var (_, after) = await mailbox.InspectAsync();
        after.Select(m => m.Uid).ShouldBe(before.Select(m => m.Uid));
        after.ShouldAllBe(m => !m.Flags.HasFlag(MessageFlags.Seen) && !m.Flags.HasFlag(MessageFlags.Deleted));
        after.Select(m => m.Flags).ShouldBe(before.Select(m => m.Flags));
    }

    private MailboxPoller Poller(InboundMailOptions options, IInboundMessageSink sink) => new(
        app.Services.GetRequiredService<IDbContextFactory<LiaisonDb>>(), sink, Options.Create(options), new FixedClock(Now),
        NullLogger<MailboxPoller>.Instance);

    private async Task<MailboxCursor> CursorAsync(InboundMailOptions options)
    {
        await using var db = await app.OpenDbAsync();
        return await db.MailboxCursors.AsNoTracking().SingleAsync(c => c.Mailbox == options.MailboxKey, Ct);
    }

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage
        {
            MessageId = $"{Guid.NewGuid():N}@client.test",
            Subject = subject,
            Date = Now.AddDays(-1),
            Body = new TextPart("plain") { Text = $"About {subject}." },
        };
        message.From.Add(new MailboxAddress("Olivia Whitfield", "olivia@client.test"));
        message.To.Add(new MailboxAddress("Jonas Becker", "jonas@agency.test"));
        return message;
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class MailboxPollerTestsOnSqlite(SqliteApp app, DovecotServer dovecot) : MailboxPollerTests(app, dovecot), IClassFixture<SqliteApp>;

public sealed class MailboxPollerTestsOnPostgres(PostgresApp app, DovecotServer dovecot) : MailboxPollerTests(app, dovecot), IClassFixture<PostgresApp>;
