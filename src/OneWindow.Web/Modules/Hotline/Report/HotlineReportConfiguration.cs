using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Hotline.Report;

internal sealed class DailyHotlineFigureConfiguration : IEntityTypeConfiguration<DailyHotlineFigure>
{
    public void Configure(EntityTypeBuilder<DailyHotlineFigure> b)
    {
        b.ToTable("DailyHotlineFigures");
        // A breakdown over a period is one range of the key: its dimension, the period's days (ADR 0032).
        b.HasKey(f => new { f.Dimension, f.Day, f.Member });
        b.Property(f => f.Member).HasMaxLength(40);
        b.Ignore(f => f.Key);
    }
}

internal sealed class MonthlyHotlineFigureConfiguration : IEntityTypeConfiguration<MonthlyHotlineFigure>
{
    public void Configure(EntityTypeBuilder<MonthlyHotlineFigure> b)
    {
        b.ToTable("MonthlyHotlineFigures");
        // A period's whole months are one range of the key, as the days are (ADR 0040).
        b.HasKey(f => new { f.Dimension, f.Month, f.Member });
        b.Property(f => f.Member).HasMaxLength(40);
        b.Ignore(f => f.Key);
    }
}
