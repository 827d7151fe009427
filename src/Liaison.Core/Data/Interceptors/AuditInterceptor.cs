using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Liaison.Core.Access;
using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Audit;
using Liaison.Core.Features.Integrations;
using Liaison.Core.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Liaison.Core.Data.Interceptors;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every created, updated and deleted record in the same
/// SaveChanges, so the audit log and the data can never disagree.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // The log is read by people; "+44" should stay "+44", and the UI encodes what it shows.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Bookkeeping that says nothing to a reader of the log.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(Entity.Version), nameof(Entity.UpdatedAt), nameof(Entity.CreatedAt), nameof(LiaisonUser.ConcurrencyStamp),
        nameof(LiaisonUser.NormalizedEmail), nameof(LiaisonUser.NormalizedUserName),
        nameof(LiaisonUser.AccessFailedCount), nameof(PersonalAccessToken.LastUsedAt),
    ];

    // Secrets: the log says that they changed, never what they are.
    private static readonly HashSet<string> SecretProperties =
    [
        nameof(LiaisonUser.PasswordHash), nameof(LiaisonUser.SecurityStamp), nameof(PersonalAccessToken.TokenHash),
        nameof(Features.Meetings.CalendarFeed.SecretHash),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WriteEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void WriteEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var actor = (context as LiaisonDb)?.Actor;
        var now = clock.UtcNowStorable();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // A mailbox cursor moves on every poll: bookkeeping, not a change anyone made.
            .Where(e => e.Entity is not AuditEntry and not IdempotencyRecord and not IDerivedData and not Features.Communications.Inbound.MailboxCursor)
            // An import is audited once, as a whole, by its TimeImport record; 100,000 row entries would drown the log.
            .Where(e => !(e.State == EntityState.Added && e.Entity is Features.Time.TimeEntry { ImportId: not null }))
            .Where(e => e.Metadata.ClrType.Namespace?.StartsWith("Liaison.", StringComparison.Ordinal) == true)
            .Select(e => Describe(e, actor, now))
            .Where(e => e is not null)
            .ToList();
        context.Set<AuditEntry>().AddRange(entries!);
    }

    private static AuditEntry? Describe(EntityEntry entry, CurrentUser? actor, DateTime now)
    {
        var changes = new JsonObject();
        foreach (var (name, property) in Columns(entry))
        {
            // Keys are already the entry's EntityId and AccountId columns.
            if (IgnoredProperties.Contains(name) || property.Metadata.IsShadowProperty() || property.Metadata.IsPrimaryKey()
                || name == nameof(IAccountOwned.AccountId))
            {
                continue;
            }

            if (SecretProperties.Contains(name))
            {
                if (entry.State == EntityState.Modified && property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                {
                    changes[name] = "(changed)";
                }

                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[name] = new JsonObject { ["new"] = ToJson(property.CurrentValue) };
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes[name] = new JsonObject { ["old"] = ToJson(property.OriginalValue) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new JsonObject { ["old"] = ToJson(property.OriginalValue), ["new"] = ToJson(property.CurrentValue) };
                    break;
            }
        }

        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            At = now,
            ActorId = actor?.UserId,
            ActorName = actor?.DisplayName ?? "system",
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", key),
            AccountId = entry.Entity switch
            {
                Account account => account.Id,
                IAccountOwned owned => owned.AccountId,
                LiaisonUser user => user.ClientAccountId,
                _ => null,
            },
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Changes = changes.ToJsonString(JsonOptions),
        };
    }

    /// <summary>
    /// Every stored value of the record: its own properties, and those of its complex properties (an
    /// engagement's budget and hand-off live in its row) named "Budget.FixedFee".
    /// </summary>
    private static IEnumerable<(string Name, PropertyEntry Property)> Columns(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            yield return (property.Metadata.Name, property);
        }

        foreach (var column in entry.ComplexProperties.SelectMany(c => Columns(c, c.Metadata.Name)))
        {
            yield return column;
        }
    }

    private static IEnumerable<(string Name, PropertyEntry Property)> Columns(ComplexPropertyEntry complex, string prefix)
    {
        foreach (var property in complex.Properties)
        {
            yield return ($"{prefix}.{property.Metadata.Name}", property);
        }

        foreach (var column in complex.ComplexProperties.SelectMany(c => Columns(c, $"{prefix}.{c.Metadata.Name}")))
        {
            yield return column;
        }
    }

    private static JsonNode? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), JsonOptions);
}
