using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>The instant of an action, the calendar of the order's region and the configured limits.</summary>
public sealed record HotlineMoment(DateTime Now, WorkingDayCalendar Calendar, WorkOrderLimits Limits);

/// <summary>
/// The common path of every action on an existing order (each use case of the module supplies its own step): who acts,
/// the order as that person may see it, the revision they acted on (another's change in between is a 409, never an
/// overwrite), the domain's step, the new events and the audit entry, all in one write unit.
/// </summary>
public sealed class ActOnWorkOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, RegionCalendars calendars, HotlineSettings settings, TimeProvider clock,
    WatchWorkOrders supervise, WorkOrderDeskRows desks, TellCallers tell, TypicalOrderHook typical)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string action, Action<WorkOrder, HotlineParty, HotlineMoment> act, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        return await RunAsync(by, principal.ActorName(), await LoadAsync(id, ct), revision, action, act, ct);
    }

    public Task<WorkOrder?> FindAsync(Guid id, CancellationToken ct) => db.Set<WorkOrder>().FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<WorkOrder> LoadAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) ?? throw new NotFoundException("工单不存在。");

    /// <summary>An action on an order already loaded (and found visible) by the caller of this method.</summary>
    public async Task<WorkOrder> RunAsync(HotlineParty by, string auditActor, WorkOrder order, int revision, string action, Action<WorkOrder, HotlineParty, HotlineMoment> act,
        CancellationToken ct, Action<WorkOrder>? alsoInUnit = null)
    {
        HotlineStaff.EnsureMaySee(by, order);
        if (order.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Work order {order.Number} is at revision {order.Revision}, not {revision}.");
        }
        var moment = new HotlineMoment(clock.GetUtcNow().UtcDateTime, await calendars.ForRegionAsync(order.RegionCode), settings.Limits);
        var category = await supervise.PrepareAsync(order, ct);
        await unit.RunAsync(async t =>
        {
            act(order, by, moment);
            var newEvents = order.NewEvents.Where(e => !e.IsSealed).ToList();
            db.Set<WorkOrderEvent>().AddRange(newEvents);
            db.Audit(moment.Now, auditActor, "WorkOrder", order.Number, action, new { order.Status });
            alsoInUnit?.Invoke(order);
            // The action is saved before supervision raises its alerts: an alert raised elsewhere first rolls back only itself.
            await db.SaveAllOrNothingAsync(t);
            await supervise.AfterActionAsync(order, category, newEvents, moment, t);
            await desks.SyncAsync(order, t); // the co-handlers' and the county coordinator's lists (ADR 0034)
            await tell.StageAsync(order, newEvents, t); // the caller's texts at the later steps (ADR 0034)
            await typical.AfterActionAsync(order, newEvents, moment.Now, t); // a withdrawn consent unpublishes at once (ADR 0037)
        }, ct);
        return order;
    }
}
