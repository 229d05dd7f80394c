using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("LedgerEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.StaffUserId).HasMaxLength(450);
        b.Property(e => e.StaffName).HasMaxLength(100);
        b.Property(e => e.ItemCode).HasMaxLength(40);
        b.Property(e => e.ItemName).HasMaxLength(200);
        b.Property(e => e.Summary).HasMaxLength(LedgerEntry.SummaryMax);
        b.Property(e => e.ApplicantName).HasMaxLength(100);
        b.Property(e => e.ApplicantPhone).HasMaxLength(20);
        b.Property(e => e.CaseNumber).HasMaxLength(40);
        // A venue's day, newest first, paged by (At, Id).
        b.HasIndex(e => new { e.VenueId, e.Day, e.At, e.Id });
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class LedgerDailyFigureConfiguration : IEntityTypeConfiguration<LedgerDailyFigure>
{
    public void Configure(EntityTypeBuilder<LedgerDailyFigure> b)
    {
        b.ToTable("LedgerDailyFigures");
        b.HasKey(f => new { f.Day, f.VenueId, f.RegionCode, f.Kind, f.Outcome });
        b.Property(f => f.RegionCode).HasMaxLength(12);
        // A region's (by code prefix) or a venue's figures over a period.
        b.HasIndex(f => new { f.RegionCode, f.Day });
        b.HasIndex(f => new { f.VenueId, f.Day });
    }
}
