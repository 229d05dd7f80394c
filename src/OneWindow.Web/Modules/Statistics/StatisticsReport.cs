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
/// <param name="WithFees">Whether to add the period's fees by fee item (收费项目): <see cref="ReportChoices"/> asks for them with a fee indicator.</param>
public sealed record ReportQuery(ReportPeriod Period, Breakdown By, IReadOnlyList<IndicatorId> Indicators, Guid? DepartmentId = null, string? RegionPrefix = null, int RegionLevel = 9,
    bool WithFees = false);

/// <summary>An indicator's value with the previous period's (环比) and the year before's (同比), and the changes.</summary>
/// <param name="ChangeOnPrevious">The change on the previous period: percent for counts and averages, percentage points for rates.</param>
public sealed record ReportFigure(IndicatorId Indicator, decimal? Value, decimal? Previous, decimal? YearBefore, decimal? ChangeOnPrevious, decimal? ChangeOnYear);

/// <summary>One row of a breakdown: its key (an id, code or name to drill down with), its label and its figures.</summary>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<ReportFigure> Figures);

/// <param name="Fees">The fees by fee item of the period and place (收费项目, from the kept fee rows), when asked for; else none.</param>
public sealed record StatisticsReportResult(ReportPeriod Period, ReportPeriod Previous, ReportPeriod YearBefore, Breakdown By,
    IReadOnlyList<Indicator> Indicators, IReadOnlyList<ReportRow> Rows, ReportRow Total, IReadOnlyList<FeeItemRow>? Fees = null);

/// <summary>
/// A report over any period and breakdown, summed from the kept figures (never from cases): the period, the period
/// before and the same period a year earlier, each split into whole years, whole months and leftover days and read
/// from the year, month and day rows (<see cref="KeptSums"/>, ADR 0038); the stock in hand at the three periods' ends,
/// when asked for, the same way: over everything kept up to the earliest end, then what moved up to each later one; and
/// the fees by fee item, when asked for, from the kept fee rows (<see cref="FeeItems"/>, the same figures as
/// <c>GET /api/v1/statistics/fees</c>).
/// </summary>
public sealed class StatisticsReport(OneWindowDbContext db, FeeItems feeItems)
{
    public async Task<StatisticsReportResult> RunAsync(ReportQuery query, CancellationToken ct)
    {
        var indicators = (query.Indicators.Count == 0 ? Indicators.Default : query.Indicators).Distinct().Select(Indicators.Of).ToList();
        var withStock = indicators.Any(i => i.Id == IndicatorId.InHand);
        var withService = indicators.Any(i => i.FromService);
        var (previous, yearBefore) = (query.Period.Previous(), query.Period.YearBefore());
        // The stock in hand at the three periods' ends at once: the history before the earliest end read once (KeptSums).
        var stocks = withStock
            ? await KeptSums.InHandAtAsync(db, query.DepartmentId, query.RegionPrefix, [query.Period.To, previous.To, yearBefore.To], query.By, ct)
            : null;
        var now = await TotalsAsync(query, query.Period, stocks?[query.Period.To], withService, ct);
        var before = await TotalsAsync(query, previous, stocks?[previous.To], withService, ct);
        var lastYear = await TotalsAsync(query, yearBefore, stocks?[yearBefore.To], withService, ct);
        var labels = await LabelsAsync(query.By, now.Keys, ct);
        var rows = now.Select(kv => Row(kv.Key, labels.GetValueOrDefault(kv.Key, kv.Key), kv.Value, before.GetValueOrDefault(kv.Key), lastYear.GetValueOrDefault(kv.Key), indicators))
            .OrderByDescending(r => r.Figures.Count > 0 ? r.Figures[0].Value ?? decimal.MinValue : 0).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = Row("", "合计", Sum(now.Values), Sum(before.Values), Sum(lastYear.Values), indicators);
        var fees = query.WithFees ? await feeItems.RunAsync(query.Period, query.RegionPrefix, query.DepartmentId, ct) : null;
        return new StatisticsReportResult(query.Period, previous, yearBefore, query.By, indicators, query.By == Breakdown.None ? [] : rows, total, fees);
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

    private async Task<Dictionary<string, FigureTotals>> TotalsAsync(ReportQuery query, ReportPeriod period, Dictionary<string, long>? stock, bool withService, CancellationToken ct)
    {
        // Whole years and months from their kept rows, the leftover days from the day rows (ADR 0038).
        var sums = await KeptSums.FlowsAsync(db, query.DepartmentId, query.RegionPrefix, period.From, period.To, query.By, ct);
        if (withService)
        {
            // Ratings, alerts and complaints from their own kept rows at the same grain (ADR 0030).
            var service = await ServiceFigureSums.ByAsync(ServiceFigureSums.Rows(db, period.From, period.To, query.DepartmentId, query.RegionPrefix), query.By, ct);
            foreach (var (key, values) in service)
            {
                sums[key] = (sums.TryGetValue(key, out var t) ? t : FigureTotals.Empty) with { Service = values };
            }
        }
        if (stock is not null)
        {
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
