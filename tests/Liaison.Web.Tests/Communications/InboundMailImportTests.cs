using System.Net;
using Liaison.Core.Common;
using Liaison.Core.Data;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Communications.Inbound;
using Liaison.Core.Features.Stakeholders;
using Liaison.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Liaison.Web.Tests.Communications;

/// <summary>Real mail in a real dovecot, polled into the app's own importer: interactions for known senders, triage for the rest.</summary>
public abstract class InboundMailImportTests(AppFactory app, DovecotServer dovecot)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ApiClient _admin = app.ClientFor(Principal.Admin);

    [Fact]
    public async Task AKnownSendersMailBecomesAQueryAndAStrangersWaitsInTriageOnceAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var account = await _admin.PostAsync("/api/v1/accounts", new { name = $"Inbox Isles {tag}" });
        var accountId = (await account.ReadJsonAsync<AccountDetails>()).Id;
        var ana = await StakeholderAsync(accountId, "Ana Quay", $"Ana.{tag}@quay.test");
        var ben = await StakeholderAsync(accountId, "Ben Quay", $"ben.{tag}@quay.test");

        var mailbox = await dovecot.CreateMailboxAsync(Ct);
        await mailbox.CreateFolderAsync("Clients");
        var options = mailbox.Options("Clients");
        await mailbox.AppendAsync(Mail($"known-{tag}@quay.test", $"ana.{tag}@QUAY.test", $"ben.{tag}@quay.test", "Can you resend the invoice?"), "Clients");
        await mailbox.AppendAsync(Mail($"stranger-{tag}@else.test", $"who.{tag}@else.test", null, "Partnership idea"), "Clients");

        var first = await PollAsync(options);
        var again = await PollAsync(options);

        first.ShouldBe(new MailboxPollResult(2, 0, null));
        again.ShouldBe(new MailboxPollResult(0, 0, null));
        var log = await _admin.GetJsonAsync<Page<InteractionSummary>>($"/api/v1/interactions?accountId={accountId}");
        var query = log.Items.ShouldHaveSingleItem();
        query.Subject.ShouldBe("Can you resend the invoice?");
        query.Source.ShouldBe(InteractionSource.InboundEmail);
        query.IsQuery.ShouldBeTrue();
        query.SlaDueAt.ShouldNotBeNull();
        query.Stakeholders.Select(s => s.Id).Order().ShouldBe(new[] { ana, ben }.Order());
        var full = await _admin.GetJsonAsync<InteractionView>($"/api/v1/interactions/{query.Id}");
        full.MessageId.ShouldBe($"known-{tag}@quay.test");
        full.Summary.ShouldBe("Please send it again.");

        var triage = await _admin.GetJsonAsync<Page<TriageMessageView>>("/api/v1/inbound-triage?limit=200");
        var stranger = triage.Items.Single(m => m.MessageId == $"stranger-{tag}@else.test");
        stranger.FromAddress.ShouldBe($"who.{tag}@else.test");
        using var filed = await _admin.PostAsync($"/api/v1/inbound-triage/{stranger.Id}/file", new { accountId, isQuery = false });
        await filed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // A renumbered folder is read again from the start: nothing becomes a second interaction or triage item.
        await mailbox.DeleteFolderAsync("Clients");
        await mailbox.CreateFolderAsync("Clients");
        await mailbox.AppendAsync(Mail($"known-{tag}@quay.test", $"ana.{tag}@quay.test", null, "Can you resend the invoice?"), "Clients");
        await mailbox.AppendAsync(Mail($"stranger-{tag}@else.test", $"who.{tag}@else.test", null, "Partnership idea"), "Clients");
        var reread = await PollAsync(options);

        reread.ShouldBe(new MailboxPollResult(0, 2, null));
        (await _admin.GetJsonAsync<Page<InteractionSummary>>($"/api/v1/interactions?accountId={accountId}")).Items.Count.ShouldBe(2);
        await using var db = await app.OpenDbAsync();
        (await db.TriageMessages.CountAsync(m => m.MessageId.Contains(tag), Ct)).ShouldBe(1);
        (await db.Stakeholders.SingleAsync(s => s.Id == ana, Ct)).LastTouchAt.ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
    }

    private async Task<MailboxPollResult> PollAsync(InboundMailOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var poller = new MailboxPoller(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<LiaisonDb>>(), scope.ServiceProvider.GetRequiredService<IInboundMessageSink>(),
            Options.Create(options), TimeProvider.System, NullLogger<MailboxPoller>.Instance);
        return await poller.PollAsync(Ct);
    }

    private async Task<Guid> StakeholderAsync(Guid accountId, string name, string email)
    {
        using var person = await _admin.PostAsync($"/api/v1/accounts/{accountId}/stakeholders", new { fullName = name, email });
        return (await person.ReadJsonAsync<StakeholderView>()).Id;
    }

    private static MimeMessage Mail(string messageId, string from, string? cc, string subject)
    {
        var message = new MimeMessage
        {
            MessageId = messageId,
            Subject = subject,
            Date = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero),
            Body = new TextPart("plain") { Text = "Please send it again." },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("inbox@agency.test"));
        if (cc is not null)
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }

        return message;
    }
}

public sealed class InboundMailImportTestsOnSqlite(SqliteApp app, DovecotServer dovecot) : InboundMailImportTests(app, dovecot), IClassFixture<SqliteApp>;

public sealed class InboundMailImportTestsOnPostgres(PostgresApp app, DovecotServer dovecot) : InboundMailImportTests(app, dovecot), IClassFixture<PostgresApp>;
