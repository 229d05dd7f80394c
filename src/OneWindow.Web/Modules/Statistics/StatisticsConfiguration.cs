using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

internal sealed class DailyFigureConfiguration : IEntityTypeConfiguration<DailyFigure>
{
    public void Configure(EntityTypeBuilder<DailyFigure> b)
    {
        b.ToTable("DailyFigures");
        // The period's rows are a range of the key; a breakdown groups them.
        b.HasKey(f => new { f.Day, f.DepartmentId, f.ItemCode, f.VenueId, f.WindowId, f.Channel, f.RegionCode });
        b.Property(f => f.ItemCode).HasMaxLength(40);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Ignore(f => f.Key);
        // A department's, a region's or a window's figures over a period without reading the others'.
        b.HasIndex(f => new { f.DepartmentId, f.Day });
        b.HasIndex(f => new { f.RegionCode, f.Day });
        b.HasIndex(f => new { f.WindowId, f.Day });
    }
}

internal sealed class PeriodFigureConfiguration : IEntityTypeConfiguration<PeriodFigure>
{
    public void Configure(EntityTypeBuilder<PeriodFigure> b)
    {
        b.ToTable("PeriodFigures");
        // A period's whole months or years are a range of the key; a breakdown groups them.
        b.HasKey(f => new { f.Span, f.Start, f.DepartmentId, f.ItemCode, f.VenueId, f.WindowId, f.Channel, f.RegionCode });
        b.Property(f => f.ItemCode).HasMaxLength(40);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Ignore(f => f.Key);
        // A department's or a region's months and years without reading the others'.
        b.HasIndex(f => new { f.DepartmentId, f.Span, f.Start });
        b.HasIndex(f => new { f.RegionCode, f.Span, f.Start });
    }
}

internal sealed class MonthEndStockConfiguration : IEntityTypeConfiguration<MonthEndStock>
{
    public void Configure(EntityTypeBuilder<MonthEndStock> b)
    {
        b.ToTable("MonthEndStocks");
        // A month's stock is a range of the key (a report reads one to three months); a breakdown groups it. Only the
        // grains with cases in hand have rows, so a month is small and needs no other index.
        b.HasKey(s => new { s.Month, s.DepartmentId, s.ItemCode, s.VenueId, s.WindowId, s.Channel, s.RegionCode });
        b.Property(s => s.ItemCode).HasMaxLength(40);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Ignore(s => s.Key);
    }
}

internal sealed class StockedMonthConfiguration : IEntityTypeConfiguration<StockedMonth>
{
    public void Configure(EntityTypeBuilder<StockedMonth> b)
    {
        b.ToTable("StockedMonths");
        b.HasKey(m => m.Month);
    }
}

internal sealed class CaseFigureStateConfiguration : IEntityTypeConfiguration<CaseFigureState>
{
    public void Configure(EntityTypeBuilder<CaseFigureState> b)
    {
        b.ToTable("CaseFigures");
        b.HasKey(s => s.CaseId);
        b.Property(s => s.Rows).HasJsonDocument();
        b.Property(s => s.StaffRows).HasJsonDocument();
    }
}
