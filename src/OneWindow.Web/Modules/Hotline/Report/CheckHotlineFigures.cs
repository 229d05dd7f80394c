using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>A kept hotline row that differs from what the orders' events say.</summary>
public sealed record HotlineFigureDifference(HotlineFigureKey Key, HotlineValues Kept, HotlineValues Counted);

/// <summary>What a check found: <see cref="Differences"/> are day rows, <see cref="MonthDifferences"/> month rows (keyed by the month's first day).</summary>
public sealed record HotlineFigureCheck(DateOnly From, DateOnly To, int OrdersRead, int RowsCompared, IReadOnlyList<HotlineFigureDifference> Differences, bool Repaired,
    IReadOnlyList<HotlineFigureDifference> MonthDifferences)
{
    public bool Agrees => Differences.Count == 0 && MonthDifferences.Count == 0;
}

/// <summary>
/// Recounts the kept work-order figures of a period from the orders' own events (<see cref="HotlineFold"/>, the
/// interceptor's definition) and compares them row by row; with <c>repair</c>, adds the difference to each row that
/// differs (ADR 0032). Part of the <c>check-figures</c> command, not a request: it finds the orders with an event in the
/// period in keyset batches of events, then folds each such order's whole record (the lead unit of an event may have
/// been named before the period) in batches of orders, counting the events that fall in the period. The period is
/// widened to whole months, so that each month row is compared with all of its month's events (ADR 0040); a repair
/// adds to the day rows and the month rows each what it lacks.
/// </summary>
public sealed class CheckHotlineFigures(OneWindowDbContext db, WriteUnit unit)
{
    private const int Batch = 1000;

    public async Task<HotlineFigureCheck> RunAsync(DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        (from, to) = (MonthlyHotlineFigure.MonthOf(from), MonthlyHotlineFigure.MonthOf(to).AddMonths(1).AddDays(-1));
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var orderIds = new HashSet<Guid>();
        long after = 0;
        while (true)
        {
            var batch = await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => e.Id > after && e.At >= start && e.At < end)
                .OrderBy(e => e.Id).Take(Batch).Select(e => new { e.Id, e.WorkOrderId }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            orderIds.UnionWith(batch.Select(e => e.WorkOrderId));
        }

        var counted = new Dictionary<HotlineFigureKey, HotlineValues>();
        foreach (var chunk in orderIds.Order().Chunk(500))
        {
            var ids = chunk.ToList();
            var grains = await db.Set<WorkOrder>().AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.CategoryCode, o.Channel, o.Type, o.RegionCode }).ToDictionaryAsync(o => o.Id, ct);
            var events = await db.Set<WorkOrderEvent>().AsNoTracking().Where(e => ids.Contains(e.WorkOrderId))
                .OrderBy(e => e.WorkOrderId).ThenBy(e => e.Sequence).Select(e => new { e.WorkOrderId, e.Action, e.At, e.Data }).ToListAsync(ct);
            foreach (var order in events.GroupBy(e => e.WorkOrderId))
            {
                if (!grains.TryGetValue(order.Key, out var g))
                {
                    continue;
                }
                var grain = new HotlineGrain(g.CategoryCode, g.Channel, g.Type, g.RegionCode);
                var fold = new HotlineFold();
                var inPeriod = new Dictionary<HotlineFigureKey, HotlineValues>();
                foreach (var e in order)
                {
                    // Every event moves the fold; only those in the period are counted.
                    var sink = e.At >= start && e.At < end ? counted : inPeriod;
                    fold.AddTo(sink, grain, e.Action, e.At, e.Data);
                }
            }
        }
        foreach (var k in counted.Where(c => c.Value.IsZero).Select(c => c.Key).ToList())
        {
            counted.Remove(k);
        }

        var kept = (await db.Set<DailyHotlineFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to).ToListAsync(ct))
            .ToDictionary(f => f.Key, f => f.Values());
        var differences = Compare(kept, counted);
        var keptMonths = (await db.Set<MonthlyHotlineFigure>().AsNoTracking().Where(f => f.Month >= from && f.Month <= to).ToListAsync(ct))
            .ToDictionary(f => f.Key, f => f.Values());
        var monthDifferences = Compare(keptMonths, HotlineFigureRows.ByMonth(counted));

        var repairs = repair && (differences.Count > 0 || monthDifferences.Count > 0);
        if (repairs)
        {
            await unit.RunAsync(async t =>
            {
                // Each kind of row gets its own difference: a day and its month may be wrong apart from each other.
                foreach (var d in differences)
                {
                    await HotlineFigureRows.AddToDayAsync(db, d.Key, Difference(d), t);
                }
                foreach (var d in monthDifferences)
                {
                    await HotlineFigureRows.AddToMonthAsync(db, d.Key, Difference(d), t);
                }
            }, ct);
        }
        return new HotlineFigureCheck(from, to, orderIds.Count, kept.Count + keptMonths.Count, differences, repairs, monthDifferences);
    }

    /// <summary>The rows where the kept and the counted differ (a row missing on one side counts as zeros), by day.</summary>
    private static List<HotlineFigureDifference> Compare(Dictionary<HotlineFigureKey, HotlineValues> kept, Dictionary<HotlineFigureKey, HotlineValues> counted)
    {
        var differences = new List<HotlineFigureDifference>();
        foreach (var k in kept.Keys.Union(counted.Keys))
        {
            var keptValues = kept.GetValueOrDefault(k) ?? new HotlineValues();
            var countedValues = counted.GetValueOrDefault(k) ?? new HotlineValues();
            if (!keptValues.SameAs(countedValues))
            {
                differences.Add(new HotlineFigureDifference(k, keptValues, countedValues));
            }
        }
        differences.Sort((a, b) => a.Key.Day.CompareTo(b.Key.Day));
        return differences;
    }

    private static HotlineValues Difference(HotlineFigureDifference d)
    {
        var delta = d.Counted.Copy();
        delta.Add(d.Kept, -1);
        return delta;
    }
}
