using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>The mailbox the <see cref="MailboxPoller"/> reads: configuration section <c>Liaison:InboundMail</c>.</summary>
public sealed class InboundMailOptions
{
    public const string Section = "Liaison:InboundMail";

    public const int MaxBatchSize = 1000;

    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromDays(1);

    /// <summary>Off by default: nothing is polled until a mailbox is configured and this is turned on.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    /// <summary>Defaults to 993 with <see cref="MailSecurity.SslOnConnect"/>, else 143.</summary>
    public int? Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many messages are fetched from the server at a time.</summary>
    public int BatchSize { get; set; } = 50;

    public int EffectivePort => Port ?? (Security == MailSecurity.SslOnConnect ? 993 : 143);

    /// <summary>Names the mailbox and folder; the key of its <see cref="MailboxCursor"/>, so pointing at another mailbox starts afresh.</summary>
    public string MailboxKey => $"imap://{UserName}@{Host?.ToLowerInvariant()}:{EffectivePort}/{Folder}";

    /// <summary>What is wrong with these settings, in words for whoever deploys; empty when they can be used (or polling is off).</summary>
    public IReadOnlyList<string> Problems(bool sinkRegistered)
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add($"{Section}:Host is required when {Section}:Enabled is true: the IMAP server's host name.");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add($"{Section}:Port must be between 1 and 65535 (or left out: 993 with SslOnConnect, else 143).");
        }

        if (!Enum.IsDefined(Security))
        {
            problems.Add($"{Section}:Security must be SslOnConnect, StartTls or None.");
        }
        else if (Security == MailSecurity.None && !string.IsNullOrWhiteSpace(Host) && !IsLoopback(Host))
        {
            problems.Add($"{Section}:Security None would send the mailbox password unencrypted to '{Host}'; it is allowed only for a server on this machine " +
                "(localhost, 127.0.0.1, ::1). Use SslOnConnect (port 993) or StartTls (port 143).");
        }

        if (string.IsNullOrWhiteSpace(UserName))
        {
            problems.Add($"{Section}:UserName is required when {Section}:Enabled is true.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            problems.Add($"{Section}:Password is required when {Section}:Enabled is true (set it as a secret, e.g. the environment variable Liaison__InboundMail__Password).");
        }

        if (string.IsNullOrWhiteSpace(Folder))
        {
            problems.Add($"{Section}:Folder must name a folder (default INBOX).");
        }

        if (PollInterval < MinPollInterval || PollInterval > MaxPollInterval)
        {
            problems.Add($"{Section}:PollInterval must be between {MinPollInterval:c} and {MaxPollInterval:c} (it is {PollInterval:c}).");
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            problems.Add($"{Section}:BatchSize must be between 1 and {MaxBatchSize} (it is {BatchSize}).");
        }

        if (!sinkRegistered)
        {
            problems.Add($"{Section}:Enabled is true but nothing imports the messages: no {nameof(IInboundMessageSink)} is registered. " +
                "Turn inbound mail off, or deploy a version with the e-mail importer.");
        }

        return problems;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS, usually port 993): what RFC 8314 recommends.</summary>
    SslOnConnect,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 143); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>No encryption: only for a server on this machine.</summary>
    None,
}

/// <summary>Checks <see cref="InboundMailOptions"/> at start-up (with ValidateOnStart), so a broken mailbox setting stops the app with a clear message.</summary>
public sealed class InboundMailOptionsValidator(IServiceProviderIsService services) : IValidateOptions<InboundMailOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems(services.IsService(typeof(IInboundMessageSink)));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
