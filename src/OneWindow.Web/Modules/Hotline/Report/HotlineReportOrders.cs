using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;

namespace OneWindow.Web.Modules.Hotline.Report;

/// <summary>The orders behind a count of the hotline report: the period, the count, the breakdown row, and the next page.</summary>
public sealed record HotlineOrdersQuery(ReportPeriod Period, HotlineMeasure Measure, HotlineBreakdown By, string? Key, string? After)
{
    /// <summary>The counts a report links to, and the events each counts (as <see cref="HotlineFold"/> does).</summary>
    public static readonly IReadOnlyDictionary<HotlineMeasure, string[]> Actions = new Dictionary<HotlineMeasure, string[]>
    {
        [HotlineMeasure.Received] = ["registered"],
        [HotlineMeasure.AnsweredOnTheSpot] = ["answered"],
        [HotlineMeasure.Referred] = ["referred"],
        [HotlineMeasure.Refused] = ["refused"],
        [HotlineMeasure.Merged] = ["merged"],
        [HotlineMeasure.Dispatched] = ["dispatched", "redispatched", "assigned-by-ruling"],
        [HotlineMeasure.SignedFor] = ["signed"],
        [HotlineMeasure.Returned] = ["return-requested"],
        [HotlineMeasure.Replied] = ["replied"],
        [HotlineMeasure.SentBack] = ["reply-sent-back"],
        [HotlineMeasure.CallbackDue] = ["reply-accepted"],
        [HotlineMeasure.CalledBack] = ["called-back"],
        [HotlineMeasure.Unsatisfied] = ["called-back"],
        [HotlineMeasure.Reopened] = ["reopened"],
        [HotlineMeasure.Concluded] = ["called-back", "closed"],
    };

    public static HotlineOrdersQuery Parse(string? period, HotlineMeasure? measure, HotlineBreakdown? by, string? key, string? after)
    {
        var q = HotlineReportQuery.Parse(period, by, null);
        if (measure is not { } m || !Actions.ContainsKey(m))
        {
            throw new DomainRuleException("hotline-report.measure-invalid", $"可查看工单的统计项：{string.Join("、", Actions.Keys)}。", "measure");
        }
        if (key is { Length: > 40 })
        {
            throw new DomainRuleException("hotline-report.key-invalid", "分组键不正确。", "key");
        }
        return new HotlineOrdersQuery(q.Period, m, q.By, q.By == HotlineBreakdown.None ? null : key ?? "", after);
    }
}

/// <summary>One order behind a count, with the instant of the event that counted it.</summary>
public sealed record HotlineCountedOrder(DateTime CountedAt, WorkOrderRow Order);

public sealed record HotlineOrdersPage(IReadOnlyList<HotlineCountedOrder> Items, string? Next);

/// <summary>
/// The orders a count of the report is made of (drill-down): the events the count counts in the period on the events'
/// (Action, At) index, joined to their orders, filtered by the breakdown row, by the event instant and id, 30 a page by
/// key. A unit's row is matched by the unit that acted (signed, returned, replied) or, for the center's actions, the
/// order's lead unit now (an order re-dispatched after the event shows under its new unit; ADR 0032).
/// </summary>
public sealed class HotlineReportOrders(OneWindowDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<HotlineOrdersPage> RunAsync(HotlineOrdersQuery q, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.StartOfDayUtc(q.Period.From), ChinaTime.StartOfDayUtc(q.Period.To.AddDays(1)));
        var actions = HotlineOrdersQuery.Actions[q.Measure];
        var events = db.Set<WorkOrderEvent>().AsNoTracking().Where(e => actions.Contains(e.Action) && e.At >= start && e.At < end);
        if (q.Measure == HotlineMeasure.Unsatisfied)
        {
            events = events.Where(e => e.ToStatus == WorkOrderStatus.Unsatisfied);
        }
        else if (q.Measure == HotlineMeasure.Concluded)
        {
            events = events.Where(e => e.ToStatus == WorkOrderStatus.Concluded);
        }
        var joined = from e in events
                     join o in db.Set<WorkOrder>().AsNoTracking() on e.WorkOrderId equals o.Id
                     select new { e.Id, e.At, e.UnitId, Order = o };
        var key = q.Key ?? "";
        switch (q.By)
        {
            case HotlineBreakdown.Channel when int.TryParse(key, CultureInfo.InvariantCulture, out var c):
                joined = joined.Where(x => x.Order.Channel == (WorkOrderChannel)c);
                break;
            case HotlineBreakdown.Type when int.TryParse(key, CultureInfo.InvariantCulture, out var t):
                joined = joined.Where(x => x.Order.Type == (WorkOrderType)t);
                break;
            case HotlineBreakdown.Category:
                joined = joined.Where(x => x.Order.CategoryCode == key);
                break;
            case HotlineBreakdown.Town when key.Length == 12:
                var prefix = key[..9];
                joined = joined.Where(x => x.Order.RegionCode.StartsWith(prefix));
                break;
            case HotlineBreakdown.Place:
                joined = joined.Where(x => x.Order.RegionCode == key);
                break;
            case HotlineBreakdown.Unit when Guid.TryParse(key, out var unit):
                joined = joined.Where(x => x.UnitId == unit || (x.UnitId == null && x.Order.LeadUnitId == unit));
                break;
            case HotlineBreakdown.Unit when key.Length == 0:
                // Only what happens before a dispatch is kept under no unit.
                if (q.Measure is not (HotlineMeasure.Received or HotlineMeasure.AnsweredOnTheSpot or HotlineMeasure.Referred or HotlineMeasure.Refused or HotlineMeasure.Merged))
                {
                    joined = joined.Where(x => false);
                }
                break;
            case HotlineBreakdown.None:
                break;
            default:
                joined = joined.Where(x => false);
                break;
        }
        if (TryParseCursor(q.After, out var at, out var id))
        {
            joined = joined.Where(x => x.At > at || (x.At == at && x.Id > id));
        }
        var page = await joined.OrderBy(x => x.At).ThenBy(x => x.Id).Take(PageSize + 1).ToListAsync(ct);
        var more = page.Count > PageSize;
        if (more)
        {
            page.RemoveAt(PageSize);
        }
        var rows = await WorkOrderQueries.RowsAsync(db, [.. page.Select(p => p.Order)], clock.GetUtcNow().UtcDateTime, ct);
        return new HotlineOrdersPage([.. page.Select((p, i) => new HotlineCountedOrder(p.At, rows[i]))],
            more ? $"{page[^1].At.Ticks.ToString(CultureInfo.InvariantCulture)}_{page[^1].Id.ToString(CultureInfo.InvariantCulture)}" : null);
    }

    private static bool TryParseCursor(string? text, out DateTime at, out long id)
    {
        (at, id) = (default, 0);
        var parts = text?.Split('_');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
