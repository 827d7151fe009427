using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Methodology).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ReportCadence).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ClientNeeds).HasMaxLength(4000);
        builder.Property(e => e.ClientExpectations).HasMaxLength(4000);
        builder.Property(e => e.KnownRisks).HasMaxLength(4000);
        builder.Property(e => e.RagReason).HasMaxLength(1000);
        builder.Property(e => e.InternalNotes).HasMaxLength(4000);
        builder.PrimitiveCollection(e => e.Goals);
        builder.ComplexProperty(e => e.Budget, b =>
        {
            b.Property(x => x.Recognition).HasConversion<string>().HasMaxLength(20).HasColumnName("BudgetRecognition");
            b.Property(x => x.RetainerPeriod).HasConversion<string>().HasMaxLength(20).HasColumnName("BudgetRetainerPeriod");
            b.Property(x => x.FixedFee).HasColumnName("BudgetFixedFee");
            b.Property(x => x.HoursCapMinutes).HasColumnName("BudgetHoursCapMinutes");
            b.Property(x => x.RetainerMinutesPerPeriod).HasColumnName("BudgetRetainerMinutesPerPeriod");
            b.Property(x => x.RetainerFeePerPeriod).HasColumnName("BudgetRetainerFeePerPeriod");
            b.Property(x => x.RolloverPercent).HasColumnName("BudgetRolloverPercent");
            b.Property(x => x.PercentComplete).HasColumnName("BudgetPercentComplete");
        });
        builder.ComplexProperty(e => e.HandOff, h =>
        {
            h.Property(x => x.Brief).HasMaxLength(20000).HasColumnName("HandOffBrief");
            h.Property(x => x.SentAt).HasColumnName("HandOffSentAt");
            h.Property(x => x.SentBy).HasColumnName("HandOffSentBy");
            h.Property(x => x.AcknowledgedAt).HasColumnName("HandOffAcknowledgedAt");
            h.Property(x => x.AcknowledgedBy).HasColumnName("HandOffAcknowledgedBy");
        });
        builder.HasIndex(e => new { e.AccountId, e.Name });
        builder.HasIndex(e => e.ProjectManagerId);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Members).WithOne().HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Deliverables).WithOne().HasForeignKey(d => d.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Phases).WithOne().HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Milestones).WithOne().HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngagementMemberConfiguration : IEntityTypeConfiguration<EngagementMember>
{
    public void Configure(EntityTypeBuilder<EngagementMember> builder)
    {
        builder.HasKey(m => new { m.EngagementId, m.StaffId });
        builder.Property(m => m.Role).HasMaxLength(100);
        // "Which engagements is this person on?" decides what a team member sees and may log time to.
        builder.HasIndex(m => new { m.StaffId, m.EngagementId });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EngagementPartsConfiguration :
    IEntityTypeConfiguration<PlannedDeliverable>, IEntityTypeConfiguration<Phase>, IEntityTypeConfiguration<Milestone>,
    IEntityTypeConfiguration<RateCardLine>, IEntityTypeConfiguration<ProgressReading>, IEntityTypeConfiguration<HandOffQuestion>
{
    public void Configure(EntityTypeBuilder<PlannedDeliverable> builder)
    {
        builder.ToTable("PlannedDeliverables");
        // Ids are made in code; a new child with an id set must still be inserted, not updated.
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<RateCardLine> builder)
    {
        builder.ToTable("RateCardLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Discipline).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => l.EngagementId);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(l => l.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProgressReading> builder)
    {
        builder.ToTable("ProgressReadings");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.EngagementId, r.On });
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HandOffQuestion> builder)
    {
        builder.ToTable("HandOffQuestions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Question).HasMaxLength(2000);
        builder.Property(q => q.Answer).HasMaxLength(4000);
        builder.HasIndex(q => q.EngagementId);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(q => q.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}
