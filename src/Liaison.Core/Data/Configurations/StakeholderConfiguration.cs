using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.Property(s => s.FullName).HasMaxLength(200);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(50);
        builder.Property(s => s.ChatHandle).HasMaxLength(100);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.Property(s => s.Support).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.PreferredChannel).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(s => s.Roles).ElementType().HasConversion<string>();
        builder.HasIndex(s => new { s.AccountId, s.FullName });
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
