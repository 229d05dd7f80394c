using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>回访: the center's call or SMS records whether the matter was resolved and the caller's satisfaction.</summary>
public sealed class CallBack(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, CallbackMethod method, bool resolved, Satisfaction satisfaction, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "called-back", (o, by, m) => o.RecordCallback(method, resolved, satisfaction, note, by, m.Now), ct);
}
