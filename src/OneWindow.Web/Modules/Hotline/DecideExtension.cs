using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>延期审批: the center approves (all or fewer of the days asked; the limit moves on the calendar) or refuses with the reason.</summary>
public sealed class DecideExtension(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool approve, int? workingDays, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "extension-decided", (o, by, m) => o.DecideExtension(approve, workingDays, note, m.Calendar, by, m.Now), ct);
}
