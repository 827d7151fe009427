using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Risks;
using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Description).HasMaxLength(4000);
        builder.Property(r => r.Mitigation).HasMaxLength(4000);
        builder.Property(r => r.Contingency).HasMaxLength(4000);
        builder.Property(r => r.LastReviewedBy).HasMaxLength(200);
        builder.Property(r => r.EscalatedTo).HasMaxLength(200);
        builder.Property(r => r.EscalatedByName).HasMaxLength(200);
        builder.Property(r => r.EscalationNote).HasMaxLength(2000);
        // The register of an account and of an engagement, open items by score (the heat map, the default order);
        // a person's own open items by review date ("my overdue reviews"); the issues that realised a risk.
        builder.HasIndex(r => new { r.AccountId, r.Status, r.Score });
        builder.HasIndex(r => new { r.EngagementId, r.Status, r.Score });
        builder.HasIndex(r => new { r.OwnerStaffId, r.Status, r.NextReviewDate });
        builder.HasIndex(r => r.RealisedRiskId);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.EscalatedToStaffId).OnDelete(DeleteBehavior.Restrict);
        // The service unlinks issues (audited) before deleting a risk; the database does the same as a backstop.
        builder.HasOne<Risk>().WithMany().HasForeignKey(r => r.RealisedRiskId).OnDelete(DeleteBehavior.SetNull);
    }
}
