using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Organization;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12).IsOrdinalCode();
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => new { r.ParentCode, r.Code });
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.Property(v => v.Name).HasMaxLength(100);
        b.Property(v => v.RegionCode).HasMaxLength(12).IsOrdinalCode();
        b.HasIndex(v => v.RegionCode);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.CreditCode).HasMaxLength(18);
        b.Property(d => d.RegionCode).HasMaxLength(12);
        b.HasIndex(d => d.CreditCode).IsUnique();
        b.HasIndex(d => new { d.RegionCode, d.SortOrder });
    }
}

internal sealed class WindowConfiguration : IEntityTypeConfiguration<Window>
{
    public void Configure(EntityTypeBuilder<Window> b)
    {
        b.Property(w => w.Number).HasMaxLength(20);
        b.Property(w => w.Name).HasMaxLength(100);
        b.HasIndex(w => new { w.VenueId, w.Number }).IsUnique();
        b.HasIndex(w => w.DepartmentId);
    }
}

internal sealed class WindowItemAuthorizationConfiguration : IEntityTypeConfiguration<WindowItemAuthorization>
{
    public void Configure(EntityTypeBuilder<WindowItemAuthorization> b)
    {
        b.HasKey(a => new { a.WindowId, a.ItemCode });
        b.Property(a => a.ItemCode).HasMaxLength(40);
        b.HasIndex(a => a.ItemCode);
    }
}

internal sealed class StaffItemAuthorizationConfiguration : IEntityTypeConfiguration<StaffItemAuthorization>
{
    public void Configure(EntityTypeBuilder<StaffItemAuthorization> b)
    {
        b.HasKey(a => new { a.UserId, a.ItemCode });
        b.Property(a => a.ItemCode).HasMaxLength(40);
        b.HasIndex(a => a.ItemCode);
    }
}

internal sealed class StaffSeatConfiguration : IEntityTypeConfiguration<StaffSeat>
{
    public void Configure(EntityTypeBuilder<StaffSeat> b)
    {
        b.ToTable("StaffSeats");
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.WindowId);
    }
}

internal sealed class VenueItemConfiguration : IEntityTypeConfiguration<VenueItem>
{
    public void Configure(EntityTypeBuilder<VenueItem> b)
    {
        b.ToTable("VenueItems");
        b.HasKey(i => new { i.VenueId, i.ItemCode });
        b.Property(i => i.ItemCode).HasMaxLength(40);
        // The portal's "where to hand it in": the venues that list one item.
        b.HasIndex(i => i.ItemCode);
    }
}
