using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The kept case figures of any period summed by a breakdown (ADR 0038): the period split into whole years, whole months
/// and leftover days (<see cref="PeriodSplit"/>), one grouped query over the year and month rows and one over the day
/// rows (each only when the split has some), added by key. What the report, the standard reports and the assessment read.
/// </summary>
public static class KeptSums
{
    /// <summary>The day rows and the month and year rows, filtered by one department and a region code prefix when given.</summary>
    public static (IQueryable<DailyFigure> Days, IQueryable<PeriodFigure> Spans) Rows(OneWindowDbContext db, Guid? departmentId, string? regionPrefix)
    {
        var days = db.Set<DailyFigure>().AsNoTracking();
        var spans = db.Set<PeriodFigure>().AsNoTracking();
        if (departmentId is { } d)
        {
            days = days.Where(f => f.DepartmentId == d);
            spans = spans.Where(f => f.DepartmentId == d);
        }
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            days = days.Where(f => f.RegionCode.StartsWith(regionPrefix));
            spans = spans.Where(f => f.RegionCode.StartsWith(regionPrefix));
        }
        return (days, spans);
    }

    /// <summary>Every measure summed over [from, to] by the breakdown's key, and the online receipts.</summary>
    public static async Task<Dictionary<string, FigureTotals>> FlowsAsync(OneWindowDbContext db, Guid? departmentId, string? regionPrefix, DateOnly from, DateOnly to, Breakdown by, CancellationToken ct)
    {
        var split = PeriodSplit.Of(from, to);
        var (days, spans) = Rows(db, departmentId, regionPrefix);
        var sums = split.HasSpans ? await GroupAsync(split.Spans(spans), by, ct) : [];
        if (split.HasDays)
        {
            foreach (var (key, t) in await GroupAsync(split.Days(days), by, ct))
            {
                sums[key] = sums.TryGetValue(key, out var s) ? s.Plus(t) : t;
            }
        }
        return sums;
    }

    /// <summary>
    /// 在办量 (received − closed over everything kept up to it, none zero) at the end of each of <paramref name="days"/> (a
    /// report's period, the period before and the year before): the stock kept at the last month's end before it
    /// (<see cref="MonthEndStock"/>, ADR 0044) plus what opened and closed in the days since, read from the month and
    /// day rows. A quarter's or a month's end is a month's end: its stock is one month's rows. Before the first month
    /// kept, the stock is summed over everything kept up to the day.
    /// </summary>
    public static async Task<Dictionary<DateOnly, Dictionary<string, long>>> InHandAtAsync(OneWindowDbContext db, Guid? departmentId, string? regionPrefix,
        IEnumerable<DateOnly> days, Breakdown by, CancellationToken ct)
    {
        var kept = await KeepMonthEndStock.KeptAsync(db, ct);
        var result = new Dictionary<DateOnly, Dictionary<string, long>>();
        foreach (var day in days.Distinct().Order())
        {
            var month = kept?.LastEndedBy(day);
            var open = month is { } m ? await StockAsync(db, departmentId, regionPrefix, m, by, ct) : [];
            var since = month is { } n ? MonthEndStock.EndOf(n).AddDays(1) : DateOnly.MinValue;
            if (since <= day)
            {
                open = Add(open, await OpenOverAsync(db, departmentId, regionPrefix, PeriodSplit.Of(since, day), by, ct));
            }
            result[day] = NonZero(open);
        }
        return result;
    }

    /// <summary>The stock kept at <paramref name="month"/>'s end by the breakdown's key.</summary>
    private static Task<Dictionary<string, long>> StockAsync(OneWindowDbContext db, Guid? departmentId, string? regionPrefix, DateOnly month, Breakdown by, CancellationToken ct)
    {
        var rows = db.Set<MonthEndStock>().AsNoTracking().Where(s => s.Month == month);
        if (departmentId is { } d)
        {
            rows = rows.Where(s => s.DepartmentId == d);
        }
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            rows = rows.Where(s => s.RegionCode.StartsWith(regionPrefix));
        }
        return NetAsync(rows, by, s => s.InHand, ct);
    }

    /// <summary>Received − closed over a split period by the breakdown's key (its year and month rows, then its leftover days).</summary>
    private static async Task<Dictionary<string, long>> OpenOverAsync(OneWindowDbContext db, Guid? departmentId, string? regionPrefix, PeriodSplit split, Breakdown by, CancellationToken ct)
    {
        var (days, spans) = Rows(db, departmentId, regionPrefix);
        var open = split.HasSpans ? await NetAsync(split.Spans(spans), by, f => f.Received - f.Closed, ct) : [];
        return split.HasDays ? Add(open, await NetAsync(split.Days(days), by, f => f.Received - f.Closed, ct)) : open;
    }

    private static Dictionary<string, long> Add(Dictionary<string, long> to, Dictionary<string, long> more)
    {
        foreach (var (key, n) in more)
        {
            to[key] = to.GetValueOrDefault(key) + n;
        }
        return to;
    }

    private static Dictionary<string, long> NonZero(Dictionary<string, long> open) => open.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Task<Dictionary<string, FigureTotals>> GroupAsync<TRow>(IQueryable<TRow> rows, Breakdown by, CancellationToken ct) where TRow : KeptFigureRow => by switch
    {
        Breakdown.Department => SumsAsync(rows, f => f.DepartmentId, k => k.ToString(), ct),
        Breakdown.Window => SumsAsync(rows, f => f.WindowId, k => k.ToString(), ct),
        Breakdown.Venue => SumsAsync(rows, f => f.VenueId, k => k.ToString(), ct),
        Breakdown.Item => SumsAsync(rows, f => f.ItemCode, k => k, ct),
        Breakdown.Channel => SumsAsync(rows, f => f.Channel, k => k.ToString(), ct),
        Breakdown.Region => SumsAsync(rows, f => f.RegionCode, k => k, ct),
        _ => SumsAsync(rows, f => 1, _ => "", ct),
    };

    private static async Task<Dictionary<string, FigureTotals>> SumsAsync<TRow, TKey>(IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, Func<TKey, string> text, CancellationToken ct)
        where TRow : KeptFigureRow
    {
        var sums = await rows.GroupBy(key).Select(g => new Sums<TKey>
        {
            Key = g.Key,
            Received = g.Sum(f => f.Received), Instant = g.Sum(f => f.Instant), Corrected = g.Sum(f => f.Corrected), Accepted = g.Sum(f => f.Accepted),
            RejectedAtIntake = g.Sum(f => f.RejectedAtIntake), Withdrawn = g.Sum(f => f.Withdrawn), Terminated = g.Sum(f => f.Terminated),
            Concluded = g.Sum(f => f.Concluded), Decided = g.Sum(f => f.Decided), OnTime = g.Sum(f => f.OnTime), Early = g.Sum(f => f.Early),
            OverduePromised = g.Sum(f => f.OverduePromised), OverdueStatutory = g.Sum(f => f.OverdueStatutory), OverdueWorkingDays = g.Sum(f => f.OverdueWorkingDays),
            WorkingDays = g.Sum(f => f.WorkingDays), PromisedDays = g.Sum(f => f.PromisedDays), StatutoryDays = g.Sum(f => f.StatutoryDays),
            Closed = g.Sum(f => f.Closed), Paid = g.Sum(f => f.Paid), FeeFen = g.Sum(f => f.FeeFen),
            AcceptedPromptly = g.Sum(f => f.AcceptedPromptly), ExtensionDays = g.Sum(f => f.ExtensionDays), ZeroVisit = g.Sum(f => f.ZeroVisit), AtMostOneVisit = g.Sum(f => f.AtMostOneVisit),
            OnlineReceived = g.Sum(f => f.Channel == CaseChannel.Online ? f.Received : 0),
        }).ToListAsync(ct);
        var result = new Dictionary<string, FigureTotals>();
        foreach (var s in sums)
        {
            var totals = new FigureTotals(new MeasureValues(
            [
                s.Received, s.Instant, s.Corrected, s.Accepted, s.RejectedAtIntake, s.Withdrawn, s.Terminated, s.Concluded, s.Decided, s.OnTime, s.Early,
                s.OverduePromised, s.OverdueStatutory, s.OverdueWorkingDays, s.WorkingDays, s.PromisedDays, s.StatutoryDays, s.Closed, s.Paid, s.FeeFen,
                s.AcceptedPromptly, s.ExtensionDays, s.ZeroVisit, s.AtMostOneVisit,
            ]), s.OnlineReceived, 0);
            var k = text(s.Key);
            result[k] = result.TryGetValue(k, out var existing) ? existing.Plus(totals) : totals; // two database keys that read as one (a Guid in two text forms)
        }
        return result;
    }

    private static Task<Dictionary<string, long>> NetAsync<TRow>(IQueryable<TRow> rows, Breakdown by, Expression<Func<TRow, long>> net, CancellationToken ct) where TRow : FigureGrainRow => by switch
    {
        Breakdown.Department => NetAsync(rows, f => f.DepartmentId, net, k => k.ToString(), ct),
        Breakdown.Window => NetAsync(rows, f => f.WindowId, net, k => k.ToString(), ct),
        Breakdown.Venue => NetAsync(rows, f => f.VenueId, net, k => k.ToString(), ct),
        Breakdown.Item => NetAsync(rows, f => f.ItemCode, net, k => k, ct),
        Breakdown.Channel => NetAsync(rows, f => f.Channel, net, k => k.ToString(), ct),
        Breakdown.Region => NetAsync(rows, f => f.RegionCode, net, k => k, ct),
        _ => NetAsync(rows, f => 1, net, _ => "", ct),
    };

    /// <summary>One amount (<paramref name="net"/>: received − closed of a figure row, the stock of a month-end row) summed by a key.</summary>
    private static async Task<Dictionary<string, long>> NetAsync<TRow, TKey>(IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, long>> net,
        Func<TKey, string> text, CancellationToken ct)
    {
        // g => new KeyValuePair<TKey, long>(g.Key, g.Sum(net)), written out because the amount differs by table.
        var g = Expression.Parameter(typeof(IGrouping<TKey, TRow>), "g");
        var sum = Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(TRow)], g, net);
        var pair = Expression.New(typeof(KeyValuePair<TKey, long>).GetConstructor([typeof(TKey), typeof(long)])!, Expression.Property(g, nameof(IGrouping<TKey, TRow>.Key)), sum);
        var sums = await rows.GroupBy(key).Select(Expression.Lambda<Func<IGrouping<TKey, TRow>, KeyValuePair<TKey, long>>>(pair, g)).ToListAsync(ct);
        var result = new Dictionary<string, long>();
        foreach (var (k, n) in sums)
        {
            var t = text(k);
            result[t] = result.GetValueOrDefault(t) + n;
        }
        return result;
    }

    private sealed class Sums<TKey>
    {
        public TKey Key { get; init; } = default!;
        public long Received { get; init; }
        public long Instant { get; init; }
        public long Corrected { get; init; }
        public long Accepted { get; init; }
        public long RejectedAtIntake { get; init; }
        public long Withdrawn { get; init; }
        public long Terminated { get; init; }
        public long Concluded { get; init; }
        public long Decided { get; init; }
        public long OnTime { get; init; }
        public long Early { get; init; }
        public long OverduePromised { get; init; }
        public long OverdueStatutory { get; init; }
        public long OverdueWorkingDays { get; init; }
        public long WorkingDays { get; init; }
        public long PromisedDays { get; init; }
        public long StatutoryDays { get; init; }
        public long Closed { get; init; }
        public long Paid { get; init; }
        public long FeeFen { get; init; }
        public long AcceptedPromptly { get; init; }
        public long ExtensionDays { get; init; }
        public long ZeroVisit { get; init; }
        public long AtMostOneVisit { get; init; }
        public long OnlineReceived { get; init; }
    }
}
