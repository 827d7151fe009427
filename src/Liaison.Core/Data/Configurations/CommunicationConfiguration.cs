using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Communications;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class CommunicationConfiguration :
    IEntityTypeConfiguration<Interaction>, IEntityTypeConfiguration<InteractionStakeholder>, IEntityTypeConfiguration<AccountSlaPolicy>,
    IEntityTypeConfiguration<TriageMessage>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(300);
        builder.Property(i => i.Summary).HasMaxLength(20_000);
        builder.Property(i => i.MessageId).HasMaxLength(1000);
        // An account's log by date; the awaiting-reply queue by deadline, whole or per assignee.
        builder.HasIndex(i => new { i.AccountId, i.OccurredAt });
        builder.HasIndex(i => new { i.RepliedAt, i.SlaDueAt });
        builder.HasIndex(i => new { i.AssigneeStaffId, i.RepliedAt, i.SlaDueAt });
        // An account's open queries (the overview counts them), without reading its whole log.
        builder.HasIndex(i => new { i.AccountId, i.IsQuery, i.RepliedAt, i.SlaDueAt });
        // A message is never imported twice, even by two pollers at once.
        builder.HasIndex(i => i.MessageId).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.AssigneeStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Stakeholders).WithOne().HasForeignKey(s => s.InteractionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InteractionStakeholder> builder)
    {
        builder.ToTable("InteractionStakeholders");
        builder.HasKey(s => new { s.InteractionId, s.StakeholderId });
        // A person's last touch and their interactions.
        builder.HasIndex(s => s.StakeholderId);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(s => s.StakeholderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AccountSlaPolicy> builder)
    {
        builder.ToTable("AccountSlaPolicies");
        builder.Property(p => p.TimeZoneId).HasMaxLength(100);
        builder.PrimitiveCollection(p => p.WorkingDays);
        builder.PrimitiveCollection(p => p.Holidays);
        builder.HasIndex(p => p.AccountId).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TriageMessage> builder)
    {
        builder.ToTable("TriageMessages");
        builder.Property(m => m.MessageId).HasMaxLength(1000);
        builder.Property(m => m.FromAddress).HasMaxLength(320);
        builder.Property(m => m.FromName).HasMaxLength(200);
        builder.PrimitiveCollection(m => m.ToAddresses);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(20_000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.SentAt });
    }
}
