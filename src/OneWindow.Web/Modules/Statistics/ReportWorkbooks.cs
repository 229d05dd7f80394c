using System.Globalization;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The report page's table (and its fees by fee item when a fee indicator is chosen), the work report and the monthly bulletin as .xlsx sheets (<see cref="Xlsx"/>): the same rows
/// and figures as the page and the API, a figure as a number (a rate in percent, two decimals), none as —.
/// </summary>
public static class ReportWorkbooks
{
    public static byte[] Report(StatisticsReportResult r)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row([r.By == Breakdown.None ? "范围" : StatisticsText.Of(r.By), .. r.Indicators.Select(Header)]),
        };
        rows.AddRange(r.Rows.Select(x => Row([x.Label, .. x.Figures.Select(f => Cell(f.Value))])));
        rows.Add(Row(["合计", .. r.Total.Figures.Select(f => Cell(f.Value))]));
        rows.Add(Row(["环比（" + r.Previous.Name + "）", .. r.Total.Figures.Select(f => Cell(f.ChangeOnPrevious))]));
        rows.Add(Row(["同比（" + r.YearBefore.Name + "）", .. r.Total.Figures.Select(f => Cell(f.ChangeOnYear))]));
        if (r.Fees is { } fees)
        {
            rows.Add(Row([]));
            rows.Add(Row(["收费项目"]));
            rows.Add(Row(["事项编码", "事项", "收费项目", "缴费笔数", "环比（%）", "同比（%）", "实收金额（元）", "环比（%）", "同比（%）"]));
            rows.AddRange(fees.Select(f => Row([f.ItemCode, f.ItemName, f.FeeName, f.Payments, Cell(f.PaymentsChangeOnPrevious), Cell(f.PaymentsChangeOnYear),
                f.Amount, Cell(f.AmountChangeOnPrevious), Cell(f.AmountChangeOnYear)])));
            // A payment counts once per fee line it paid: the lines' payments do not add up to payments, so the total has none.
            rows.Add(Row(["合计", "", "", "", "", "", fees.Sum(f => f.Amount)]));
        }
        rows.Add(Row([]));
        rows.Add(Row(["统计期", r.Period.Name, r.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]));
        rows.Add(Row(["环比、同比：率为百分点之差，数量与平均值为变化百分比。"]));
        return Xlsx.Write("统计报表 " + r.Period.Name, rows);
    }

    public static byte[] Work(WorkReportResult w)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row([w.PlaceName + " " + StandardReportText.Title(w.Period) + "工作报告"]),
            Row(["统计期", w.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 至 " + w.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]),
            Row([]),
            Row(["一、主要指标"]),
            Row(["指标", "本期", "上期（" + w.Previous.Name + "）", "环比", "去年同期（" + w.YearBefore.Name + "）", "同比"]),
        };
        for (var k = 0; k < w.Indicators.Count; k++)
        {
            var f = w.Totals.Figures[k];
            rows.Add(Row([Header(w.Indicators[k]), Cell(f.Value), Cell(f.Previous), Cell(f.ChangeOnPrevious), Cell(f.YearBefore), Cell(f.ChangeOnYear)]));
        }
        Ranked(rows, "二、部门排名（按受理量）", "部门", w.Departments.Indicators, w.Departments.ByVolume);
        Ranked(rows, "三、部门排名（按按期办结率）", "部门", w.Departments.Indicators, w.Departments.ByOnTime);
        rows.Add(Row([]));
        rows.Add(Row(["四、乡镇情况（含所辖村）"]));
        rows.Add(Row(["区域", .. w.Towns.Indicators.Select(Header)]));
        rows.AddRange(w.Towns.Rows.Select(x => Row([x.Label, .. x.Figures.Select(f => Cell(f.Value))])));
        rows.Add(Row([]));
        rows.Add(Row(["五、事项、授权、人员到位情况"]));
        Readiness(rows, w.Readiness);
        rows.Add(Row([]));
        rows.Add(Row(["六、收费项目"]));
        rows.Add(Row(["事项编码", "事项", "收费项目", "缴费笔数", "实收金额（元）", "上期（" + w.Previous.Name + "）（元）", "去年同期（" + w.YearBefore.Name + "）（元）"]));
        rows.AddRange(w.Fees.Select(f => Row([f.ItemCode, f.ItemName, f.FeeName, f.Payments, f.Amount, f.PreviousAmount, f.YearBeforeAmount])));
        // A payment counts once per fee line it paid: the lines' payments do not add up to payments, so the total has none.
        rows.Add(Row(["合计", "", "", "", w.Fees.Sum(f => f.Amount), w.Fees.Sum(f => f.PreviousAmount), w.Fees.Sum(f => f.YearBeforeAmount)]));
        return Xlsx.Write("工作报告 " + w.Period.Name, rows);
    }

    public static byte[] Bulletin(BulletinResult b)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row([b.PlaceName + " " + StandardReportText.Title(b.Period) + "窗口工作通报"]),
            Row(["统计期", b.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 至 " + b.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]),
            Row([]),
            Row(["合计", .. b.Indicators.Select(Header)]),
            Row(["", .. b.Totals.Figures.Select(f => Cell(f.Value))]),
        };
        Ranked(rows, "一、窗口排名（按受理量）", "窗口", b.Windows.Indicators, b.Windows.ByVolume);
        Ranked(rows, "二、窗口排名（按按期办结率）", "窗口", b.Windows.Indicators, b.Windows.ByOnTime);
        Ranked(rows, "三、部门排名（按受理量）", "部门", b.Departments.Indicators, b.Departments.ByVolume);
        Ranked(rows, "四、部门排名（按按期办结率）", "部门", b.Departments.Indicators, b.Departments.ByOnTime);
        return Xlsx.Write("每月一通报 " + b.Period.Name, rows);
    }

    public static void Readiness(List<IReadOnlyList<object?>> rows, ReadinessResult r)
    {
        rows.Add(Row(["区域", "应进驻事项", "已进驻事项", "事项进驻率（%）", "授权办结事项", "授权到位率（%）", "窗口数", "有人员的窗口", "人员到位率（%）"]));
        foreach (var p in r.Places)
        {
            rows.Add(Counts(p.Name, p.Counts));
        }
        rows.Add(Counts("合计", r.Total));
    }

    private static IReadOnlyList<object?> Counts(string label, ReadinessCounts c) =>
        Row([label, c.ListedItems, c.ItemsTakenIn, Cell(c.ItemRate), c.ItemsDecided, Cell(c.AuthorizationRate), c.Windows, c.WindowsStaffed, Cell(c.StaffingRate)]);

    private static void Ranked(List<IReadOnlyList<object?>> rows, string title, string unit, IReadOnlyList<Indicator> indicators, IReadOnlyList<ReportRow> ranked)
    {
        rows.Add(Row([]));
        rows.Add(Row([title]));
        rows.Add(Row(["名次", unit, .. indicators.Select(Header)]));
        rows.AddRange(ranked.Select((x, n) => Row([n + 1, x.Label, .. x.Figures.Select(f => Cell(f.Value))])));
    }

    /// <summary>An indicator's column head: its name, and its unit when it is not a percentage's.</summary>
    public static string Header(Indicator i) => i.IsRate ? i.Name + "（%）" : i.Name + "（" + i.Unit + "）";

    private static object Cell(decimal? value) => value is { } v ? v : "—";

    private static IReadOnlyList<object?> Row(object?[] cells) => cells;
}

/// <summary>The standard reports' Chinese words (English in Resources/en.json).</summary>
public static class StandardReportText
{
    /// <summary>A month, quarter or year as a report names it: 2026年11月, 2026年第4季度, 2026年度.</summary>
    public static string Title(ReportPeriod p) => p.Kind switch
    {
        PeriodKind.Month => string.Format(CultureInfo.InvariantCulture, "{0}年{1}月", p.From.Year, p.From.Month),
        PeriodKind.Quarter => string.Format(CultureInfo.InvariantCulture, "{0}年第{1}季度", p.From.Year, (p.From.Month - 1) / 3 + 1),
        PeriodKind.Year => string.Format(CultureInfo.InvariantCulture, "{0}年度", p.From.Year),
        _ => p.Name,
    };
}
