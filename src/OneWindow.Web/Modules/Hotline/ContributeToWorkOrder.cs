using System.Security.Claims;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>协办意见: a co-handler's contribution to the lead unit, with its files (ADR 0036).</summary>
public sealed class ContributeToWorkOrder(ActOnWorkOrder act, WorkOrderFiles files)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? contribution, CancellationToken ct,
        IReadOnlyList<WorkOrderUpload>? uploads = null)
    {
        var checkedFiles = files.Check(uploads ?? [], principal.ActorName());
        var already = checkedFiles.Count == 0 ? 0 : await files.CountAsync(id, ct);
        return await act.RunAsync(principal, id, revision, "contributed", (o, by, m) =>
        {
            o.Contribute(contribution ?? "", by, m.Now);
            files.Attach(o, checkedFiles, already, by, m.Now);
        }, ct);
    }
}
