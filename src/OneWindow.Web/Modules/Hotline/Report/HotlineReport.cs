using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>What the hotline report's rows are: the whole, or one member of a kept dimension per row.</summary>
public enum HotlineBreakdown
{
    None,
    Channel,
    Type,
    Category,
    Unit,
    Town,
    Place,
}

public sealed record HotlineReportQuery(ReportPeriod Period, HotlineBreakdown By, int MinCount)
{
    public const int DefaultMinCount = 5;

    /// <summary>The page's and the API's choices, refused the same way by both.</summary>
    public static HotlineReportQuery Parse(string? period, HotlineBreakdown? by, int? minCount)
    {
        if (!ReportPeriod.TryParse(period, out var chosen))
        {
            throw new DomainRuleException("hotline-report.period-invalid",
                "统计期应写作 2026-11-22（日）、2026-W47（周）、2026-11（月）、2026-Q4（季）、2026（年）或 2026-10-01..2026-11-22（起止日），最长十年。", "period");
        }
        if (by is { } b && !Enum.IsDefined(b))
        {
            throw new DomainRuleException("hotline-report.breakdown-invalid", "分组应为渠道、类型、分类、承办单位、乡镇或地点之一。", "by");
        }
        if (minCount is { } m && m is < 1 or > 10000)
        {
            throw new DomainRuleException("hotline-report.min-count-invalid", "热点诉求的最少件数应在 1–10000 之间。", "minCount");
        }
        return new HotlineReportQuery(chosen, by ?? HotlineBreakdown.None, minCount ?? DefaultMinCount);
    }
}

/// <summary>One indicator's value in the period, the period before (环比) and a year earlier (同比), and the changes: a rate's in percentage points, a count's in percent.</summary>
public sealed record HotlineFigure(HotlineIndicatorId Id, decimal? Value, decimal? Previous, decimal? YearBefore, decimal? OnPrevious, decimal? OnYearBefore);

/// <summary>A row of the report: a member of the breakdown (or the total), its nine figures and the counts they come from.</summary>
public sealed record HotlineReportRow(string Key, string Name, IReadOnlyList<HotlineFigure> Figures, IReadOnlyDictionary<string, long> Counts)
{
    public HotlineFigure this[HotlineIndicatorId id] => Figures.First(f => f.Id == id);

    public long Count(HotlineMeasure m) => Counts.GetValueOrDefault(m.ToString());
}

/// <summary>A hot topic (热点诉求): a category or a place whose orders rose most against the period before.</summary>
public sealed record HotTopic(string Key, string Name, long Count, long Previous, long Rise, decimal? RisePercent);

public sealed record HotlineReportResult(ReportPeriod Period, ReportPeriod Previous, ReportPeriod YearBefore, HotlineBreakdown By, int MinCount,
    IReadOnlyList<HotlineReportRow> Rows, HotlineReportRow Total, IReadOnlyList<HotTopic> HotCategories, IReadOnlyList<HotTopic> HotTowns, IReadOnlyList<HotTopic> HotPlaces);

/// <summary>
/// 热线统计报表 (ADR 0032): the nine indicators over any period by channel, type, category, lead unit, town or place, with
/// 环比 and 同比, and the hot topics. Reads the kept rows only: one grouped query of one dimension per period compared,
/// and the category's, town's and place's counts for the period and the one before (shared with the breakdown's).
/// </summary>
public sealed class HotlineReport(OneWindowDbContext db)
{
    public const int HotTopicCount = 10;

    private readonly Dictionary<(HotlineDimension, DateOnly, DateOnly), Dictionary<string, HotlineValues>> _sums = [];

    public async Task<HotlineReportResult> RunAsync(HotlineReportQuery q, CancellationToken ct)
    {
        var (period, previous, yearBefore) = (q.Period, q.Period.Previous(), q.Period.YearBefore());
        var dimension = DimensionOf(q.By);
        var now = await SumsAsync(dimension, period, ct);
        var before = await SumsAsync(dimension, previous, ct);
        var lastYear = await SumsAsync(dimension, yearBefore, ct);

        var categories = await SumsAsync(HotlineDimension.Category, period, ct);
        var categoriesBefore = await SumsAsync(HotlineDimension.Category, previous, ct);
        var towns = await SumsAsync(HotlineDimension.Town, period, ct);
        var townsBefore = await SumsAsync(HotlineDimension.Town, previous, ct);
        var places = await SumsAsync(HotlineDimension.Place, period, ct);
        var placesBefore = await SumsAsync(HotlineDimension.Place, previous, ct);

        var hotCategories = Hot(categories, categoriesBefore, q.MinCount);
        var hotTowns = Hot(towns, townsBefore, q.MinCount);
        var hotPlaces = Hot(places, placesBefore, q.MinCount);
        var names = await HotlineMemberNames.OfAsync(db, [
            (dimension, q.By == HotlineBreakdown.None ? [] : now.Keys.Union(before.Keys).Union(lastYear.Keys)),
            (HotlineDimension.Category, hotCategories.Select(h => h.Key)),
            (HotlineDimension.Town, hotTowns.Select(h => h.Key)),
            (HotlineDimension.Place, hotPlaces.Select(h => h.Key)),
        ], ct);

        var rows = q.By == HotlineBreakdown.None
            ? []
            : now.Keys.Union(before.Keys).Union(lastYear.Keys)
                .Select(k => Row(k, names.GetValueOrDefault((dimension, k)) ?? HotlineMemberNames.Fallback(dimension, k), now.GetValueOrDefault(k), before.GetValueOrDefault(k), lastYear.GetValueOrDefault(k)))
                .OrderByDescending(r => r.Count(HotlineMeasure.Received) + r.Count(HotlineMeasure.Dispatched)).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var total = Row("", Text.Translate("合计"), Sum(now.Values), Sum(before.Values), Sum(lastYear.Values));
        HotTopic Named(HotlineDimension d, HotTopic h) => h with { Name = names.GetValueOrDefault((d, h.Key)) ?? HotlineMemberNames.Fallback(d, h.Key) };
        return new HotlineReportResult(period, previous, yearBefore, q.By, q.MinCount, rows, total,
            [.. hotCategories.Select(h => Named(HotlineDimension.Category, h))], [.. hotTowns.Select(h => Named(HotlineDimension.Town, h))],
            [.. hotPlaces.Select(h => Named(HotlineDimension.Place, h))]);
    }

