using Liaison.Core.Features.Accounts;
using Liaison.Core.Features.Meetings;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Stakeholders;
using Liaison.Core.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class AccountPlanConfiguration : IEntityTypeConfiguration<AccountPlan>, IEntityTypeConfiguration<PlanInitiative>
{
    public void Configure(EntityTypeBuilder<AccountPlan> builder)
    {
        builder.Property(p => p.Vision).HasMaxLength(4000);
        builder.PrimitiveCollection(p => p.ClientObjectives);
        builder.PrimitiveCollection(p => p.AgencyObjectives);
        // One plan per account: two first saves at once cannot both create one.
        builder.HasIndex(p => p.AccountId).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Initiatives).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PlanInitiative> builder)
    {
        builder.ToTable("PlanInitiatives");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Horizon).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => i.PlanId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration :
    IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingStakeholder>, IEntityTypeConfiguration<MeetingStaff>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TimeZone).HasMaxLength(100);
        builder.Property(m => m.Location).HasMaxLength(500);
        builder.Property(m => m.Agenda).HasMaxLength(MeetingRules.MaxRichText * 2);
        builder.Property(m => m.Notes).HasMaxLength(MeetingRules.MaxRichText * 2);
        builder.PrimitiveCollection(m => m.Decisions);
        // An account's meetings by date: the meetings tab, "last held meeting", plan reviews.
        builder.HasIndex(m => new { m.AccountId, m.StartsAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Stakeholders).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Staff).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingStakeholder> builder)
    {
        builder.ToTable("MeetingStakeholders");
        builder.HasKey(a => new { a.MeetingId, a.StakeholderId });
        builder.HasIndex(a => a.StakeholderId);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(a => a.StakeholderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingStaff> builder)
    {
        builder.ToTable("MeetingStaff");
        builder.HasKey(a => new { a.MeetingId, a.StaffId });
        builder.HasIndex(a => a.StaffId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>, IEntityTypeConfiguration<CommitmentUpdate>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        // Per account by due date (the account's lists, reliability), and a person's own by status and date ("mine", overdue).
        builder.HasIndex(c => new { c.AccountId, c.DueDate });
        builder.HasIndex(c => new { c.OwnerStaffId, c.Status, c.DueDate });
        // An account's open ones by side and date (the overview's counts), however many are done.
        builder.HasIndex(c => new { c.AccountId, c.Status, c.Side, c.DueDate });
        builder.HasIndex(c => c.MeetingId);
        builder.HasIndex(c => c.OwnerStakeholderId);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The service unlinks commitments (audited) before deleting a meeting; the database does the same as a backstop.
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        // Deleting a stakeholder leaves their commitments on record, without an owner.
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(c => c.OwnerStakeholderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CommitmentUpdate> builder)
    {
        builder.ToTable("CommitmentUpdates");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Text).HasMaxLength(2000);
        builder.Property(u => u.AuthorName).HasMaxLength(200);
        builder.Property(u => u.NewStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(u => new { u.CommitmentId, u.At });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.SecretHash).HasMaxLength(64);
        builder.HasIndex(f => f.SecretHash).IsUnique();
        builder.HasIndex(f => f.UserId).IsUnique();
        builder.HasOne<LiaisonUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
