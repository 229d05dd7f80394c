using OneWindow.Domain.Catalog;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>
/// Something a later module does when a guide version is published (the knowledge base indexes it): called inside the
/// write unit that publishes it, so the two commit or fail together.
/// </summary>
public interface IGuideHook
{
    Task PublishedAsync(ServiceItemVersion version, CancellationToken ct);
}