    /// <summary>The kept dimension a breakdown reads (the total is the sum of any one; the channel's has the fewest rows).</summary>
    public static HotlineDimension DimensionOf(HotlineBreakdown by) => by switch
    {
        HotlineBreakdown.Type => HotlineDimension.Type,
        HotlineBreakdown.Category => HotlineDimension.Category,
        HotlineBreakdown.Unit => HotlineDimension.Unit,
        HotlineBreakdown.Town => HotlineDimension.Town,
        HotlineBreakdown.Place => HotlineDimension.Place,
        _ => HotlineDimension.Channel,
    };

    public static HotlineReportRow Row(string key, string name, HotlineValues? now, HotlineValues? before, HotlineValues? lastYear)
    {
        now ??= new HotlineValues();
        before ??= new HotlineValues();
        lastYear ??= new HotlineValues();
        var figures = HotlineIndicators.All.Select(i =>
        {
            var (v, p, y) = (i.Compute(now), i.Compute(before), i.Compute(lastYear));
            return new HotlineFigure(i.Id, v, p, y, Change(i, v, p), Change(i, v, y));
        }).ToList();
        var counts = Enum.GetValues<HotlineMeasure>().ToDictionary(m => m.ToString(), m => now[m]);
        return new HotlineReportRow(key, name, figures, counts);
    }

    /// <summary>A rate's change in percentage points; a count's in percent of the earlier (none when the earlier was 0).</summary>
    public static decimal? Change(HotlineIndicator i, decimal? now, decimal? then) =>
        now is not { } n || then is not { } t ? null
        : i.IsRate ? n - t
        : t == 0 ? null : decimal.Round(100m * (n - t) / t, 2);

    /// <summary>
    /// The members whose orders (受理量) rose most against the period before: at least <paramref name="minCount"/> orders
    /// now (so that one order is not a trend), risen by at least one, by the rise and then by its percentage.
    /// </summary>
    public static List<HotTopic> Hot(Dictionary<string, HotlineValues> now, Dictionary<string, HotlineValues> before, int minCount) =>
        [.. now.Select(x => (x.Key, Count: x.Value[HotlineMeasure.Received], Previous: before.GetValueOrDefault(x.Key)?[HotlineMeasure.Received] ?? 0))
            .Where(x => x.Count >= minCount && x.Count > x.Previous)
            .Select(x => new HotTopic(x.Key, x.Key, x.Count, x.Previous, x.Count - x.Previous, x.Previous == 0 ? null : decimal.Round(100m * (x.Count - x.Previous) / x.Previous, 2)))
            .OrderByDescending(h => h.Rise).ThenByDescending(h => h.RisePercent ?? decimal.MaxValue).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(HotTopicCount)];

    public static HotlineValues Sum(IEnumerable<HotlineValues> values)
    {
        var sum = new HotlineValues();
        foreach (var v in values)
        {
            sum.Add(v);
        }
        return sum;
    }

    /// <summary>
    /// One dimension's kept rows of a period, summed by member: the whole months from the month rows and the days
    /// before and after them from the day rows (ADR 0040), one grouped query on the key's range each.
    /// </summary>
    public async Task<Dictionary<string, HotlineValues>> SumsAsync(HotlineDimension d, ReportPeriod p, CancellationToken ct)
    {
        if (_sums.TryGetValue((d, p.From, p.To), out var cached))
        {
            return cached;
        }
        var sums = new Dictionary<string, HotlineValues>(StringComparer.Ordinal);
        var split = PeriodSplit.Of(p.From, p.To);
        if (split.WholeMonths is var (firstMonth, lastMonth))
        {
            await AddSumsAsync(db.Set<MonthlyHotlineFigure>().AsNoTracking().Where(f => f.Dimension == d && f.Month >= firstMonth && f.Month <= lastMonth), sums, ct);
        }
        foreach (var (from, to) in split.DayRanges)
        {
            await AddSumsAsync(db.Set<DailyHotlineFigure>().AsNoTracking().Where(f => f.Dimension == d && f.Day >= from && f.Day <= to), sums, ct);
        }
        _sums[(d, p.From, p.To)] = sums;
        return sums;
    }

