using System.Security.Claims;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Knowledge;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 直接办结: the operator answers on the spot (most consultations) and the order ends. When the answer came from the
/// knowledge base, the entry is recorded on the order and its use count goes up in the same write unit.
/// </summary>
public sealed class AnswerWorkOrder(ActOnWorkOrder act, WriteUnit unit, UseEntry uses)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? answer, CancellationToken ct, Guid? knowledgeEntryId = null)
    {
        if (knowledgeEntryId is not { } entry)
        {
            return await act.RunAsync(principal, id, revision, "answered", (o, by, m) => o.AnswerOnTheSpot(answer ?? "", by, m.Now), ct);
        }
        await uses.CheckAsync(entry, ct);
        return await unit.RunAsync(async t =>
        {
            var order = await act.RunAsync(principal, id, revision, "answered", (o, by, m) => o.AnswerOnTheSpot(answer ?? "", by, m.Now, entry), t);
            await uses.CountAsync(entry, t);
            return order;
        }, ct);
    }
}
