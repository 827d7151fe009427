using Liaison.Core.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Features.Communications.Inbound;

/// <summary>
/// Reads the new messages of the configured IMAP folder and hands each to the sink, remembering in
/// a <see cref="MailboxCursor"/> how far it got. Read-only: the folder is opened with EXAMINE, so no
/// flag (not even \Seen) is set and nothing is moved or deleted on the server.
/// </summary>
/// <remarks>
/// The cursor moves past a message only once the sink has answered for it, one message at a time,
/// so a poll that stops half-way (crash, lost connection, a sink that throws) resumes at the first
/// message not yet taken. The one window left, between the sink's save and the cursor's, can only
/// offer a message twice, and the sink's Message-ID dedupe absorbs that.
/// </remarks>
public sealed class MailboxPoller(
    IDbContextFactory<LiaisonDb> dbFactory,
    IInboundMessageSink sink,
    IOptions<InboundMailOptions> options,
    TimeProvider clock,
    ILogger<MailboxPoller> logger)
{
    /// <summary>How long one IMAP command may take before the poll gives up.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// One poll. Failures are recorded on the cursor (<see cref="MailboxCursor.LastError"/>), logged and
    /// returned, never thrown; only cancellation through <paramref name="ct"/> throws.
    /// </summary>
    public async Task<MailboxPollResult> PollAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var delivered = 0;
        var duplicates = 0;
        LiaisonDb? db = null;
        MailboxCursor? cursor = null;
        try
        {
            db = await dbFactory.CreateDbContextAsync(ct);
            cursor = await db.MailboxCursors.FindAsync([settings.MailboxKey], ct);
            if (cursor is null)
            {
                cursor = new MailboxCursor { Mailbox = settings.MailboxKey };
                db.MailboxCursors.Add(cursor);
            }

            using var client = new ImapClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
            await client.ConnectAsync(settings.Host ?? "", settings.EffectivePort, SocketOptions(settings.Security), ct);
            await client.AuthenticateAsync(settings.UserName ?? "", settings.Password ?? "", ct);
            var folder = string.Equals(settings.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(settings.Folder, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);

            if (cursor.UidValidity != folder.UidValidity)
            {
                if (cursor.UidValidity != 0)
                {
                    logger.LogWarning("The UIDVALIDITY of {Mailbox} changed from {Old} to {New}: reading it again from the start; messages already imported are skipped by their Message-ID.",
                        settings.MailboxKey, cursor.UidValidity, folder.UidValidity);
                }

                cursor.UidValidity = folder.UidValidity;
                cursor.LastUid = 0;
                await db.SaveChangesAsync(ct);
            }

            foreach (var batch in (await NewUidsAsync(folder, cursor.LastUid, ct)).Chunk(settings.BatchSize))
            {
                var summaries = await folder.FetchAsync(batch, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate), ct);
                var receivedAt = summaries.ToDictionary(s => s.UniqueId, s => s.InternalDate);
                foreach (var uid in batch)
                {
                    // Gone since the search (expunged by another client): nothing to import.
                    if (receivedAt.TryGetValue(uid, out var received))
                    {
                        var mime = await folder.GetMessageAsync(uid, ct);
                        var message = InboundMessageReader.Read(mime, uid.Id, received, clock.GetUtcNow());
                        if (await sink.AcceptAsync(message, ct))
                        {
                            delivered++;
                        }
                        else
                        {
                            duplicates++;
                        }
                    }

                    cursor.LastUid = uid.Id;
                    await db.SaveChangesAsync(ct);
                }
            }

            await client.DisconnectAsync(quit: true, ct);
            cursor.LastPolledAt = clock.UtcNowStorable();
            cursor.LastError = null;
            await db.SaveChangesAsync(ct);
            if (delivered + duplicates > 0)
            {
                logger.LogInformation("Read {Count} messages from {Mailbox}: {Delivered} new, {Duplicates} already imported.",
                    delivered + duplicates, settings.MailboxKey, delivered, duplicates);
            }

            return new MailboxPollResult(delivered, duplicates, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Polling {Mailbox} failed after {Delivered} new and {Duplicates} known messages; the next poll resumes after the last one taken.",
                settings.MailboxKey, delivered, duplicates);
            var error = Describe(ex);
            await RecordErrorAsync(db, cursor, error);
            return new MailboxPollResult(delivered, duplicates, error);
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>The UIDs above <paramref name="lastUid"/>, oldest first.</summary>
    private static async Task<List<UniqueId>> NewUidsAsync(IMailFolder folder, long lastUid, CancellationToken ct)
    {
        if (lastUid >= uint.MaxValue)
        {
            return [];
        }

        var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)lastUid + 1), UniqueId.MaxValue)), ct);
        // "n:*" also matches the highest UID when that is below n (RFC 3501 6.4.8): keep only the new ones.
        return [.. uids.Where(u => u.Id > lastUid).OrderBy(u => u.Id)];
    }

    private async Task RecordErrorAsync(LiaisonDb? db, MailboxCursor? cursor, string error)
    {
        if (db is null || cursor is null)
        {
            return;
        }

        try
        {
            cursor.LastError = error;
            cursor.LastPolledAt = clock.UtcNowStorable();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the failed poll of {Mailbox}.", cursor.Mailbox);
        }
    }

    private static string Describe(Exception ex)
    {
        var text = ex switch
        {
            AuthenticationException => $"The IMAP server refused the user name or password ({ex.Message})",
            FolderNotFoundException notFound => $"The folder '{notFound.FolderName}' does not exist on the IMAP server.",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        return text.Length <= MailboxCursor.MaxErrorLength ? text : text[..MailboxCursor.MaxErrorLength];
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown mail security."),
    };
}

/// <summary>What one poll did: messages new to the sink, messages it already had, and why it stopped early (null when it did not).</summary>
public sealed record MailboxPollResult(int Delivered, int Duplicates, string? Error)
{
    public bool Succeeded => Error is null;
}
