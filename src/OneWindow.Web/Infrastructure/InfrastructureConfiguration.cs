using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Infrastructure;

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> b)
    {
        b.HasKey(a => a.Key);
        b.Property(a => a.Key).HasMaxLength(80);
        b.Property(a => a.Revision).IsConcurrencyToken();
        // Forgotten counts are cleared by the instant they were forgotten.
        b.HasIndex(a => a.ForgetAt);
    }
}

internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.Property(k => k.Xml).HasMaxLength(8000);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.Purpose).HasMaxLength(40);
    }
}

internal sealed class RecordKeyIdConfiguration : IEntityTypeConfiguration<RecordKeyId>
{
    public void Configure(EntityTypeBuilder<RecordKeyId> b) => b.Property(k => k.Id).HasMaxLength(40);
}
