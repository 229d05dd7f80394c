using System.Runtime.CompilerServices;
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
public sealed class KeepHotlineFigures : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(HotlineFigureKey Key, HotlineValues Values)>> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OneWindowDbContext db)
        {
            var deltas = await DeltasAsync(db, cancellationToken);
            if (deltas.Count > 0)
            {
                _pending.AddOrUpdate(db, deltas);
            }
            else
            {
                _pending.Remove(db);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OneWindowDbContext db && _pending.TryGetValue(db, out var deltas))
        {
            _pending.Remove(db);
            foreach (var (key, values) in deltas)
            {
                await HotlineFigureRows.AddAsync(db, key, values, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
        return Task.CompletedTask;
    }

    private static async Task<List<(HotlineFigureKey, HotlineValues)>> DeltasAsync(OneWindowDbContext db, CancellationToken ct)
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
