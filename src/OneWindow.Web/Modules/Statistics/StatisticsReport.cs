using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>How a report's rows are broken down.</summary>
public enum Breakdown
{
    None,
    Department,
    Window,
    Item,
    Channel,
    Venue,
    Region,
}

/// <summary>What a report asks: a period, a breakdown, the indicators, and optionally one department or a region (code prefix).</summary>
/// <param name="RegionLevel">For a breakdown by region: the code digits that name a place (6 county, 9 town, 12 village).</param>
public sealed record ReportQuery(ReportPeriod Period, Breakdown By, IReadOnlyList<IndicatorId> Indicators, Guid? DepartmentId = null, string? RegionPrefix = null, int RegionLevel = 9);

/// <summary>An indicator's value with the previous period's (环比) and the year before's (同比), and the changes.</summary>
/// <param name="ChangeOnPrevious">The change on the previous period: percent for counts and averages, percentage points for rates.</param>
public sealed record ReportFigure(IndicatorId Indicator, decimal? Value, decimal? Previous, decimal? YearBefore, decimal? ChangeOnPrevious, decimal? ChangeOnYear);

/// <summary>One row of a breakdown: its key (an id, code or name to drill down with), its label and its figures.</summary>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<ReportFigure> Figures);

public sealed record StatisticsReportResult(ReportPeriod Period, ReportPeriod Previous, ReportPeriod YearBefore, Breakdown By,
    IReadOnlyList<Indicator> Indicators, IReadOnlyList<ReportRow> Rows, ReportRow Total);

/// <summary>
/// A report over any period and breakdown, summed from the kept daily figures (never from cases): the period, the
/// period before and the same period a year earlier, each one grouped query of the kept rows; the stock in hand at the
/// period's end, when asked for, two more: the kept month rows before the end's month and that month's day rows up to the
/// end (ADR 0035; ADR 0024 summed every day row up to the end).
/// </summary>
public sealed class StatisticsReport(OneWindowDbContext db)
{
    public async Task<StatisticsReportResult> RunAsync(ReportQuery query, CancellationToken ct)
    {
        var indicators = (query.Indicators.Count == 0 ? Indicators.Default : query.Indicators).Distinct().Select(Indicators.Of).ToList();
        var withStock = indicators.Any(i => i.Id == IndicatorId.InHand);
        var withService = indicators.Any(i => i.FromService);
        var (previous, yearBefore) = (query.Period.Previous(), query.Period.YearBefore());
        var now = await TotalsAsync(query, query.Period, withStock, withService, ct);
        var before = await TotalsAsync(query, previous, withStock, withService, ct);
        var lastYear = await TotalsAsync(query, yearBefore, withStock, withService, ct);
        var labels = await LabelsAsync(query.By, now.Keys, ct);
        var rows = now.Select(kv => Row(kv.Key, labels.GetValueOrDefault(kv.Key, kv.Key), kv.Value, before.GetValueOrDefault(kv.Key), lastYear.GetValueOrDefault(kv.Key), indicators))
            .OrderByDescending(r => r.Figures.Count > 0 ? r.Figures[0].Value ?? decimal.MinValue : 0).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = Row("", "合计", Sum(now.Values), Sum(before.Values), Sum(lastYear.Values), indicators);
        return new StatisticsReportResult(query.Period, previous, yearBefore, query.By, indicators, query.By == Breakdown.None ? [] : rows, total);
    }

    private static FigureTotals Sum(IEnumerable<FigureTotals> totals) => totals.Aggregate(FigureTotals.Empty, (a, b) => a.Plus(b));

    private static ReportRow Row(string key, string label, FigureTotals now, FigureTotals? before, FigureTotals? lastYear, IReadOnlyList<Indicator> indicators)
    {
        var figures = new List<ReportFigure>();
        foreach (var i in indicators)
        {
            var value = i.Compute(now);
            var p = i.Compute(before ?? FigureTotals.Empty);
            var y = i.Compute(lastYear ?? FigureTotals.Empty);
            figures.Add(new ReportFigure(i.Id, value, p, y, Change(i, value, p), Change(i, value, y)));
        }
        return new ReportRow(key, label, figures);
    }

    /// <summary>环比/同比: percentage points for a rate; for a count or an average the change in percent of the earlier value.</summary>
    public static decimal? Change(Indicator indicator, decimal? now, decimal? earlier) =>
        now is not { } n || earlier is not { } e ? null
        : indicator.IsRate ? n - e
        : e == 0 ? null : decimal.Round(100m * (n - e) / e, 2);

