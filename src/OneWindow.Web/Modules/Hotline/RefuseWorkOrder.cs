using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>不予受理 on a statutory ground (潍坊 §19), the reason told and, for another procedure, its right channel.</summary>
public sealed class RefuseWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, RefusalGround ground, string? reason, string? rightChannel, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "refused", (o, by, m) => o.Refuse(ground, reason ?? "", rightChannel, by, m.Now), ct);
}
