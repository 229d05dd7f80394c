using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>
/// The kept hotline rows, a day's and a month's, mapped alike: a breakdown over a period is one range of the key, its
/// dimension, the period's days or months, then the member (ADR 0032, ADR 0040); each measure a column of its own.
/// </summary>
internal abstract class HotlineFigureRowConfiguration<TRow>(string table, string period) : IEntityTypeConfiguration<TRow>
    where TRow : HotlineFigureRow
{
    public void Configure(EntityTypeBuilder<TRow> b)
    {
        b.ToTable(table);
        b.HasKey(nameof(HotlineFigureRow.Dimension), period, nameof(HotlineFigureRow.Member));
        b.Property(f => f.Member).HasMaxLength(40);
        b.Ignore(f => f.Key);
    }
}

internal sealed class DailyHotlineFigureConfiguration()
    : HotlineFigureRowConfiguration<DailyHotlineFigure>("DailyHotlineFigures", nameof(DailyHotlineFigure.Day));

internal sealed class MonthlyHotlineFigureConfiguration()
    : HotlineFigureRowConfiguration<MonthlyHotlineFigure>("MonthlyHotlineFigures", nameof(MonthlyHotlineFigure.Month));