    private async Task<Dictionary<string, FigureTotals>> TotalsAsync(ReportQuery query, ReportPeriod period, bool withStock, bool withService, CancellationToken ct)
    {
        var rows = Filtered(query).Where(f => f.Day >= period.From && f.Day <= period.To);
        var sums = await GroupAsync(rows, query.By, ct);
        if (withService)
        {
            // Ratings, alerts and complaints from their own kept rows at the same grain (ADR 0030).
            var service = await ServiceFigureSums.ByAsync(ServiceFigureSums.Rows(db, period.From, period.To, query.DepartmentId, query.RegionPrefix), query.By, ct);
            foreach (var (key, values) in service)
            {
                sums[key] = (sums.TryGetValue(key, out var t) ? t : FigureTotals.Empty) with { Service = values };
            }
        }
        if (withStock)
        {
            // The months before the end's month from their kept month rows, that month's days from the day rows (ADR 0035).
            var (months, days) = StockMonths.Rows(FilteredMonths(query), Filtered(query), period.To);
            var stock = await StockAsync(months, days, query.By, ct);
            foreach (var (key, open) in stock)
            {
                sums[key] = sums.TryGetValue(key, out var t) ? t with { InHand = open } : FigureTotals.Empty with { InHand = open };
            }
        }
        if (query.By == Breakdown.Region)
        {
            // Rolled up to the chosen level: a town's figures are its hall's and its villages' rooms'.
            var level = query.RegionLevel is 6 or 9 or 12 ? query.RegionLevel : 9;
            sums = sums.GroupBy(kv => kv.Key.Length >= level ? kv.Key[..level].PadRight(12, '0') : kv.Key)
                .ToDictionary(g => g.Key, g => Sum(g.Select(kv => kv.Value)));
        }
        return sums;
    }

