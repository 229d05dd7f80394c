using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// 在办量's kept month rows (ADR 0035): per calendar month and the grain of <see cref="DailyFigure"/>, what the month's
/// days received and closed. The hook adds to them in the same transaction and with the same difference as to the day
/// rows, so a month row is always the sum of its days' rows; the stock at a period's end is then the months before the
/// end's month plus the days of that month up to the end — at most 31 day rows and one row per month for each key,
/// instead of every day row since the first case.
/// </summary>
public sealed class StockMonth
{
    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }
    public Guid DepartmentId { get; init; }
    public string ItemCode { get; init; } = "";
    public Guid VenueId { get; init; }
    public Guid WindowId { get; init; }
    public CaseChannel Channel { get; init; }
    public string RegionCode { get; init; } = "";
    public long Received { get; set; }
    public long Closed { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>Adds to the month rows, reads the stock at a day's end from them, and checks them against the day rows.</summary>
public static class StockMonths
{
    private static readonly string Upsert = FigureRows.UpsertInto("StockMonths", ["Month", .. FigureRows.GrainColumns], ["Received", "Closed"]);

    /// <summary>What day-row differences add to their months (received and closed only), one upsert per month and key that changes.</summary>
    public static async Task AddAsync(OneWindowDbContext db, IEnumerable<KeyValuePair<FigureKey, MeasureValues>> dayDeltas, CancellationToken ct)
    {
        var months = new Dictionary<FigureKey, (long Received, long Closed)>();
        foreach (var (key, values) in dayDeltas)
        {
            var (received, closed) = (values[Measure.Received], values[Measure.Closed]);
            if (received == 0 && closed == 0)
            {
                continue;
            }
            var month = key with { Day = StockMonth.MonthOf(key.Day) };
            var (r, c) = months.GetValueOrDefault(month);
            months[month] = (r + received, c + closed);
        }
        foreach (var (month, (received, closed)) in months)
        {
            if (received != 0 || closed != 0)
            {
                await FigureRows.AddAsync(db, Upsert, month, [received, closed], ct);
            }
        }
    }

    /// <summary>
    /// The stock in hand at the end of <paramref name="day"/> for the rows' keys: received minus closed in the months
    /// before the day's month (month rows) and in that month up to the day (day rows). Both filtered as the caller filters.
    /// </summary>
    public static (IQueryable<StockMonth> Months, IQueryable<DailyFigure> Days) Rows(IQueryable<StockMonth> months, IQueryable<DailyFigure> days, DateOnly day)
    {
        var first = StockMonth.MonthOf(day);
        return (months.Where(m => m.Month < first), days.Where(f => f.Day >= first && f.Day <= day));
    }

    /// <summary>A month row that is not the sum of its days' rows (found by <see cref="CheckAsync"/>).</summary>
    public sealed record Difference(FigureKey Key, long KeptReceived, long KeptClosed, long DaysReceived, long DaysClosed);

    /// <summary>
    /// Compares the month rows of the months that touch [from, to] with the sums of their days' rows, and with
    /// <paramref name="repair"/> adds the difference (run after the day rows are repaired, inside the caller's unit).
    /// </summary>
    public static async Task<IReadOnlyList<Difference>> CheckAsync(OneWindowDbContext db, DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        var (first, last) = (StockMonth.MonthOf(from), StockMonth.MonthOf(to).AddMonths(1).AddDays(-1));
        var kept = await db.Set<StockMonth>().AsNoTracking().Where(m => m.Month >= first && m.Month <= last).ToListAsync(ct);
        var days = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day >= first && f.Day <= last && (f.Received != 0 || f.Closed != 0))
            .Select(f => new { f.Day, f.DepartmentId, f.ItemCode, f.VenueId, f.WindowId, f.Channel, f.RegionCode, f.Received, f.Closed }).ToListAsync(ct);
        var summed = new Dictionary<FigureKey, (long Received, long Closed)>();
        foreach (var d in days)
        {
            var key = new FigureKey(StockMonth.MonthOf(d.Day), d.DepartmentId, d.ItemCode, d.VenueId, d.WindowId, d.Channel, d.RegionCode);
            var (r, c) = summed.GetValueOrDefault(key);
            summed[key] = (r + d.Received, c + d.Closed);
        }
        var keptByKey = kept.ToDictionary(m => new FigureKey(m.Month, m.DepartmentId, m.ItemCode, m.VenueId, m.WindowId, m.Channel, m.RegionCode), m => (m.Received, m.Closed));
        var differences = new List<Difference>();
        foreach (var key in keptByKey.Keys.Union(summed.Keys))
        {
            var (kr, kc) = keptByKey.GetValueOrDefault(key);
            var (dr, dc) = summed.GetValueOrDefault(key);
            if (kr != dr || kc != dc)
            {
                differences.Add(new Difference(key, kr, kc, dr, dc));
            }
        }
        if (repair)
        {
            foreach (var d in differences)
            {
                await FigureRows.AddAsync(db, Upsert, d.Key, [d.DaysReceived - d.KeptReceived, d.DaysClosed - d.KeptClosed], ct);
            }
        }
        return differences;
    }
}
