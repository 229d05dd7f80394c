using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Statistics;

internal sealed class DailyServiceFigureConfiguration : IEntityTypeConfiguration<DailyServiceFigure>
{
    public void Configure(EntityTypeBuilder<DailyServiceFigure> b)
    {
        b.ToTable("DailyServiceFigures");
        // The same grain as DailyFigures: a period is a range of the key; a department's, region's or window's rows by index.
        b.HasKey(f => new { f.Day, f.DepartmentId, f.ItemCode, f.VenueId, f.WindowId, f.Channel, f.RegionCode });
        b.Property(f => f.ItemCode).HasMaxLength(40);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Ignore(f => f.Key);
        b.HasIndex(f => new { f.DepartmentId, f.Day });
        b.HasIndex(f => new { f.RegionCode, f.Day });
        b.HasIndex(f => new { f.WindowId, f.Day });
    }
}
