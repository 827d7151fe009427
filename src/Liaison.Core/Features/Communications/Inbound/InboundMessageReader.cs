using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>Turns a parsed e-mail into an <see cref="InboundMessage"/>.</summary>
public static partial class InboundMessageReader
{
    /// <summary>Enough for any real reply; long threads quote themselves over and over below this.</summary>
    public const int MaxBodyLength = 20_000;

    public const int MaxSubjectLength = 500;

    /// <summary>RFC 5322 sets no limit; real ids are well under this, and a unique index needs one.</summary>
    public const int MaxMessageIdLength = 255;

    /// <summary>Derived ids end in this reserved domain (RFC 2606), so they can never equal a real Message-ID.</summary>
    public const string DerivedIdDomain = "derived.liaison.invalid";

    /// <param name="message">The parsed message.</param>
    /// <param name="uid">Its IMAP UID.</param>
    /// <param name="receivedAt">When the server received it (IMAP INTERNALDATE), if known: the sent date when the Date header is missing.</param>
    /// <param name="now">The last resort for the sent date.</param>
    public static InboundMessage Read(MimeMessage message, long uid, DateTimeOffset? receivedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var fromAddress = Address(from?.Address);
        var subject = OneLine(message.Subject);
        var text = BodyText(message);
        var body = Cut(text, MaxBodyLength);

        var messageId = CleanMessageId(message.MessageId);
        var dateHeader = message.Headers[HeaderId.Date];
        var sent = string.IsNullOrWhiteSpace(dateHeader) ? receivedAt ?? now : message.Date;
        return new InboundMessage
        {
            MessageId = messageId ?? DeriveMessageId(fromAddress, dateHeader, subject, text),
            MessageIdDerived = messageId is null,
            ImapUid = uid,
            FromAddress = fromAddress,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            Subject = Cut(subject, MaxSubjectLength),
            Body = body,
            BodyTruncated = body.Length < text.Length,
            SentAt = sent.UtcDateTime,
        };
    }

    /// <summary>
    /// A stable stand-in for a missing Message-ID: a hash of sender, Date header, subject and text.
    /// It must come from the message alone (not the UID or the time it was read), because the same
    /// message is read again after a UIDVALIDITY change or a crash, and the sink dedupes on this id.
    /// Two messages equal in all four are taken to be one.
    /// </summary>
    public static string DeriveMessageId(string fromAddress, string? dateHeader, string subject, string bodyText)
    {
        var content = new StringBuilder();
        // Each part with its length first, so that moving text from one part to the next changes the hash.
        foreach (var part in (string[])[fromAddress, (dateHeader ?? "").Trim(), subject, bodyText])
        {
            content.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return $"{Hash(content.ToString())}@{DerivedIdDomain}";
    }

    /// <summary>The text/plain body if there is one with words in it, else the HTML body as text.</summary>
    public static string BodyText(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.TextBody is { } plain && !string.IsNullOrWhiteSpace(plain))
        {
            return MailText.NormalizePlainText(plain);
        }

        return message.HtmlBody is { } html ? MailText.HtmlToText(html) : "";
    }

    private static string? CleanMessageId(string? id)
    {
        var clean = id?.Trim().Trim('<', '>').Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return null;
        }

        // Too long to index: keep it unique and stable by hashing it, in the shape of an id.
        return clean.Length <= MaxMessageIdLength ? clean : $"{Hash(clean)}@long-id.{DerivedIdDomain}";
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Address(string? address) => address?.Trim().ToLowerInvariant() ?? "";

    private static List<string> Addresses(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => Address(m.Address)).Where(a => a.Length > 0).Distinct()];

    private static string OneLine(string? value) => Whitespace().Replace(value ?? "", " ").Trim();

    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        // Never leave half a surrogate pair at the end.
        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
