using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>Which list beyond the lead unit's inbox an order appears in (ADR 0034).</summary>
public enum WorkOrderDeskKind
{
    CoHandler = 1, // 协办: the co-handler's own inbox (UnitId = the co-handler)
    TownLead = 2,  // 乡镇工单: led by a town, seen by the county government's coordinator (UnitId = the town)
}

/// <summary>
/// One order on one desk beyond the lead unit's: a co-handler's, or the county coordinator's view of the orders towns
/// lead. Kept by <see cref="WorkOrderDeskRows"/> at every action, so the lists are read by key on their own indexes
/// (the order keeps its co-handlers as a document, which no index reaches). <see cref="SortAt"/> is the limit the
/// desk's list is sorted by: a co-handler's the handling limit, the coordinator's the limit running now.
/// </summary>
public sealed class WorkOrderDesk
{
    public Guid WorkOrderId { get; set; }
    public WorkOrderDeskKind Desk { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The order is still in the loop (not concluded): the lists show open orders.</summary>
    public bool Open { get; set; }
    public DateTime SortAt { get; set; }
}

/// <summary>Keeps an order's desk rows in step with the order, inside the action's write unit.</summary>
public sealed class WorkOrderDeskRows(OneWindowDbContext db)
{
    public async Task SyncAsync(WorkOrder order, CancellationToken ct)
    {
        var wanted = new Dictionary<(WorkOrderDeskKind, Guid), DateTime>();
        if (order.LeadUnitId is { } lead)
        {
            foreach (var c in order.CoHandlers)
            {
                wanted[(WorkOrderDeskKind.CoHandler, c.UnitId)] = order.DueAt ?? order.QueueAt;
            }
            if (await db.Set<HotlineUnit>().AsNoTracking().AnyAsync(u => u.DepartmentId == lead && u.Kind == HotlineUnitKind.Town, ct))
            {
                wanted[(WorkOrderDeskKind.TownLead, lead)] = order.QueueAt;
            }
        }
        var rows = await db.Set<WorkOrderDesk>().Where(d => d.WorkOrderId == order.Id).ToListAsync(ct);
        foreach (var row in rows.Where(r => !wanted.ContainsKey((r.Desk, r.UnitId))))
        {
            db.Remove(row);
        }
        foreach (var ((desk, unit), sortAt) in wanted)
        {
            var row = rows.FirstOrDefault(r => r.Desk == desk && r.UnitId == unit);
            if (row is null)
            {
                row = new WorkOrderDesk { WorkOrderId = order.Id, Desk = desk, UnitId = unit };
                db.Add(row);
            }
            row.Open = order.IsOpen;
            row.SortAt = sortAt;
        }
    }
}

/// <summary>A co-handler's row: the order, and what this unit has contributed to it so far.</summary>
public sealed record CoHandlingRow(WorkOrderRow Order, string? Contribution, DateTime? ContributedAt, bool MayContribute);

public sealed record CoHandlingPage(IReadOnlyList<CoHandlingRow> Items, string? Next);

/// <summary>The lists read from the desk rows, paged by key on (Desk, UnitId, Open, SortAt, WorkOrderId) and (Desk, Open, SortAt, WorkOrderId).</summary>
public static class WorkOrderDeskQueries
{
    /// <summary>协办工单: the open orders the unit co-handles, the nearest handling limit first.</summary>
    public static async Task<CoHandlingPage> CoHandlingAsync(OneWindowDbContext db, Guid unitId, string? after, DateTime now, CancellationToken ct)
    {
        var (orders, next) = await PageAsync(db, db.Set<WorkOrderDesk>().AsNoTracking().Where(d => d.Desk == WorkOrderDeskKind.CoHandler && d.UnitId == unitId && d.Open), after, ct);
        var rows = await WorkOrderQueries.RowsAsync(db, orders, now, ct);
        return new([.. rows.Select((r, i) =>
        {
            var mine = orders[i].CoHandlers.FirstOrDefault(c => c.UnitId == unitId);
            return new CoHandlingRow(r, mine?.Contribution, mine?.ContributedAt, orders[i].Status is WorkOrderStatus.Dispatched or WorkOrderStatus.Handling);
        })], next);
    }

    /// <summary>乡镇工单: the open orders towns lead (one town's with <paramref name="townId"/>), the nearest running limit first.</summary>
    public static async Task<WorkOrderPage> TownOrdersAsync(OneWindowDbContext db, Guid? townId, string? after, DateTime now, CancellationToken ct)
    {
        var desks = db.Set<WorkOrderDesk>().AsNoTracking().Where(d => d.Desk == WorkOrderDeskKind.TownLead && d.Open);
        if (townId is { } town)
        {
            desks = desks.Where(d => d.UnitId == town);
        }
        var (orders, next) = await PageAsync(db, desks, after, ct);
        return new(await WorkOrderQueries.RowsAsync(db, orders, now, ct), next);
    }

    private static async Task<(List<WorkOrder> Orders, string? Next)> PageAsync(OneWindowDbContext db, IQueryable<WorkOrderDesk> desks, string? after, CancellationToken ct)
    {
        if (KeysetCursor.TryParse(after, out var at, out var id))
        {
            desks = desks.Where(d => d.SortAt >= at && (d.SortAt > at || d.WorkOrderId.CompareTo(id) > 0));
        }
        var (page, next) = await KeysetPage.TakeAsync(desks.OrderBy(d => d.SortAt).ThenBy(d => d.WorkOrderId).Select(d => new { d.SortAt, d.WorkOrderId }),
            WorkOrderQueries.PageSize, d => (d.SortAt, d.WorkOrderId), ct);
        var ids = page.Select(p => p.WorkOrderId).ToList();
        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return ([.. ids.Where(orders.ContainsKey).Select(i => orders[i])], next);
    }
}
