using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>审核: the center accepts the reply (the callback is then due) or sends it back with the reason.</summary>
public sealed class ReviewReply(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool accept, string? reason, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "reviewed", (o, by, m) => o.Review(accept, reason, m.Limits.Callback, m.Calendar, by, m.Now), ct);
}
