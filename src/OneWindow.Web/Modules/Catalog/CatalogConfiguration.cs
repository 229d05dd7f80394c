using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.Property(i => i.Code).HasMaxLength(40).IsOrdinalCode();
        b.HasIndex(i => i.Code).IsUnique();
        b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(i => i.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(i => i.Published);
        b.Ignore(i => i.Draft);
    }
}

internal sealed class ServiceItemVersionConfiguration : IEntityTypeConfiguration<ServiceItemVersion>
{
    public void Configure(EntityTypeBuilder<ServiceItemVersion> b)
    {
        b.Property(v => v.ItemCode).HasMaxLength(40).IsOrdinalCode();
        b.Property(v => v.Name).HasMaxLength(200);
        b.Property(v => v.SearchText).HasMaxLength(2000);
        b.Property(v => v.ThemesText).HasMaxLength(400);
        b.Property(v => v.ChangeNote).HasMaxLength(400);
        b.Property(v => v.Revision).IsConcurrencyToken();
        b.Property(v => v.Guide).HasMutableJsonDocument();
        b.HasIndex(v => new { v.ServiceItemId, v.VersionNumber }).IsUnique();
        // A guide and its history are looked up by code (the public's key), newest version first.
        b.HasIndex(v => new { v.ItemCode, v.VersionNumber }).IsUnique();
        // The portal lists published versions by code, optionally by department or type: keyset on ItemCode.
        b.HasIndex(v => new { v.Status, v.ItemCode });
        b.HasIndex(v => new { v.Status, v.DepartmentId, v.ItemCode });
    }
}

internal sealed class CombinedItemConfiguration : IEntityTypeConfiguration<CombinedItem>
{
    public void Configure(EntityTypeBuilder<CombinedItem> b)
    {
        b.Property(c => c.Code).HasMaxLength(40).IsOrdinalCode();
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.Property(c => c.MemberCodes).HasJsonDocument().HasMaxLength(2000);
        b.Property(c => c.Themes).HasJsonDocument();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.Status, c.Code });
    }
}

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> b)
    {
        b.ToTable("SearchSynonyms");
        // Looked up by the terms a query contains, and listed by term (keyset): ordinal on every provider.
        b.Property(s => s.Term).HasMaxLength(SearchSynonym.MaxTermLength).IsOrdinalCode();
        b.Property(s => s.Words).HasJsonDocument().HasMaxLength(1000);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasIndex(s => s.Term).IsUnique();
    }
}
