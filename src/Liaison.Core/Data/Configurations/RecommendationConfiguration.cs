using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>, IEntityTypeConfiguration<RecommendationOption>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Context).HasMaxLength(4000);
        builder.Property(r => r.ReasonNote).HasMaxLength(2000);
        builder.Property(r => r.Importance).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ReasonCategory).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(r => r.StaffConsulted);
        // The list reads an account's newest first, optionally by decision.
        builder.HasIndex(r => new { r.AccountId, r.CreatedAt });
        builder.HasIndex(r => new { r.AccountId, r.Decision });
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Options).WithOne().HasForeignKey(o => o.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RecommendationOption> builder)
    {
        builder.ToTable("RecommendationOptions");
        // Ids are made in code; a new option with an id set must still be inserted, not updated.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Pros).HasMaxLength(2000);
        builder.Property(o => o.Cons).HasMaxLength(2000);
        builder.HasIndex(o => new { o.RecommendationId, o.Position });
    }
}
