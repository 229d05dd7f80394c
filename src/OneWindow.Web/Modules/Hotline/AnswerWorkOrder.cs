using System.Security.Claims;
using OneWindow.Domain.Hotline;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>直接办结: the operator answers on the spot (most consultations) and the order ends.</summary>
public sealed class AnswerWorkOrder(ActOnWorkOrder act)
{
    public Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? answer, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, "answered", (o, by, m) => o.AnswerOnTheSpot(answer ?? "", by, m.Now), ct);
}
