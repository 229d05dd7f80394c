using OneWindow.Domain;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>每月一通报 (seed 002): a month's windows and departments ranked by volume and on-time rate, with their red and yellow cards, upheld complaints, bad ratings and their rectification.</summary>
public sealed record BulletinResult(ReportPeriod Period, string? RegionPrefix, string PlaceName, IReadOnlyList<Indicator> Indicators, ReportRow Totals, Ranking Windows, Ranking Departments);

/// <summary>
/// 每月一通报: read from the kept figures only (<c>DailyFigures</c> and <c>DailyServiceFigures</c> over the month's days,
/// one grouped query each per breakdown and period compared), like the report page.
/// </summary>
public sealed class MonthlyBulletin(StatisticsReport report, OneWindowDbContext db)
{
    public static readonly IReadOnlyList<IndicatorId> Figures =
    [
        IndicatorId.Received, IndicatorId.Concluded, IndicatorId.OnTimeRate, IndicatorId.Overdue, IndicatorId.Reminders, IndicatorId.YellowCards, IndicatorId.RedCards,
        IndicatorId.ComplaintsUpheld, IndicatorId.Ratings, IndicatorId.BadRatings, IndicatorId.BadRatingRate, IndicatorId.RectificationRate,
    ];

    public async Task<BulletinResult> RunAsync(ReportPeriod period, string? regionPrefix, CancellationToken ct)
    {
        if (period.Kind != PeriodKind.Month)
        {
            throw new DomainRuleException("statistics.bulletin-period", "每月一通报按月出具，统计期写作 2026-11。", "period");
        }
        var totals = await report.RunAsync(new ReportQuery(period, Breakdown.None, Figures, null, regionPrefix), ct);
        // The windows ranked are counters: what came in online (no window) is in the total, not in the ranking.
        var windows = await report.RunAsync(new ReportQuery(period, Breakdown.Window, Figures, null, regionPrefix), ct);
        var departments = await report.RunAsync(new ReportQuery(period, Breakdown.Department, Figures, null, regionPrefix), ct);
        return new BulletinResult(period, regionPrefix, await WorkReport.PlaceNameAsync(db, regionPrefix, ct), totals.Indicators, totals.Total,
            Ranking.Of(windows with { Rows = [.. windows.Rows.Where(r => r.Key != Guid.Empty.ToString())] }), Ranking.Of(departments));
    }
}
