using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Supervision;

namespace OneWindow.Web.Modules.Complaints;

internal sealed class EfficiencyComplaintConfiguration : IEntityTypeConfiguration<EfficiencyComplaint>
{
    public void Configure(EntityTypeBuilder<EfficiencyComplaint> b)
    {
        b.Property(c => c.TrackingCode).HasMaxLength(12);
        b.Property(c => c.CaseNumber).HasMaxLength(40);
        b.Property(c => c.Target).HasMaxLength(200);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Content).HasMaxLength(2000);
        b.Property(c => c.ComplainantName).HasMaxLength(100);
        b.Property(c => c.ComplainantPhone).HasMaxLength(20);
        b.Property(c => c.RefusalReason).HasMaxLength(1000);
        b.Property(c => c.Findings).HasMaxLength(2000);
        b.Property(c => c.ReplyToComplainant).HasMaxLength(2000);
        b.Property(c => c.HandledBy).HasMaxLength(100);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasIndex(c => c.TrackingCode).IsUnique();
        // The supervisors' list by status, newest first; a department's complaints for the assessment.
        b.HasIndex(c => new { c.Status, c.FiledAt, c.Id });
        b.HasIndex(c => new { c.FiledAt, c.Id });
        b.HasIndex(c => new { c.DepartmentId, c.ConcludedAt });
    }
}
