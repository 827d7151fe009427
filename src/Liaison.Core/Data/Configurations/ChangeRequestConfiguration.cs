using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.ChangeRequests;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.ToTable("ChangeRequests");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.AffectedDeliverables).HasMaxLength(2000);
        builder.Property(c => c.InternalNotes).HasMaxLength(4000);
        builder.Property(c => c.DecisionNote).HasMaxLength(2000);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        // Ids only, no foreign keys: deliverables and client requests are features of their own.
        builder.PrimitiveCollection(c => c.AffectedDeliverableIds);
        // An engagement's log and scope; an account's change requests by state.
        builder.HasIndex(c => new { c.EngagementId, c.CreatedAt });
        builder.HasIndex(c => new { c.AccountId, c.State });
        builder.HasIndex(c => c.RequestId);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a stakeholder leaves the change requests they asked for or decided on record, without the name.
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(c => c.RequestedByStakeholderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(c => c.DecidedForStakeholderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.RequestedByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
