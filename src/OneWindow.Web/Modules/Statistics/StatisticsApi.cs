using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A report as JSON: the period and its comparisons, the indicators' definitions, the rows and the total, and the fees by fee item when a fee indicator is chosen (else null).</summary>
public sealed record StatisticsReportView(
    PeriodView Period, PeriodView Previous, PeriodView YearBefore, Breakdown By, IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<ReportRow> Rows, ReportRow Total, IReadOnlyList<FeeItemRow>? Fees)
{
    public static StatisticsReportView Of(StatisticsReportResult r) => new(
        PeriodView.Of(r.Period), PeriodView.Of(r.Previous), PeriodView.Of(r.YearBefore), r.By,
        [.. r.Indicators.Select(IndicatorView.Of)], r.Rows, r.Total, r.Fees);
}

public sealed record PeriodView(string Name, PeriodKind Kind, DateOnly From, DateOnly To)
{
    public static PeriodView Of(ReportPeriod p) => new(p.Name, p.Kind, p.From, p.To);
}

public sealed record IndicatorView(IndicatorId Id, string Name, string Unit, string Formula, string Source)
{
    public static IndicatorView Of(Indicator i) => new(i.Id, i.Name, i.Unit, i.Formula, i.Source);
}

/// <summary>The report's choices as the page and the API take them; one parser so both refuse the same input the same way.</summary>
public static class ReportChoices
{
    /// <summary>The one rule for 收费项目 on the report: the fees by fee item come with 收费笔数 or 收费金额 (ADR 0041).</summary>
    public static bool AsksForFees(IEnumerable<IndicatorId> indicators) => indicators.Any(i => i is IndicatorId.Paid or IndicatorId.FeeTotal);

    public static ReportQuery Parse(string? period, Breakdown? by, string? indicators, Guid? department, string? region, int? level)
    {
        if (!ReportPeriod.TryParse(period, out var chosen))
        {
            throw new DomainRuleException("statistics.period-invalid",
                "统计期应写作 2026-11-22（日）、2026-W47（周）、2026-11（月）、2026-Q4（季）、2026（年）或 2026-10-01..2026-11-22（起止日），最长十年。", "period");
        }
        var ids = new List<IndicatorId>();
        foreach (var part in (indicators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<IndicatorId>(part, ignoreCase: false, out var id) || !Enum.IsDefined(id) || int.TryParse(part, out _))
            {
                throw new DomainRuleException("statistics.indicator-unknown", $"没有名为 {part} 的统计指标。", "indicators");
            }
            ids.Add(id);
        }
        region = region?.Trim();
        if (!string.IsNullOrEmpty(region) && (region.Length > 12 || !region.All(char.IsAsciiDigit)))
        {
            throw new DomainRuleException("statistics.region-invalid", "区域应为行政区划代码的前几位数字（最多 12 位）。", "region");
        }
        if (level is { } l && l is not (6 or 9 or 12))
        {
            throw new DomainRuleException("statistics.level-invalid", "区域层级应为 6（县）、9（乡镇）或 12（村）。", "level");
        }
        return new ReportQuery(chosen, by ?? Breakdown.None, ids, department, string.IsNullOrEmpty(region) ? null : region, level ?? 9, AsksForFees(ids));
    }
}

public static class StatisticsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/statistics").WithTags("Statistics").RequireAuthorization(Policies.Statistics);
        api.MapGet("/report", async (string? period, Breakdown? by, string? indicators, Guid? department, string? region, int? level, StatisticsReport report, CancellationToken ct) =>
                StatisticsReportView.Of(await report.RunAsync(ReportChoices.Parse(period, by, indicators, department, region, level), ct)))
            .WithSummary("Indicators over any period (`period`: 2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026 or 2026-10-01..2026-11-22), "
                + "broken down `by` Department, Window, Item, Channel, Venue or Region (rolled up to `level` 6, 9 or 12 code digits), "
                + "for one `department` or a `region` code prefix, with the chosen `indicators` (comma-separated ids), each with 环比 and 同比; "
                + "with Paid or FeeTotal among them, `fees`: the period's fees by fee item (as `GET /api/v1/statistics/fees`), else null");
        api.MapGet("/cases", async (string? period, string? indicator, Breakdown? by, string? key, Guid? department, string? region, int? level, string? after, string? fee, FigureCases cases, CancellationToken ct) =>
                await cases.RunAsync(FigureCasesChoices.Parse(period, indicator, by, key, department, region, level, after, fee), ct))
            .WithSummary("The cases behind a count of the report (drill-down): the `period`, the count's `indicator` (Received, Accepted, Concluded, Overdue, Rejected, Withdrawn, Paid or InHand), "
                + "the breakdown row (`by` and its `key` as the report's rows carry it; for Region the rolled-up code with `level`) and the report's `department` and `region`; "
                + "for a fee item's 缴费笔数, `indicator=Paid&by=Item&key=` the item code and `fee` the fee line's name; newest first, 50 a page, the next page by `after`");
        api.MapGet("/indicators", () => Indicators.All.Select(IndicatorView.Of))
            .WithSummary("Every indicator with its unit, formula and source (docs/statistics.md)");
    }
}
