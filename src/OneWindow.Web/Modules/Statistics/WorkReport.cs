using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A unit ranking of a standard report: the rows by volume (受理量) and by on-time rate (按期办结率), each row's figures in <see cref="Indicators"/> order.</summary>
public sealed record Ranking(IReadOnlyList<Indicator> Indicators, IReadOnlyList<ReportRow> ByVolume, IReadOnlyList<ReportRow> ByOnTime)
{
    /// <summary>Ranks the rows of a report whose first indicator is 受理量 and which has 按期办结率: by volume; by on-time rate (none last), then volume.</summary>
    public static Ranking Of(StatisticsReportResult r)
    {
        var onTime = r.Indicators.ToList().FindIndex(i => i.Id == IndicatorId.OnTimeRate);
        var volume = r.Indicators.ToList().FindIndex(i => i.Id == IndicatorId.Received);
        var byVolume = r.Rows.OrderByDescending(x => x.Figures[volume].Value ?? 0).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        var byOnTime = r.Rows.OrderBy(x => x.Figures[onTime].Value is null).ThenByDescending(x => x.Figures[onTime].Value ?? 0)
            .ThenByDescending(x => x.Figures[volume].Value ?? 0).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        return new Ranking(r.Indicators, byVolume, byOnTime);
    }
}

/// <summary>What the work report of a period contains (ADR 0033): its place, the headline figures with 环比 and 同比, the department ranking, the towns, the readiness figures, and the fees by fee item (ADR 0039).</summary>
public sealed record WorkReportResult(
    ReportPeriod Period, ReportPeriod Previous, ReportPeriod YearBefore, string? RegionPrefix, string PlaceName,
    IReadOnlyList<Indicator> Indicators, ReportRow Totals, Ranking Departments, StatisticsReportResult Towns, ReadinessResult Readiness,
    IReadOnlyList<FeeItemRow> Fees);

/// <summary>
/// 政务服务中心工作报告 for a month, a quarter or a year (seeds 000 and 004): 受理量, 办结量, 办结率, 按期办结率, 即办件比例,
/// 网办率, the time compression (承诺时限 against 法定时限, and achieved against promised) and the rest of its headline figures
/// with 环比 and 同比; the departments ranked by volume and by on-time rate; each town's figures with its villages; and the
/// readiness figures. Every figure is the report's (<see cref="StatisticsReport"/> over the kept figures), so the work
/// report and the report page never disagree.
/// </summary>
public sealed class WorkReport(StatisticsReport report, Readiness readiness, FeeItems fees, OneWindowDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<IndicatorId> Headline =
    [
        IndicatorId.Received, IndicatorId.Concluded, IndicatorId.InHand, IndicatorId.ConclusionRate, IndicatorId.OnTimeRate, IndicatorId.EarlyRate,
        IndicatorId.Overdue, IndicatorId.InstantShare, IndicatorId.OnlineShare, IndicatorId.ZeroVisitShare, IndicatorId.AtMostOneVisitShare,
        IndicatorId.AverageStatutoryDays, IndicatorId.AveragePromisedDays, IndicatorId.AverageWorkingDays, IndicatorId.PromiseCompression, IndicatorId.AchievedCompression,
        IndicatorId.FeeTotal, IndicatorId.Ratings, IndicatorId.BadRatingRate, IndicatorId.RectificationRate,
    ];

    public static readonly IReadOnlyList<IndicatorId> Units =
        [IndicatorId.Received, IndicatorId.Concluded, IndicatorId.ConclusionRate, IndicatorId.OnTimeRate, IndicatorId.Overdue, IndicatorId.AverageWorkingDays, IndicatorId.InstantShare, IndicatorId.OnlineShare];

    public async Task<WorkReportResult> RunAsync(ReportPeriod period, string? regionPrefix, CancellationToken ct)
    {
        if (period.Kind is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year))
        {
            throw new DomainRuleException("statistics.work-report-period", "工作报告按月（2026-11）、季（2026-Q4）或年（2026）出具。", "period");
        }
        var totals = await report.RunAsync(new ReportQuery(period, Breakdown.None, Headline, null, regionPrefix), ct);
        var departments = await report.RunAsync(new ReportQuery(period, Breakdown.Department, Units, null, regionPrefix), ct);
        var towns = await report.RunAsync(new ReportQuery(period, Breakdown.Region, Units, null, regionPrefix, 9), ct);
        // A period that has ended before this month reads its last month's month-end snapshot (ADR 0039); the current
        // period, or a past one from before the first snapshot, reads the organization as it stands.
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var ready = (period.To < new DateOnly(today.Year, today.Month, 1) ? await readiness.AtMonthEndAsync(period.To, regionPrefix, 9, ct) : null)
            ?? await readiness.RunAsync(regionPrefix, 9, ct);
        return new WorkReportResult(period, totals.Previous, totals.YearBefore, regionPrefix, await PlaceNameAsync(db, regionPrefix, ct),
            totals.Indicators, totals.Total, Ranking.Of(departments), towns, ready, await fees.RunAsync(period, regionPrefix, null, ct));
    }

    /// <summary>The name of the place a report is for: the region whose code the prefix is (padded), or the county center's.</summary>
    public static async Task<string> PlaceNameAsync(OneWindowDbContext db, string? regionPrefix, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(regionPrefix))
        {
            return await db.Venues.AsNoTracking().Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).OrderBy(v => v.RegionCode).Select(v => v.Name).FirstOrDefaultAsync(ct)
                ?? await db.Regions.AsNoTracking().Where(r => r.Level == Domain.Organization.RegionLevel.County).OrderBy(r => r.Code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "";
        }
        var code = regionPrefix.PadRight(12, '0');
        return await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? regionPrefix;
    }
}
