using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>办理进展: the lead unit records where the handling stands.</summary>
public sealed class AddProgress(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "progress", (o, by, m) => o.AddProgress(note ?? "", by, m.Now), ct);
}
