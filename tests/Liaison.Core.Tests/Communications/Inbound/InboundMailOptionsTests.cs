using Liaison.Core.Features.Communications.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Core.Tests.Communications.Inbound;

public sealed class InboundMailOptionsTests
{
    private static InboundMailOptions Valid() => new()
    {
        Enabled = true, Host = "imap.agency.test", UserName = "inbox@agency.test", Password = "secret",
    };

    [Fact]
    public void OffByDefaultAndThenNothingIsChecked()
    {
        var options = new InboundMailOptions();

        options.Enabled.ShouldBeFalse();
        options.Problems(sinkRegistered: false).ShouldBeEmpty();
    }

    [Fact]
    public void TheDefaultsAreSafe()
    {
        var options = Valid();

        options.Security.ShouldBe(MailSecurity.SslOnConnect);
        options.EffectivePort.ShouldBe(993);
        options.Folder.ShouldBe("INBOX");
        options.PollInterval.ShouldBe(TimeSpan.FromMinutes(2));
        options.Problems(sinkRegistered: true).ShouldBeEmpty();
        new InboundMailOptions { Security = MailSecurity.StartTls }.EffectivePort.ShouldBe(143);
        new InboundMailOptions { Security = MailSecurity.StartTls, Port = 1143 }.EffectivePort.ShouldBe(1143);
    }

    [Fact]
    public void EnabledWithoutAServerSaysWhatIsMissing()
    {
        var problems = new InboundMailOptions { Enabled = true, Folder = " ", BatchSize = 5000, PollInterval = TimeSpan.FromSeconds(1) }
            .Problems(sinkRegistered: true);

        problems.Count.ShouldBe(6);
        problems.ShouldContain(p => p.StartsWith("Liaison:InboundMail:Host is required", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Liaison:InboundMail:UserName is required", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Liaison:InboundMail:Password is required", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Liaison:InboundMail:Folder", StringComparison.Ordinal));
        problems.ShouldContain("Liaison:InboundMail:BatchSize must be between 1 and 1000 (it is 5000).");
        problems.ShouldContain("Liaison:InboundMail:PollInterval must be between 00:00:05 and 1.00:00:00 (it is 00:00:01).");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("imap.agency.test", false)]
    public void WithoutEncryptionOnlyAServerOnThisMachineIsAllowed(string host, bool allowed)
    {
        var options = Valid();
        options.Host = host;
        options.Security = MailSecurity.None;

        options.Problems(sinkRegistered: true).Count.ShouldBe(allowed ? 0 : 1);
    }

    [Fact]
    public void EnabledWithoutASinkIsAProblemAndTheValidatorAsksTheContainer()
    {
        Valid().Problems(sinkRegistered: false).ShouldHaveSingleItem().ShouldContain("no IInboundMessageSink is registered");

        using var without = new ServiceCollection().BuildServiceProvider();
        new InboundMailOptionsValidator(without.GetRequiredService<IServiceProviderIsService>()).Validate(null, Valid()).Failed.ShouldBeTrue();

        using var with = new ServiceCollection().AddScoped<IInboundMessageSink, NoSink>().BuildServiceProvider();
        new InboundMailOptionsValidator(with.GetRequiredService<IServiceProviderIsService>()).Validate(null, Valid()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void TheMailboxKeyNamesServerUserAndFolder()
    {
        var options = Valid();
        options.Host = "IMAP.Agency.test";
        options.Folder = "Clients/Support";

        options.MailboxKey.ShouldBe("imap://inbox@agency.test@imap.agency.test:993/Clients/Support");
    }

    private sealed class NoSink : IInboundMessageSink
    {
        public Task<bool> AcceptAsync(InboundMessage message, CancellationToken ct) => Task.FromResult(false);
    }
}
