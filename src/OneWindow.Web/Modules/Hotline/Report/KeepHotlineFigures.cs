using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>
/// Keeps the work-order figures in the transaction of every save that appends an order's events (ADR 0032): each use
/// case of the module, the public form, Open311 and the demo history save the order and its new events together, so
/// the figures follow without any of them knowing. Before the save, the new events are folded (<see cref="HotlineFold"/>)
/// from the order's lead unit and latest reply as they stood before; after a successful save the sums are added to the
/// kept rows in one statement each; a failed save adds nothing. Events are appended, never changed, so nothing needs
/// remembering per order.
/// </summary>
public sealed class KeepHotlineFigures : KeptRowsInterceptor<HotlineFigureKey, HotlineValues>
{
    protected override Task AddAsync(OneWindowDbContext db, HotlineFigureKey key, HotlineValues values, CancellationToken ct) =>
        HotlineFigureRows.AddAsync(db, key, values, ct);

    protected override async Task<List<(HotlineFigureKey Key, HotlineValues Values)>> DeltasAsync(OneWindowDbContext db, CancellationToken ct)
    {
        // Only the added events are looked at (no whole-context DetectChanges: an added entity is Added without it).
        var added = new List<WorkOrderEvent>();
        foreach (var e in db.ChangeTracker.Entries<WorkOrderEvent>())
        {
            if (e.State == EntityState.Added)
            {
                added.Add(e.Entity);
            }
        }
        if (added.Count == 0)
        {
            return [];
        }
        var sums = new Dictionary<HotlineFigureKey, HotlineValues>();
        foreach (var group in added.GroupBy(e => e.WorkOrderId))
        {
            var (grain, fold) = await StartAsync(db, group.Key, ct);
            if (grain is null)
            {
                continue;
            }
            foreach (var e in group.OrderBy(e => e.Sequence))
            {
                fold.AddTo(sums, grain, e.Action, e.At, e.Data);
            }
        }
        return [.. sums.Where(d => !d.Value.IsZero).Select(d => (d.Key, d.Value))];
    }

    /// <summary>The order's grain and the fold as it stood before this save's events: from the tracked order's original values, or the stored row.</summary>
    private static async Task<(HotlineGrain?, HotlineFold)> StartAsync(OneWindowDbContext db, Guid orderId, CancellationToken ct)
    {
        foreach (var e in db.ChangeTracker.Entries<WorkOrder>())
        {
            if (e.Entity.Id != orderId)
            {
                continue;
            }
            if (e.State == EntityState.Added)
            {
                return (HotlineGrain.Of(e.Entity), new HotlineFold());
            }
            var lead = (Guid?)e.Property(nameof(WorkOrder.LeadUnitId)).OriginalValue;
            var replied = (DateTime?)e.Property(nameof(WorkOrder.RepliedAt)).OriginalValue;
            var due = (DateTime?)e.Property(nameof(WorkOrder.DueAt)).OriginalValue;
            return (HotlineGrain.Of(e.Entity), new HotlineFold(lead, replied is { } r && due is { } d && r >= d));
        }
        var stored = await db.Set<WorkOrder>().AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new { o.CategoryCode, o.Channel, o.Type, o.RegionCode, o.LeadUnitId, o.RepliedAt, o.DueAt }).FirstOrDefaultAsync(ct);
        return stored is null
            ? (null, new HotlineFold())
            : (new HotlineGrain(stored.CategoryCode, stored.Channel, stored.Type, stored.RegionCode),
                new HotlineFold(stored.LeadUnitId, stored.RepliedAt is { } sr && stored.DueAt is { } sd && sr >= sd));
    }
}
