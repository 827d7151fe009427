using Liaison.Core.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Core.Data.Configurations;

internal sealed class StaffConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("Staff");
        builder.Property(s => s.FullName).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.JobTitle).HasMaxLength(100);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.Discipline).HasConversion<string>().HasMaxLength(20);
    }
}
