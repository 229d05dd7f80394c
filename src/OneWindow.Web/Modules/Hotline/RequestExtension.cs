using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>延期申请: the lead unit asks the center for more working days, with the reason.</summary>
public sealed class RequestExtension(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, int workingDays, string? reason, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "extension-requested", (o, by, m) => o.RequestExtension(workingDays, reason ?? "", by, m.Now), ct);
}
