using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>签收: the lead unit takes the order up.</summary>
public sealed class SignWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "signed", (o, by, m) => o.Sign(by, m.Now), ct);
}
