using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A unit ranking as JSON: the indicators' ids in the rows' order, and the rows by volume and by on-time rate.</summary>
public sealed record RankingView(IReadOnlyList<IndicatorId> Indicators, IReadOnlyList<ReportRow> ByVolume, IReadOnlyList<ReportRow> ByOnTime)
{
    public static RankingView Of(Ranking r) => new([.. r.Indicators.Select(i => i.Id)], r.ByVolume, r.ByOnTime);
}

public sealed record WorkReportView(string Place, string? Region, PeriodView Period, PeriodView Previous, PeriodView YearBefore,
    IReadOnlyList<IndicatorView> Indicators, ReportRow Totals, RankingView Departments, StatisticsReportView Towns, ReadinessResult Readiness,
    IReadOnlyList<FeeItemRow> Fees)
{
    public static WorkReportView Of(WorkReportResult w) => new(w.PlaceName, w.RegionPrefix, PeriodView.Of(w.Period), PeriodView.Of(w.Previous), PeriodView.Of(w.YearBefore),
        [.. w.Indicators.Select(IndicatorView.Of)], w.Totals, RankingView.Of(w.Departments), StatisticsReportView.Of(w.Towns), w.Readiness, w.Fees);
}

public sealed record BulletinView(string Place, string? Region, PeriodView Period, IReadOnlyList<IndicatorView> Indicators, ReportRow Totals, RankingView Windows, RankingView Departments)
{
    public static BulletinView Of(BulletinResult b) => new(b.PlaceName, b.RegionPrefix, PeriodView.Of(b.Period), [.. b.Indicators.Select(IndicatorView.Of)], b.Totals,
        RankingView.Of(b.Windows), RankingView.Of(b.Departments));
}

/// <summary>The standard reports' choices: a period and a region code prefix, refused as the report refuses them.</summary>
public static class StandardReportChoices
{
    public static (ReportPeriod Period, string? Region) Parse(string? period, string? region)
    {
        var q = ReportChoices.Parse(period, null, null, null, region, null);
        return (q.Period, q.RegionPrefix);
    }

    public static string FileName(string what, ReportPeriod period, string? region) =>
        $"{what}-{period.Name}{(string.IsNullOrEmpty(region) ? "" : "-" + region)}.xlsx";
}

/// <summary>
/// The standard reports' API (the pages' twins): the report's table as .xlsx, the work report and the monthly bulletin
/// as JSON and .xlsx, the fees by fee item, and the readiness figures.
/// </summary>
public static class StandardReportsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/statistics").WithTags("Statistics").RequireAuthorization(Policies.Statistics);
        api.MapGet("/report.xlsx", async (string? period, Breakdown? by, string? indicators, Guid? department, string? region, int? level, StatisticsReport report, CancellationToken ct) =>
            {
                var result = await report.RunAsync(ReportChoices.Parse(period, by, indicators, department, region, level), ct);
                return Results.File(ReportWorkbooks.Report(result), Xlsx.ContentType, StandardReportChoices.FileName("statistics", result.Period, region));
            })
            .Produces(StatusCodes.Status200OK, contentType: Xlsx.ContentType)
            .WithSummary("The report (`GET /api/v1/statistics/report`, the same choices) as an Excel workbook: the rows, the total, 环比 and 同比");
        api.MapGet("/work-report", async (string? period, string? region, WorkReport work, CancellationToken ct) =>
            {
                var (p, r) = StandardReportChoices.Parse(period, region);
                return WorkReportView.Of(await work.RunAsync(p, r, ct));
            })
            .WithSummary("The center's work report for a month (2026-11), quarter (2026-Q4) or year (2026), optionally for a `region` code prefix: "
                + "the headline figures with 环比 and 同比, the departments ranked by volume and on-time rate, the towns, and the readiness figures");
        api.MapGet("/work-report.xlsx", async (string? period, string? region, WorkReport work, CancellationToken ct) =>
            {
                var (p, r) = StandardReportChoices.Parse(period, region);
                return Results.File(ReportWorkbooks.Work(await work.RunAsync(p, r, ct)), Xlsx.ContentType, StandardReportChoices.FileName("work-report", p, r));
            })
            .Produces(StatusCodes.Status200OK, contentType: Xlsx.ContentType)
            .WithSummary("The work report as an Excel workbook");
        api.MapGet("/bulletin", async (string? period, string? region, MonthlyBulletin bulletin, CancellationToken ct) =>
            {
                var (p, r) = StandardReportChoices.Parse(period, region);
                return BulletinView.Of(await bulletin.RunAsync(p, r, ct));
            })
            .WithSummary("每月一通报 for a month (2026-11): windows and departments ranked by volume and on-time rate, with reminders, yellow and red cards, "
                + "upheld complaints, bad ratings and their rectification");
        api.MapGet("/bulletin.xlsx", async (string? period, string? region, MonthlyBulletin bulletin, CancellationToken ct) =>
            {
                var (p, r) = StandardReportChoices.Parse(period, region);
                return Results.File(ReportWorkbooks.Bulletin(await bulletin.RunAsync(p, r, ct)), Xlsx.ContentType, StandardReportChoices.FileName("bulletin", p, r));
            })
            .Produces(StatusCodes.Status200OK, contentType: Xlsx.ContentType)
            .WithSummary("每月一通报 as an Excel workbook");
        api.MapGet("/fees", async (string? period, string? region, Guid? department, FeeItems fees, CancellationToken ct) =>
            {
                var q = ReportChoices.Parse(period, null, null, department, region, null);
                return await fees.RunAsync(q.Period, q.RegionPrefix, q.DepartmentId, ct);
            })
            .WithSummary("收费 by fee item (收费项目: an item's fee line) for any period, optionally one `department` and a `region` code prefix: the payments, "
                + "the amount paid against the line in yuan, and the amounts of the period before and the same period a year earlier, from the kept fee figures");
        api.MapGet("/readiness", async (string? region, int? level, Readiness readiness, CancellationToken ct) =>
            {
                ReportChoices.Parse("2026", null, null, null, region, level); // the region and level rules of the report
                return await readiness.RunAsync(string.IsNullOrEmpty(region) ? null : region.Trim(), level ?? 9, ct);
            })
            .WithSummary("事项进驻率, 授权到位率 and 人员到位率 as the organization stands: per venue, rolled up to `level` 6, 9 or 12 code digits, and the total, for a `region` code prefix");
    }
}
