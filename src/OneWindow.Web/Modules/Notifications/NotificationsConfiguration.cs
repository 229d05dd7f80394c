using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Web.Modules.Notifications;

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> b)
    {
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.UserId, n.Id });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Channel).HasMaxLength(20);
        b.Property(m => m.Recipient).HasMaxLength(20);
        b.Property(m => m.RecipientName).HasMaxLength(100);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(400);
        b.HasIndex(m => m.DedupKey).IsUnique();
        // The dispatcher takes the due messages oldest first, from this index alone.
        b.HasIndex(m => new { m.State, m.NextAttemptAt, m.Id });
        b.HasIndex(m => m.ClaimToken);
        b.HasIndex(m => m.CreatedAt);
    }
}
