using OneWindow.Domain;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Hotline.Report;

public sealed record HotlineIndicatorView(HotlineIndicatorId Id, string Name, string Unit, string Formula, string Source, HotlineMeasure Count)
{
    public static HotlineIndicatorView Of(HotlineIndicator i) => new(i.Id, i.Name, i.Unit, i.Formula, i.Source, i.Count);
}

/// <summary>The hotline report as JSON: the period and its comparisons, the indicators' definitions, the rows, the total and the hot topics.</summary>
public sealed record HotlineReportView(PeriodView Period, PeriodView Previous, PeriodView YearBefore, HotlineBreakdown By, int MinCount,
    IReadOnlyList<HotlineIndicatorView> Indicators, IReadOnlyList<HotlineReportRow> Rows, HotlineReportRow Total,
    IReadOnlyList<HotTopic> HotCategories, IReadOnlyList<HotTopic> HotTowns, IReadOnlyList<HotTopic> HotPlaces)
{
    public static HotlineReportView Of(HotlineReportResult r) => new(PeriodView.Of(r.Period), PeriodView.Of(r.Previous), PeriodView.Of(r.YearBefore), r.By, r.MinCount,
        [.. HotlineIndicators.All.Select(HotlineIndicatorView.Of)], r.Rows, r.Total, r.HotCategories, r.HotTowns, r.HotPlaces);
}

public sealed record HotlineBriefView(PeriodView Month, PeriodView Previous, PeriodView YearBefore, IReadOnlyList<HotlineIndicatorView> Indicators, HotlineReportRow Total,
    IReadOnlyList<HotTopic> HotCategories, IReadOnlyList<HotTopic> HotTowns, IReadOnlyList<HotTopic> HotPlaces, IReadOnlyList<HotlineUnitRank> Units,
    IReadOnlyList<NotableOrder> Reopened, IReadOnlyList<NotableOrder> RedCarded, IReadOnlyList<NotableOrder> Unsatisfied, DateTime ComposedAt)
{
    public static HotlineBriefView Of(HotlineBriefResult b) => new(PeriodView.Of(b.Month), PeriodView.Of(b.Previous), PeriodView.Of(b.YearBefore),
        [.. HotlineIndicators.All.Select(HotlineIndicatorView.Of)], b.Total, b.HotCategories, b.HotTowns, b.HotPlaces, b.Units, b.Reopened, b.RedCarded, b.Unsatisfied, b.ComposedAt);
}

/// <summary>The report's table as an Excel sheet: one row per breakdown member and the total, each indicator with 环比 and 同比.</summary>
public static class HotlineReportSheet
{
    public static byte[] Write(HotlineReportResult r)
    {
        var header = new List<object?> { Text.Translate("分组"), Text.Translate("代码") };
        foreach (var i in HotlineIndicators.All)
        {
            var unit = i.IsRate ? "%" : i.Unit;
            header.Add($"{i.Name}（{unit}）");
            header.Add($"{i.Name} 环比（{(i.IsRate ? "百分点" : "%")}）");
            header.Add($"{i.Name} 同比（{(i.IsRate ? "百分点" : "%")}）");
        }
        var rows = new List<IReadOnlyList<object?>> { header };
        foreach (var row in r.Rows.Append(r.Total))
        {
            var cells = new List<object?> { row.Name, row.Key };
            foreach (var f in row.Figures)
            {
                cells.Add(f.Value);
                cells.Add(f.OnPrevious);
                cells.Add(f.OnYearBefore);
            }
            rows.Add(cells);
        }
        return Xlsx.Write($"热线统计 {r.Period.Name}", rows);
    }
}

public static class HotlineReportApi
{
    /// <summary>Who may see the hotline report and the brief: the hotline center's operators, the leaders, the supervisors and the center administrators.</summary>
    public const string Policy = "HotlineReport";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hotline/report").WithTags("Hotline report").RequireAuthorization(Policy);
        api.MapGet("", async (string? period, HotlineBreakdown? by, int? minCount, HotlineReport report, CancellationToken ct) =>
                HotlineReportView.Of(await report.RunAsync(HotlineReportQuery.Parse(period, by, minCount), ct)))
            .WithSummary("The hotline report over any `period` (2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026 or 2026-10-01..2026-11-22), `by` Channel, Type, "
                + "Category, Unit, Town or Place: 受理量 and the eight rates, each with 环比 and 同比, and the hot topics (categories, towns and places whose orders "
                + "rose most against the period before, with at least `minCount` orders, 5 by default)");
        api.MapGet("/xlsx", async (string? period, HotlineBreakdown? by, HotlineReport report, CancellationToken ct) =>
            {
                var r = await report.RunAsync(HotlineReportQuery.Parse(period, by, null), ct);
                return Results.File(HotlineReportSheet.Write(r), Xlsx.ContentType, $"hotline-report-{r.Period.Name}-{r.By.ToString().ToLowerInvariant()}.xlsx");
            })
            .WithSummary("The report's table as an Excel workbook (.xlsx): the same `period` and `by`, one row per member and the total");
        api.MapGet("/orders", async (string? period, HotlineMeasure? measure, HotlineBreakdown? by, string? key, string? after, HotlineReportOrders orders, CancellationToken ct) =>
                await orders.RunAsync(HotlineOrdersQuery.Parse(period, measure, by, key, after), ct))
            .WithSummary("The orders behind a count of the report: the `period`, the count's `measure` (Received, AnsweredOnTheSpot, Dispatched, SignedFor, Returned, "
                + "CalledBack, Unsatisfied, Reopened, Concluded, …), the row (`by` and its `key` as the report's rows carry it); by the counted event's instant, "
                + "30 a page, the next page by `after`");
        api.MapGet("/brief", async (string? month, HotlineBrief brief, CancellationToken ct) =>
                HotlineBriefView.Of(await brief.RunAsync(HotlineBrief.ParseMonth(month), ct)))
            .WithSummary("呈阅件: the leaders' monthly brief for `month` (2026-11): totals and rates with 环比 and 同比, the hot topics, the units ranked by 按时办结率 "
                + "and 满意率, and the month's latest reopened, red-carded and unsatisfied orders");
        app.MapGet("/api/v1/hotline/indicators", () => HotlineIndicators.All.Select(HotlineIndicatorView.Of))
            .WithTags("Hotline report").RequireAuthorization(Policy)
            .WithSummary("The hotline report's indicators with their unit, formula and source (docs/statistics.md)");
    }
}

/// <summary>Registration of the hotline's kept figures, report and brief (ADR 0032).</summary>
public static class HotlineReportModule
{
    public static IServiceCollection AddHotlineReport(this IServiceCollection services) =>
        services.AddAuthorization(o => o.AddPolicy(HotlineReportApi.Policy,
                p => p.RequireRole(StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin)))
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, KeepHotlineFigures>()
            .AddScoped<CheckHotlineFigures>().AddScoped<HotlineReport>().AddScoped<HotlineReportOrders>().AddScoped<HotlineBrief>()
            .AuthorizePages("/Hotline/Report", HotlineReportApi.Policy);
}
