using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar;

internal sealed class SpecialDayEntryConfiguration : IEntityTypeConfiguration<SpecialDayEntry>
{
    public void Configure(EntityTypeBuilder<SpecialDayEntry> b)
    {
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.Property(d => d.Name).HasMaxLength(100);
        b.HasIndex(d => new { d.RegionCode, d.Date }).IsUnique();
    }
}

internal sealed class HolidayNoticeConfiguration : IEntityTypeConfiguration<HolidayNotice>
{
    public void Configure(EntityTypeBuilder<HolidayNotice> b)
    {
        b.HasKey(n => n.Year);
        b.Property(n => n.Year).ValueGeneratedNever();
        b.Property(n => n.Reference).HasMaxLength(200);
        b.Property(n => n.LoadedBy).HasMaxLength(100);
    }
}

internal sealed class CalendarChangeConfiguration : IEntityTypeConfiguration<CalendarChange>
{
    public void Configure(EntityTypeBuilder<CalendarChange> b)
    {
        b.Property(c => c.Description).HasMaxLength(400);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.Property(c => c.Stage).HasMaxLength(40);
        b.Property(c => c.After).HasMaxLength(100);
        // The changes newest first; the recount's next change; each instance's check for a change made elsewhere.
        b.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}

internal sealed class CalendarChangeEntryConfiguration : IEntityTypeConfiguration<CalendarChangeEntry>
{
    public void Configure(EntityTypeBuilder<CalendarChangeEntry> b)
    {
        b.Property(e => e.RecordKind).HasMaxLength(40);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.ApplicantName).HasMaxLength(100);
        b.Property(e => e.ApplicantPhone).HasMaxLength(20);
        b.Property(e => e.Moves).HasJsonDocument().HasMaxLength(4000);
        // A change's list, in the order the recount found them; a department's slice; the applicants still to tell.
        b.HasIndex(e => new { e.ChangeId, e.Id });
        b.HasIndex(e => new { e.DepartmentId, e.ChangeId, e.Id });
        b.HasIndex(e => e.Id).HasFilter("\"Told\" IS NULL").HasDatabaseName("IX_CalendarChangeEntries_Untold");
    }
}
