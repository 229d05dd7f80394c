using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Supervision at an order's action, inside the action's write unit after the order is saved (ADR 0028): the rules the
/// action may break are checked on its new events, the time rules at this instant (a late signature or reply gets its
/// card at once), the alerts raised once, and the order's watch set to the next instant a limit can be missed.
/// </summary>
public sealed class WatchWorkOrders(OneWindowDbContext db, SupervisionSettings settings, RaiseAlerts raise, SubjectWatches watches)
{
    /// <summary>What the check needs, read before the unit takes the write gate: the rule book and the order's category name.</summary>
    public async Task<string?> PrepareAsync(WorkOrder order, CancellationToken ct)
    {
        await settings.RuleBookAsync(ct);
        return await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == order.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
    }

    public async Task AfterActionAsync(WorkOrder order, string? category, IReadOnlyList<WorkOrderEvent> newEvents, HotlineMoment moment, CancellationToken ct)
    {
        if (order.LeadUnitId is null)
        {
            return; // never dispatched: nothing a unit answers for, nothing to watch
        }
        var rules = SupervisedWorkOrders.RulesFor(await settings.RuleBookAsync(ct), order);
        var timed = WorkOrderSupervision.Check(order, category, moment.Now, moment.Calendar, rules);
        await raise.ForSubjectAsync(SupervisedWorkOrders.Checked(order, category, rules, moment.Calendar,
            new TimedCheck([.. WorkOrderSupervision.OnAction(order, newEvents, moment.Calendar, rules), .. timed.Due], timed.NextCheckAt)), moment.Now, ct);
        await watches.SetAsync(SubjectKind.WorkOrder, order.Id, order.Revision, timed.NextCheckAt, null, ct);
    }
}
