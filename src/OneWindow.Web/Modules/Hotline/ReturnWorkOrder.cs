using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>退单 / 派单异议: the lead unit applies to return an order outside its duties, with the reason.</summary>
public sealed class ReturnWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? reason, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "return-requested", (o, by, m) => o.RequestReturn(reason ?? "", by, m.Now), ct);
}
