using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>答复: the lead unit's result and what the caller was told; a plan when it cannot be solved now.</summary>
public sealed class ReplyToWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, ReplyResult result, string? text, string? plan, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "replied", (o, by, m) => o.Reply(result, text ?? "", plan, by, m.Now), ct);
}
