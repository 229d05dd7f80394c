using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Open311;

/// <summary>
/// What a request sent through Open311 brought besides its work order: the client that sent it, the address id it
/// named, the link to its media, and the sender's e-mail and device (kept for the center to reach the sender; never
/// in a public answer). One row per order, keyed by it.
/// </summary>
public sealed class Open311Request
{
    public const int MaxMediaUrl = 500;
    public const int MaxEmail = 100;
    public const int MaxDeviceId = 100;
    public const int MaxAddressId = 40;

    public required Guid WorkOrderId { get; init; }
    public required Guid ClientId { get; init; }
    public string? AddressId { get; init; }
    public string? MediaUrl { get; init; }
    public string? Email { get; init; }
    public string? DeviceId { get; init; }
}

internal sealed class Open311RequestConfiguration : IEntityTypeConfiguration<Open311Request>
{
    public void Configure(EntityTypeBuilder<Open311Request> b)
    {
        b.ToTable("Open311Requests");
        b.HasKey(r => r.WorkOrderId);
        b.Property(r => r.AddressId).HasMaxLength(Open311Request.MaxAddressId);
        b.Property(r => r.MediaUrl).HasMaxLength(Open311Request.MaxMediaUrl);
        b.Property(r => r.Email).HasMaxLength(Open311Request.MaxEmail);
        b.Property(r => r.DeviceId).HasMaxLength(Open311Request.MaxDeviceId);
    }
}

/// <summary>
/// The indexes the public list of requests reads on the hotline's table: the orders requested in a window, newest
/// first, over all categories or some. Declared here because Open311 is the reader that needs them.
/// </summary>
internal sealed class Open311WorkOrderIndexes : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.HasIndex(o => new { o.RegisteredAt, o.Id });
        b.HasIndex(o => new { o.CategoryCode, o.RegisteredAt, o.Id });
    }
}
