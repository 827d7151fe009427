using Liaison.Core.Features.Engagements;
using Liaison.Core.Features.Staff;
using Liaison.Core.Features.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> builder)
    {
        builder.Property(t => t.Note).HasMaxLength(1000);
        // The week grid reads one person's week; an engagement's list and the edge months of a
        // profitability range read one engagement's days. Neither ever scans the whole table.
        builder.HasIndex(t => new { t.StaffId, t.Date });
        builder.HasIndex(t => new { t.EngagementId, t.Date });
        builder.HasIndex(t => new { t.AccountId, t.Date });
        // Workload reads a window of weeks for everyone.
        builder.HasIndex(t => new { t.Date, t.StaffId });
        builder.HasOne<Engagement>().WithMany().HasForeignKey(t => t.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.Property(x => x.Note).HasMaxLength(1000);
        builder.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(x => new { x.EngagementId, x.Date });
        builder.HasIndex(x => new { x.StaffId, x.Date });
        builder.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TimeRollupConfiguration : IEntityTypeConfiguration<TimeRollup>
{
    public void Configure(EntityTypeBuilder<TimeRollup> builder)
    {
        builder.HasKey(r => new { r.EngagementId, r.StaffId, r.Month });
        builder.HasIndex(r => new { r.AccountId, r.Month });
        builder.HasIndex(r => new { r.StaffId, r.Month });
    }
}

internal sealed class MonthLockConfiguration : IEntityTypeConfiguration<MonthLock>
{
    public void Configure(EntityTypeBuilder<MonthLock> builder) => builder.HasKey(l => l.Month);
}

internal sealed class TimeImportConfiguration : IEntityTypeConfiguration<TimeImport>
{
    public void Configure(EntityTypeBuilder<TimeImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class StaffRateConfiguration : IEntityTypeConfiguration<StaffRate>
{
    public void Configure(EntityTypeBuilder<StaffRate> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.StaffId, r.EffectiveFrom }).IsUnique();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
