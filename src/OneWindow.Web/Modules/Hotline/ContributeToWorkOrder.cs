using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>协办意见: a co-handler's contribution to the lead unit.</summary>
public sealed class ContributeToWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? contribution, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "contributed", (o, by, m) => o.Contribute(contribution ?? "", by, m.Now), ct);
}
