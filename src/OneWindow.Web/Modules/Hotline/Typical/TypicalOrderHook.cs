using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Inside every action's write unit (<see cref="ActOnWorkOrder"/>): an order whose consent was withdrawn or refused
/// leaves the public page in the same transaction. A set-based update read after the order's own save, so a publication
/// committed a moment before (it holds the order's row, <see cref="PublishTypicalOrder"/>) is seen and taken down too.
/// </summary>
public sealed class TypicalOrderHook(OneWindowDbContext db)
{
    public async Task AfterActionAsync(WorkOrder order, IReadOnlyList<WorkOrderEvent> newEvents, DateTime now, CancellationToken ct)
    {
        if (order.PublicationConsent == true || !newEvents.Any(e => e.Action is "consent-withdrawn" or "consent-refused"))
        {
            return;
        }
        var actor = newEvents[^1].ActorName;
        var taken = await db.Set<TypicalOrder>().Where(t => t.WorkOrderId == order.Id && t.Published).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Published, false).SetProperty(t => t.UnpublishedAt, now).SetProperty(t => t.UpdatedAt, now)
            .SetProperty(t => t.UpdatedBy, actor).SetProperty(t => t.Revision, t => t.Revision + 1), ct);
        if (taken > 0)
        {
            db.Audit(now, actor, "TypicalOrder", order.Number, "unpublished-consent-withdrawn", null); // saved with the unit
        }
    }
}
