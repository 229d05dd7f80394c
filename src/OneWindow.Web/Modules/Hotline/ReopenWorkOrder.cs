using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>重办: an unsatisfied caller's order goes back to the same unit, counted, with a new handling period.</summary>
public sealed class ReopenWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? reason, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "reopened", (o, by, m) => o.Reopen(reason ?? "", m.Calendar, by, m.Now), ct);
}
