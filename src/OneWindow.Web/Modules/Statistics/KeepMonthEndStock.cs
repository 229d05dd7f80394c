using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Keeps the stock in hand at every month's end (<see cref="MonthEndStock"/>, ADR 0044), under the settlement's lock:
/// <see cref="BuildAsync"/> adds the months that have ended since (and any earlier month that has figures now), each from
/// its neighbour's stock and its month rows; <see cref="AddMoveAsync"/> adds a settled batch's receipts and closures to
/// every kept month that ends on or after their day. A move of today touches no kept month (the current month has not
/// ended), so the stock costs a case action nothing; only a move on a past month's day (a repair, a late correction)
/// writes to the months since.
/// </summary>
public static class KeepMonthEndStock
{
    private static readonly IReadOnlyList<string> KeyColumns = ["Month", .. FigureRows.GrainColumns];
    private static readonly IReadOnlyList<string> MeasureColumns = ["InHand"];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Statements = new();

    /// <summary>The months kept; none before the first month with figures has ended.</summary>
    public static async Task<StockedMonths?> KeptAsync(OneWindowDbContext db, CancellationToken ct)
    {
        // One statement (MIN and MAX of the key): every report and every settlement pass asks.
        var range = await db.Set<StockedMonth>().AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { First = g.Min(m => (DateOnly?)m.Month), Last = g.Max(m => (DateOnly?)m.Month) }).FirstOrDefaultAsync(ct);
        return range is { First: { } f, Last: { } l } ? new StockedMonths(f, l) : null;
    }

    /// <summary>
    /// Keeps every month from the first with figures to the last that ended before <paramref name="today"/>: forward
    /// from the last kept (its stock plus the next month's receipts and closures), backward from the first kept when
    /// figures arrived for an earlier month (its stock less its own month's). One unit a month, so a failure keeps the
    /// months before it and the months kept stay without a gap. Returns the months kept.
    /// </summary>
    public static async Task<StockedMonths?> BuildAsync(OneWindowDbContext db, WriteUnit unit, DateOnly today, DateTime now, CancellationToken ct)
    {
        var kept = await KeptAsync(db, ct);
        var lastEnded = PeriodFigure.MonthOf(today).AddMonths(-1);
        var earliest = await db.Set<PeriodFigure>().AsNoTracking().Where(p => p.Span == FigureSpan.Month)
            .OrderBy(p => p.Start).Select(p => (DateOnly?)p.Start).FirstOrDefaultAsync(ct);
        if (earliest is not { } first || first > lastEnded)
        {
            return kept;
        }
        if (kept is null)
        {
            await BuildMonthAsync(db, unit, first, null, first, 1, now, ct);
            kept = new StockedMonths(first, first);
        }
        for (var month = kept.First.AddMonths(-1); month >= first; month = month.AddMonths(-1))
        {
            // The stock at this month's end is the next month's less what the next month received and closed.
            await BuildMonthAsync(db, unit, month, month.AddMonths(1), month.AddMonths(1), -1, now, ct);
            kept = kept with { First = month };
        }
        for (var month = kept.Last.AddMonths(1); month <= lastEnded; month = month.AddMonths(1))
        {
            await BuildMonthAsync(db, unit, month, month.AddMonths(-1), month, 1, now, ct);
            kept = kept with { Last = month };
        }
        return kept;
    }

    /// <summary>The stock at <paramref name="month"/>'s end: the <paramref name="from"/> month's stock plus <paramref name="sign"/> × the receipts less closures of <paramref name="flowsOf"/>.</summary>
    private static async Task BuildMonthAsync(OneWindowDbContext db, WriteUnit unit, DateOnly month, DateOnly? from, DateOnly flowsOf, int sign, DateTime now, CancellationToken ct)
    {
        var stock = new Dictionary<FigureKey, long>();
        if (from is { } f)
        {
            foreach (var s in await db.Set<MonthEndStock>().AsNoTracking().Where(s => s.Month == f).ToListAsync(ct))
            {
                stock[s.KeyOn(month)] = s.InHand;
            }
        }
        // One month row per grain (the month rows' key): no grouping needed.
        foreach (var p in await db.Set<PeriodFigure>().AsNoTracking().Where(p => p.Span == FigureSpan.Month && p.Start == flowsOf && p.Received != p.Closed).ToListAsync(ct))
        {
            var key = p.KeyOn(month);
            stock[key] = stock.GetValueOrDefault(key) + sign * (p.Received - p.Closed);
        }
        var rows = stock.Where(kv => kv.Value != 0).ToList();
        rows.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
        await unit.RunAsync(async t =>
        {
            await AddRowsAsync(db, rows, t);
            db.Set<StockedMonth>().Add(new StockedMonth { Month = month, BuiltAt = now });
        }, ct);
        db.ChangeTracker.Clear(); // the month marker saved; nothing of the build stays tracked in the settlement's context
    }

    /// <summary>
    /// Adds a settled batch's day-row differences (receipts less closures) to every kept month that ends on or after
    /// their day, in the caller's unit.
    /// </summary>
    public static Task AddMoveAsync(OneWindowDbContext db, StockedMonths? kept, IEnumerable<KeyValuePair<FigureKey, MeasureValues>> dayDeltas, CancellationToken ct)
    {
        if (kept is null)
        {
            return Task.CompletedTask;
        }
        var sums = new Dictionary<FigureKey, long>();
        foreach (var (key, values) in dayDeltas)
        {
            var inHand = values[Measure.Received] - values[Measure.Closed];
            if (inHand == 0)
            {
                continue;
            }
            var month = PeriodFigure.MonthOf(key.Day);
            for (var m = month < kept.First ? kept.First : month; m <= kept.Last; m = m.AddMonths(1))
            {
                var k = key with { Day = m };
                sums[k] = sums.GetValueOrDefault(k) + inHand;
            }
        }
        var rows = sums.Where(kv => kv.Value != 0).ToList();
        rows.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
        return AddRowsAsync(db, rows, ct);
    }

    /// <summary>Adds to the stock rows (insert, or add to what is there), in as few statements as <see cref="FigureRows.RowsPerStatement"/> allows.</summary>
    public static async Task AddRowsAsync(OneWindowDbContext db, IReadOnlyList<KeyValuePair<FigureKey, long>> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(FigureRows.RowsPerStatement))
        {
            var parameters = new List<object>(chunk.Length * (KeyColumns.Count + 1));
            foreach (var (key, inHand) in chunk)
            {
                parameters.AddRange([key.Day, key.DepartmentId, key.ItemCode, key.VenueId, key.WindowId, (int)key.Channel, key.RegionCode, inHand]);
            }
            var statement = Statements.GetOrAdd(chunk.Length, n => FigureRows.UpsertRows("MonthEndStocks", KeyColumns, MeasureColumns, n));
            await db.Database.ExecuteSqlRawAsync(statement, parameters, ct);
        }
    }
}
