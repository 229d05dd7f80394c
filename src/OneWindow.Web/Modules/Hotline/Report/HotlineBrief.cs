using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>A unit in the brief's ranking: by 按时办结率, then 满意率, then 按时签收率 (none last), then the orders dispatched to it.</summary>
public sealed record HotlineUnitRank(int Rank, string UnitId, string Name, long Dispatched, long Concluded, decimal? SignOnTimeRate, decimal? ConcludeOnTimeRate,
    decimal? SatisfactionRate, long CalledBack);

/// <summary>A notable order of the month: reopened (重办), red-carded (红牌) or its caller unsatisfied (不满意), with the instant.</summary>
public sealed record NotableOrder(DateTime At, WorkOrderRow Order);

public sealed record HotlineBriefResult(ReportPeriod Month, ReportPeriod Previous, ReportPeriod YearBefore, HotlineReportRow Total, IReadOnlyList<HotTopic> HotCategories,
    IReadOnlyList<HotTopic> HotTowns, IReadOnlyList<HotTopic> HotPlaces, IReadOnlyList<HotlineUnitRank> Units, IReadOnlyList<NotableOrder> Reopened,
    IReadOnlyList<NotableOrder> RedCarded, IReadOnlyList<NotableOrder> Unsatisfied, DateTime ComposedAt);

/// <summary>
/// 呈阅件: the leaders' monthly brief of the hotline, composed from the same kept figures as the report (totals and the nine
/// rates with 环比 and 同比, the hot topics, the units ranked) and the month's notable orders: the latest ten reopened,
/// red-carded and unsatisfied, each a bounded read on its index (the events' (Action, At), the alerts' (RaisedAt, Id)).
/// </summary>
public sealed class HotlineBrief(OneWindowDbContext db, HotlineReport report, TimeProvider clock)
{
    public const int NotableCount = 10;

    public static ReportPeriod ParseMonth(string? month) =>
        month is { Length: 7 } && ReportPeriod.TryParse(month, out var p) && p.Kind == PeriodKind.Month ? p
        : throw new DomainRuleException("hotline-report.month-invalid", "月份应写作 2026-11。", "month");

    public async Task<HotlineBriefResult> RunAsync(ReportPeriod month, CancellationToken ct)
    {
        var byUnit = await report.RunAsync(new HotlineReportQuery(month, HotlineBreakdown.Unit, HotlineReportQuery.DefaultMinCount), ct);
        var units = byUnit.Rows.Where(r => r.Key.Length > 0 && r.Count(HotlineMeasure.Dispatched) + r.Count(HotlineMeasure.Concluded) + r.Count(HotlineMeasure.SignedFor) > 0)
            .Select(r => (Row: r, OnTime: r[HotlineIndicatorId.ConcludeOnTimeRate].Value, Satisfied: r[HotlineIndicatorId.SatisfactionRate].Value, SignedFor: r[HotlineIndicatorId.SignOnTimeRate].Value))
            .OrderByDescending(x => x.OnTime ?? -1).ThenByDescending(x => x.Satisfied ?? -1).ThenByDescending(x => x.SignedFor ?? -1)
            .ThenByDescending(x => x.Row.Count(HotlineMeasure.Dispatched)).ThenBy(x => x.Row.Name, StringComparer.Ordinal)
            .Select((x, i) => new HotlineUnitRank(i + 1, x.Row.Key, x.Row.Name, x.Row.Count(HotlineMeasure.Dispatched), x.Row.Count(HotlineMeasure.Concluded),
                x.SignedFor, x.OnTime, x.Satisfied, x.Row.Count(HotlineMeasure.CalledBack)))
            .ToList();

        var (start, end) = (ChinaTime.StartOfDayUtc(month.From), ChinaTime.StartOfDayUtc(month.To.AddDays(1)));
        var now = clock.GetUtcNow().UtcDateTime;
        async Task<IReadOnlyList<NotableOrder>> EventsAsync(string action, WorkOrderStatus? to)
        {
            var events = db.Set<WorkOrderEvent>().AsNoTracking().Where(e => e.Action == action && e.At >= start && e.At < end);
            if (to is { } s)
            {
                events = events.Where(e => e.ToStatus == s);
            }
            var found = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(NotableCount).Select(e => new { e.WorkOrderId, e.At }).ToListAsync(ct);
            return await NotableAsync(found.Select(f => (f.WorkOrderId, f.At)).ToList(), now, ct);
        }
        var reopened = await EventsAsync("reopened", null);
        var unsatisfied = await EventsAsync("called-back", WorkOrderStatus.Unsatisfied);
        var red = await db.SupervisionAlerts.AsNoTracking()
            .Where(a => a.RaisedAt >= start && a.RaisedAt < end && a.SubjectKind == SubjectKind.WorkOrder && a.Severity == AlertSeverity.Red && a.SubjectId != null)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(NotableCount).Select(a => new { Id = a.SubjectId!.Value, a.RaisedAt }).ToListAsync(ct);
        var redCarded = await NotableAsync(red.Select(r => (r.Id, r.RaisedAt)).ToList(), now, ct);

        return new HotlineBriefResult(month, byUnit.Previous, byUnit.YearBefore, byUnit.Total, byUnit.HotCategories, byUnit.HotTowns, byUnit.HotPlaces, units,
            reopened, redCarded, unsatisfied, now);
    }

    private async Task<IReadOnlyList<NotableOrder>> NotableAsync(List<(Guid Id, DateTime At)> found, DateTime now, CancellationToken ct)
    {
        var ids = found.Select(f => f.Id).Distinct().ToList();
        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var rows = (await WorkOrderQueries.RowsAsync(db, orders, now, ct)).ToDictionary(r => r.Id);
        return [.. found.Where(f => rows.ContainsKey(f.Id)).Select(f => new NotableOrder(f.At, rows[f.Id]))];
    }
}