    private IQueryable<DailyFigure> Filtered(ReportQuery query)
    {
        var rows = db.Set<DailyFigure>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            rows = rows.Where(f => f.DepartmentId == department);
        }
        if (!string.IsNullOrEmpty(query.RegionPrefix))
        {
            var prefix = query.RegionPrefix;
            rows = rows.Where(f => f.RegionCode.StartsWith(prefix));
        }
        return rows;
    }

    private static Task<Dictionary<string, FigureTotals>> GroupAsync(IQueryable<DailyFigure> rows, Breakdown by, CancellationToken ct) => by switch
    {
        Breakdown.Department => SumsAsync(rows, f => f.DepartmentId, k => k.ToString(), ct),
        Breakdown.Window => SumsAsync(rows, f => f.WindowId, k => k.ToString(), ct),
        Breakdown.Venue => SumsAsync(rows, f => f.VenueId, k => k.ToString(), ct),
        Breakdown.Item => SumsAsync(rows, f => f.ItemCode, k => k, ct),
        Breakdown.Channel => SumsAsync(rows, f => f.Channel, k => k.ToString(), ct),
        Breakdown.Region => SumsAsync(rows, f => f.RegionCode, k => k, ct),
        _ => SumsAsync(rows, f => 1, _ => "", ct),
    };

    private static async Task<Dictionary<string, FigureTotals>> SumsAsync<TKey>(IQueryable<DailyFigure> rows, Expression<Func<DailyFigure, TKey>> key, Func<TKey, string> text, CancellationToken ct)
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
        return sums.ToDictionary(s => text(s.Key), s => new FigureTotals(new MeasureValues(
        [
            s.Received, s.Instant, s.Corrected, s.Accepted, s.RejectedAtIntake, s.Withdrawn, s.Terminated, s.Concluded, s.Decided, s.OnTime, s.Early,
            s.OverduePromised, s.OverdueStatutory, s.OverdueWorkingDays, s.WorkingDays, s.PromisedDays, s.StatutoryDays, s.Closed, s.Paid, s.FeeFen,
            s.AcceptedPromptly, s.ExtensionDays, s.ZeroVisit, s.AtMostOneVisit,
        ]), s.OnlineReceived, 0));
    }

    private IQueryable<StockMonth> FilteredMonths(ReportQuery query)
    {
        var rows = db.Set<StockMonth>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            rows = rows.Where(f => f.DepartmentId == department);
        }
        if (!string.IsNullOrEmpty(query.RegionPrefix))
        {
            var prefix = query.RegionPrefix;
            rows = rows.Where(f => f.RegionCode.StartsWith(prefix));
        }
        return rows;
    }

    /// <summary>Received − closed by the breakdown's key: the month rows' and the day rows' open counts added (one grouped query each).</summary>
    private static async Task<Dictionary<string, long>> StockAsync(IQueryable<StockMonth> months, IQueryable<DailyFigure> days, Breakdown by, CancellationToken ct)
    {
        var open = await (by switch
        {
            Breakdown.Department => OpenAsync(months, f => f.DepartmentId, k => k.ToString(), ct),
            Breakdown.Window => OpenAsync(months, f => f.WindowId, k => k.ToString(), ct),
            Breakdown.Venue => OpenAsync(months, f => f.VenueId, k => k.ToString(), ct),
            Breakdown.Item => OpenAsync(months, f => f.ItemCode, k => k, ct),
            Breakdown.Channel => OpenAsync(months, f => f.Channel, k => k.ToString(), ct),
            Breakdown.Region => OpenAsync(months, f => f.RegionCode, k => k, ct),
            _ => OpenAsync(months, f => 1, _ => "", ct),
        });
        var fromDays = await (by switch
        {
            Breakdown.Department => OpenAsync(days, f => f.DepartmentId, k => k.ToString(), ct),
            Breakdown.Window => OpenAsync(days, f => f.WindowId, k => k.ToString(), ct),
            Breakdown.Venue => OpenAsync(days, f => f.VenueId, k => k.ToString(), ct),
            Breakdown.Item => OpenAsync(days, f => f.ItemCode, k => k, ct),
            Breakdown.Channel => OpenAsync(days, f => f.Channel, k => k.ToString(), ct),
            Breakdown.Region => OpenAsync(days, f => f.RegionCode, k => k, ct),
            _ => OpenAsync(days, f => 1, _ => "", ct),
        });
        foreach (var (key, n) in fromDays)
        {
            open[key] = open.GetValueOrDefault(key) + n;
        }
        return open.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static async Task<Dictionary<string, long>> OpenAsync<TKey>(IQueryable<DailyFigure> rows, Expression<Func<DailyFigure, TKey>> key, Func<TKey, string> text, CancellationToken ct) =>
        Keyed(await rows.GroupBy(key).Select(g => new KeyValuePair<TKey, long>(g.Key, g.Sum(f => f.Received - f.Closed))).ToListAsync(ct), text);

    private static async Task<Dictionary<string, long>> OpenAsync<TKey>(IQueryable<StockMonth> rows, Expression<Func<StockMonth, TKey>> key, Func<TKey, string> text, CancellationToken ct) =>
        Keyed(await rows.GroupBy(key).Select(g => new KeyValuePair<TKey, long>(g.Key, g.Sum(f => f.Received - f.Closed))).ToListAsync(ct), text);

    /// <summary>By the key's text (two database keys that read as one, a Guid in two text forms, are added).</summary>
    private static Dictionary<string, long> Keyed<TKey>(List<KeyValuePair<TKey, long>> sums, Func<TKey, string> text)
    {
        var result = new Dictionary<string, long>();
        foreach (var (k, n) in sums)
        {
            var key = text(k);
            result[key] = result.GetValueOrDefault(key) + n;
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

    /// <summary>What each key of a breakdown is called (the organization's and the catalog's names; a few rows each).</summary>
    private async Task<Dictionary<string, string>> LabelsAsync(Breakdown by, IEnumerable<string> keys, CancellationToken ct)
    {
        var list = keys.ToList();
        var ids = list.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        switch (by)
        {
            case Breakdown.Department:
                return (await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).ToDictionary(d => d.Id.ToString(), d => d.Name);
            case Breakdown.Window:
                var windows = (await db.Windows.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(ct)).ToDictionary(w => w.Id.ToString(), w => $"{w.Number} {w.Name}");
                windows[Guid.Empty.ToString()] = "网上（无窗口）";
                return windows;
            case Breakdown.Venue:
                var venues = (await db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Name }).ToListAsync(ct)).ToDictionary(v => v.Id.ToString(), v => v.Name);
                venues[Guid.Empty.ToString()] = "网上（无场所）";
                return venues;
            case Breakdown.Item:
                // The latest version's name of each item, in one read of the rows' items' versions (a few each).
                var names = (await db.ServiceItemVersions.AsNoTracking().Where(v => list.Contains(v.ItemCode))
                        .Select(v => new { v.ItemCode, v.VersionNumber, v.Name }).ToListAsync(ct))
                    .GroupBy(v => v.ItemCode).ToDictionary(g => g.Key, g => g.MaxBy(v => v.VersionNumber)!.Name);
                foreach (var combined in await db.CombinedItems.AsNoTracking().Where(c => list.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct))
                {
                    names[combined.Code] = combined.Name;
                }
                return names;
            case Breakdown.Channel:
                return Enum.GetValues<CaseChannel>().ToDictionary(c => c.ToString(), StatisticsText.Channel);
            case Breakdown.Region:
                return await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
            default:
                return [];
        }
    }
}
