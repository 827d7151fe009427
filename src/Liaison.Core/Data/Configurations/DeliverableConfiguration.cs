using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Deliverables;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class ClientRequestConfiguration : IEntityTypeConfiguration<ClientRequest>
{
    public void Configure(EntityTypeBuilder<ClientRequest> builder)
    {
        builder.ToTable("ClientRequests");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Objective).HasMaxLength(4000);
        builder.Property(r => r.Audience).HasMaxLength(2000);
        builder.Property(r => r.KeyMessage).HasMaxLength(2000);
        builder.Property(r => r.Mandatories).HasMaxLength(2000);
        builder.Property(r => r.Constraints).HasMaxLength(2000);
        builder.Property(r => r.SuccessMeasure).HasMaxLength(2000);
        builder.PrimitiveCollection(r => r.References);
        builder.Property(r => r.LoggedByName).HasMaxLength(200);
        builder.Property(r => r.TriagedByName).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DeclineReason).HasMaxLength(2000);
        // An account's requests newest first, and the untriaged ones.
        builder.HasIndex(r => new { r.AccountId, r.ReceivedOn });
        builder.HasIndex(r => new { r.Outcome, r.ReceivedOn });
        builder.HasIndex(r => r.EngagementId);
        builder.HasIndex(r => r.StakeholderId);
        // No foreign key to change requests: that feature links itself (ClientRequestService.MarkAsChangeRequestAsync).
        builder.HasIndex(r => r.ChangeRequestId);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.SetNull);
        // Deleting a stakeholder keeps their requests on record, without the person.
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(r => r.StakeholderId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DeliverableConfiguration :
    IEntityTypeConfiguration<Deliverable>, IEntityTypeConfiguration<DeliverableAssignee>, IEntityTypeConfiguration<DeliverableVersion>,
    IEntityTypeConfiguration<DeliverableRound>, IEntityTypeConfiguration<DeliverableComment>, IEntityTypeConfiguration<DeliverableTransition>
{
    public void Configure(EntityTypeBuilder<Deliverable> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Brief).HasMaxLength(8000);
        builder.Property(d => d.InternalApprovedByName).HasMaxLength(200);
        builder.Property(d => d.ClientApprovedByName).HasMaxLength(200);
        // An engagement's board, an account's deliverables by due date, a reviewer's queue.
        builder.HasIndex(d => new { d.EngagementId, d.State });
        builder.HasIndex(d => new { d.AccountId, d.DueDate });
        builder.HasIndex(d => new { d.ReviewerStaffId, d.State });
        builder.HasIndex(d => d.RequestId);
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(d => d.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ClientRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.ReviewerStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Assignees).WithOne().HasForeignKey(a => a.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Rounds).WithOne().HasForeignKey(r => r.DeliverableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Transitions).WithOne().HasForeignKey(t => t.DeliverableId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DeliverableAssignee> builder)
    {
        builder.ToTable("DeliverableAssignees");
        builder.HasKey(a => new { a.DeliverableId, a.StaffId });
        // "What am I working on?"
        builder.HasIndex(a => a.StaffId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.StaffId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DeliverableVersion> builder)
    {
        builder.ToTable("DeliverableVersions");
        // Ids are made in code; a new child with an id set must still be inserted, not updated.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.LinkUrl).HasMaxLength(2000);
        builder.Property(v => v.StoredFileName).HasMaxLength(300);
        builder.Property(v => v.OriginalFileName).HasMaxLength(300);
        builder.Property(v => v.ContentType).HasMaxLength(200);
        builder.Property(v => v.Notes).HasMaxLength(4000);
        builder.Property(v => v.AddedByName).HasMaxLength(200);
        // Two versions added at once cannot both take the same number.
        builder.HasIndex(v => new { v.DeliverableId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DeliverableRound> builder)
    {
        builder.ToTable("DeliverableRounds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OpenedByName).HasMaxLength(200);
        builder.Property(r => r.ClosedByName).HasMaxLength(200);
        builder.Property(r => r.ClosedForStakeholderName).HasMaxLength(200);
        builder.HasIndex(r => new { r.DeliverableId, r.Kind, r.Number }).IsUnique();
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DeliverableComment> builder)
    {
        builder.ToTable("DeliverableComments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => new { c.RoundId, c.At });
    }

    public void Configure(EntityTypeBuilder<DeliverableTransition> builder)
    {
        builder.ToTable("DeliverableTransitions");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ByName).HasMaxLength(200);
        builder.Property(t => t.ForStakeholderName).HasMaxLength(200);
        builder.Property(t => t.Comment).HasMaxLength(4000);
        builder.HasIndex(t => new { t.DeliverableId, t.At });
    }
}
