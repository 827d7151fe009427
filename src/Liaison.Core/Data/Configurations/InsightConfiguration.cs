using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class InsightConfiguration : IEntityTypeConfiguration<Insight>, IEntityTypeConfiguration<InsightShare>
{
    public void Configure(EntityTypeBuilder<Insight> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.SourceUrl).HasMaxLength(2000);
        builder.Property(i => i.Summary).HasMaxLength(4000);
        builder.Property(i => i.WhyItMatters).HasMaxLength(4000);
        builder.PrimitiveCollection(i => i.Tags);
        builder.PrimitiveCollection(i => i.SharedWith);
        builder.HasIndex(i => new { i.AccountId, i.CreatedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InsightShare> builder)
    {
        builder.ToTable("InsightShares");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OverrideReason).HasMaxLength(1000);
        builder.PrimitiveCollection(s => s.StakeholderIds);
        // The throttle counts an account's shares in the last 30 days; no key to the insight, so
        // shares outlive a deleted insight and keep counting.
        builder.HasIndex(s => new { s.AccountId, s.SharedAt });
        builder.HasIndex(s => s.InsightId);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
