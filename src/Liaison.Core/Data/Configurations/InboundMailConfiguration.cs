using Liaison.Core.Features.Communications.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class MailboxCursorConfiguration : IEntityTypeConfiguration<MailboxCursor>
{
    public void Configure(EntityTypeBuilder<MailboxCursor> builder)
    {
        builder.HasKey(c => c.Mailbox);
        builder.Property(c => c.Mailbox).HasMaxLength(500);
        builder.Property(c => c.LastError).HasMaxLength(MailboxCursor.MaxErrorLength);
    }
}