    private static async Task AddSumsAsync<T>(IQueryable<T> rows, Dictionary<string, HotlineValues> sums, CancellationToken ct) where T : HotlineFigureRow
    {
        var grouped = await rows.GroupBy(f => f.Member).Select(g => new
            {
                g.Key,
                Received = g.Sum(f => f.Received), AnsweredOnTheSpot = g.Sum(f => f.AnsweredOnTheSpot), Referred = g.Sum(f => f.Referred), Refused = g.Sum(f => f.Refused),
                Merged = g.Sum(f => f.Merged), Dispatched = g.Sum(f => f.Dispatched), SignedFor = g.Sum(f => f.SignedFor), SignedForOnTime = g.Sum(f => f.SignedForOnTime),
                Returned = g.Sum(f => f.Returned), Replied = g.Sum(f => f.Replied), RepliedOnTime = g.Sum(f => f.RepliedOnTime), SentBack = g.Sum(f => f.SentBack),
                CallbackDue = g.Sum(f => f.CallbackDue), CalledBack = g.Sum(f => f.CalledBack), Satisfied = g.Sum(f => f.Satisfied), FairlySatisfied = g.Sum(f => f.FairlySatisfied),
                Unsatisfied = g.Sum(f => f.Unsatisfied), Resolved = g.Sum(f => f.Resolved), Reopened = g.Sum(f => f.Reopened), Concluded = g.Sum(f => f.Concluded),
                ConcludedOnTime = g.Sum(f => f.ConcludedOnTime),
            }).ToListAsync(ct);
        foreach (var r in grouped)
        {
            var values = new HotlineValues(
            [
                r.Received, r.AnsweredOnTheSpot, r.Referred, r.Refused, r.Merged, r.Dispatched, r.SignedFor, r.SignedForOnTime, r.Returned, r.Replied, r.RepliedOnTime, r.SentBack,
                r.CallbackDue, r.CalledBack, r.Satisfied, r.FairlySatisfied, r.Unsatisfied, r.Resolved, r.Reopened, r.Concluded, r.ConcludedOnTime,
            ]);
            if (sums.TryGetValue(r.Key, out var sum))
            {
                sum.Add(values);
            }
            else
            {
                sums[r.Key] = values;
            }
        }
    }
}

/// <summary>The readable names of kept members: channels and types by their text, categories, units and regions by one read each.</summary>
public static class HotlineMemberNames
{
    public static async Task<Dictionary<(HotlineDimension, string), string>> OfAsync(OneWindowDbContext db, IEnumerable<(HotlineDimension Dimension, IEnumerable<string> Members)> wanted, CancellationToken ct)
    {
        var names = new Dictionary<(HotlineDimension, string), string>();
        var byDimension = wanted.GroupBy(w => w.Dimension).ToDictionary(g => g.Key, g => g.SelectMany(w => w.Members).Distinct().ToList());
        foreach (var (d, members) in byDimension)
        {
            if (members.Count == 0)
            {
                continue;
            }
            switch (d)
            {
                case HotlineDimension.Category:
                    var codes = members.Take(2000).ToList();
                    foreach (var c in await db.Set<HotlineCategory>().AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct))
                    {
                        names[(d, c.Code)] = c.Name;
                    }
                    break;
                case HotlineDimension.Unit:
                    var ids = members.Select(m => Guid.TryParse(m, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
                    foreach (var (id, name) in await HotlineUnits.NamesAsync(db, ids, ct))
                    {
                        names[(d, id.ToString("D"))] = name;
                    }
                    break;
                case HotlineDimension.Town or HotlineDimension.Place:
                    var regions = members.Take(2000).ToList();
                    foreach (var r in await db.Regions.AsNoTracking().Where(r => regions.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
                    {
                        names[(d, r.Code)] = r.Name;
                    }
                    break;
                default:
                    foreach (var m in members)
                    {
                        names[(d, m)] = Fallback(d, m);
                    }
                    break;
            }
        }
        return names;
    }

    /// <summary>A member's name without a read: a channel's or type's text, "未派单" for no unit, else the code itself.</summary>
    public static string Fallback(HotlineDimension d, string member) => d switch
    {
        HotlineDimension.Channel when int.TryParse(member, out var c) => HotlineText.Of((WorkOrderChannel)c),
        HotlineDimension.Type when int.TryParse(member, out var t) => HotlineText.Of((WorkOrderType)t),
        HotlineDimension.Unit when member.Length == 0 => Text.Translate("未派单"),
        _ => member,
    };
}
