using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>联系来电人: the lead unit records a contact with the caller.</summary>
public sealed class ContactCaller(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool reached, string? note, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "caller-contacted", (o, by, m) => o.ContactCaller(reached, note ?? "", by, m.Now), ct);
}
