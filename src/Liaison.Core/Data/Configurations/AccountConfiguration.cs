using Liaison.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Industry).HasMaxLength(100);
        builder.Property(a => a.Website).HasMaxLength(300);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Tier).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => a.AccountManagerId);
    }
}

internal sealed class AccountTeamMemberConfiguration : IEntityTypeConfiguration<AccountTeamMember>
{
    public void Configure(EntityTypeBuilder<AccountTeamMember> builder)
    {
        builder.HasKey(t => new { t.AccountId, t.StaffId });
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(30);
        // The visibility filter asks "which accounts is this staff member on?" on every query.
        builder.HasIndex(t => new { t.StaffId, t.AccountId });
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Features.Staff.StaffMember>().WithMany().HasForeignKey(t => t.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
