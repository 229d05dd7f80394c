using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>转警: an emergency referred to 110, 119, 120 or 122.</summary>
public sealed class ReferWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, EmergencyService service, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "referred", (o, by, m) => o.Refer(service, note, by, m.Now), ct);
}
