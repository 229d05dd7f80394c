using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Cases;

// The case itself is mapped in CaseConfiguration.cs.

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.Property(f => f.MaterialName).HasMaxLength(200);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.CaseId, f.UploadedAt });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.ActorRole).HasMaxLength(40);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Node).HasMaxLength(100);
        b.Property(e => e.Opinion).HasMaxLength(4000);
        b.Property(e => e.Data).HasMaxLength(8000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.KeyId).HasMaxLength(40);
        b.Ignore(e => e.IsSealed);
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        // The events written before record keys existed, until the upgrade seals them (ADR 0017).
        b.HasIndex(e => e.CaseId, "IX_CaseEvents_CaseId_Unsealed").HasFilter("\"KeyId\" IS NULL");
        b.HasIndex(e => e.At);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.HasKey(c => c.Prefix);
        b.Property(c => c.Prefix).HasMaxLength(80);
    }
}
