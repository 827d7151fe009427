using System.Diagnostics;
using Liaison.Core.Features.Communications.Inbound;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace Liaison.Web.Tests.Communications;

/// <summary>The inbound-mail settings as the app reads them, and the scheduled job in a running app.</summary>
public sealed class InboundMailHostingTests(SqliteApp app, DovecotServer dovecot) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnabledWithoutAnImporterStopsTheAppWithAClearMessageAsync()
    {
        await using var host = app.WithWebHostBuilder(b =>
        {
            Settings(b, new InboundMailOptions
            {
                Enabled = true, Host = "127.0.0.1", Security = MailSecurity.None, UserName = "liaison", Password = "secret",
            });
            // Core registers the importer; a host that lost it must not start polling into nothing.
            b.ConfigureServices(s => s.RemoveAll<IInboundMessageSink>());
        });

        var failure = Should.Throw<Exception>(() => host.Services);

        Messages(failure).ShouldContain("no IInboundMessageSink is registered");
    }

    [Fact]
    public async Task BrokenSettingsStopTheAppAndSayWhichAsync()
    {
        await using var host = app.WithWebHostBuilder(b =>
        {
            Settings(b, new InboundMailOptions { Enabled = true, Host = "imap.example.com", Security = MailSecurity.None, BatchSize = 0 });
            b.ConfigureServices(s => s.AddSingleton<IInboundMessageSink>(new RecordingSink()));
        });

        var messages = Messages(Should.Throw<Exception>(() => host.Services));

        messages.ShouldContain("Liaison:InboundMail:UserName is required");
        messages.ShouldContain("Liaison:InboundMail:Password is required");
        messages.ShouldContain("Security None would send the mailbox password unencrypted to 'imap.example.com'");
        messages.ShouldContain("Liaison:InboundMail:BatchSize must be between 1 and 1000");
        messages.ShouldNotContain("IInboundMessageSink");
    }

    [Fact]
    public async Task TheJobPollsTheMailboxOnceTheAppRunsAsync()
    {
        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        var message = new MimeMessage { MessageId = "job-1@client.test", Subject = "Hello from the job test", Body = new TextPart("plain") { Text = "Hi" } };
        message.From.Add(new MailboxAddress("Olivia", "olivia@client.test"));
        var uid = await mailbox.AppendAsync(message);
        var sink = new RecordingSink();
        var options = mailbox.Options();
        options.PollInterval = TimeSpan.FromSeconds(5);
        await using var host = app.WithWebHostBuilder(b =>
        {
            Settings(b, options);
            // As the importer will likely be: scoped, with scopes checked, so the job must resolve it in a scope of its own.
            b.ConfigureServices(s => s.AddScoped<IInboundMessageSink>(_ => sink));
            b.UseDefaultServiceProvider(o => o.ValidateScopes = true);
        });
        _ = host.Services;

        await WaitUntilAsync(() => sink.Kept.Count == 1);

        sink.Kept[0].MessageId.ShouldBe("job-1@client.test");
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<Liaison.Core.Data.LiaisonDb>>().CreateDbContextAsync(Ct);
        var cursor = await db.MailboxCursors.AsNoTracking().SingleAsync(c => c.Mailbox == options.MailboxKey, Ct);
        cursor.LastUid.ShouldBe(uid);
        cursor.LastError.ShouldBeNull();
    }

    private static void Settings(IWebHostBuilder builder, InboundMailOptions options)
    {
        var section = InboundMailOptions.Section;
        builder.UseSetting($"{section}:Enabled", options.Enabled ? "true" : "false");
        builder.UseSetting($"{section}:Host", options.Host);
        builder.UseSetting($"{section}:Port", options.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting($"{section}:Security", options.Security.ToString());
        builder.UseSetting($"{section}:UserName", options.UserName);
        builder.UseSetting($"{section}:Password", options.Password);
        builder.UseSetting($"{section}:Folder", options.Folder);
        builder.UseSetting($"{section}:PollInterval", options.PollInterval.ToString("c"));
        builder.UseSetting($"{section}:BatchSize", options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Messages(Exception exception)
    {
        var all = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            all.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                all.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join("\n", all);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The job did not deliver the message within 30 s.");
            }

            await Task.Delay(100, Ct);
        }
    }
}
