using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.ApiClients;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("ApiClients");
        b.Property(c => c.Name).HasMaxLength(ApiClient.NameMax);
        b.Property(c => c.Contact).HasMaxLength(ApiClient.ContactMax);
        b.Property(c => c.Scopes).HasMaxLength(200);
        b.Property(c => c.KeyPrefix).HasMaxLength(16);
        b.Property(c => c.KeyHash).HasMaxLength(64);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.Property(c => c.RevokedBy).HasMaxLength(100);
        b.Property(c => c.RevokeReason).HasMaxLength(ApiClient.ReasonMax);
        b.Ignore(c => c.ScopeList);
        b.HasIndex(c => c.KeyHash).IsUnique(); // every request looks its key up by this
        b.HasIndex(c => new { c.CreatedAt, c.Id }); // the administrator's list, newest first, paged by key
    }
}

/// <summary>The module's table, reached from the shared context without the context naming the module.</summary>
public static class ApiClientSets
{
    public static DbSet<ApiClient> ApiClients(this OneWindowDbContext db) => db.Set<ApiClient>();
}
