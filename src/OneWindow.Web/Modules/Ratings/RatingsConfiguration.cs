using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Ratings;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.Property(r => r.CaseNumber).HasMaxLength(40);
        b.Property(r => r.Comment).HasMaxLength(500);
        b.Property(r => r.CallbackNote).HasMaxLength(1000);
        b.Property(r => r.RectificationNote).HasMaxLength(1000);
        b.Property(r => r.AppealReason).HasMaxLength(1000);
        b.Property(r => r.AppealReview).HasMaxLength(1000);
        b.Property(r => r.HandledBy).HasMaxLength(100);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.Ignore(r => r.IsBad);
        // One rating per case and channel; a department's open rectifications by due date.
        b.HasIndex(r => new { r.CaseId, r.Channel }).IsUnique();
        b.HasIndex(r => new { r.DepartmentId, r.Rectification, r.RectificationDueAt, r.Id });
        b.HasIndex(r => new { r.Rectification, r.RatedAt });
    }
}
