using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>办结 by the center with its review note (an unsatisfied caller's order properly handled, or a caller not reachable).</summary>
public sealed class CloseWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "closed", (o, by, m) => o.Close(note ?? "", by, m.Now), ct);
}
