using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityKey).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.HasIndex(a => new { a.EntityType, a.EntityKey, a.Id });
        b.HasIndex(a => a.At);
    }
}
