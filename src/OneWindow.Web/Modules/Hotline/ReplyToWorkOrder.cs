using System.Security.Claims;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>答复: the lead unit's result and what the caller was told; a plan when it cannot be solved now; its files (ADR 0036).</summary>
public sealed class ReplyToWorkOrder(ActOnWorkOrder act, WorkOrderFiles files)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, ReplyResult result, string? text, string? plan, CancellationToken ct,
        IReadOnlyList<WorkOrderUpload>? uploads = null)
    {
        var checkedFiles = files.Check(uploads ?? [], principal.ActorName());
        var already = checkedFiles.Count == 0 ? 0 : await files.CountAsync(id, ct);
        return await act.RunAsync(principal, id, revision, "replied", (o, by, m) =>
        {
            o.Reply(result, text ?? "", plan, by, m.Now);
            files.Attach(o, checkedFiles, already, by, m.Now);
        }, ct);
    }
}
