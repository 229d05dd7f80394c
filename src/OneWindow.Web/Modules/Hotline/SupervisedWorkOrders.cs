using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// Work orders as a supervised kind (ADR 0020, ADR 0028): the due orders read in one query, each checked against the
/// work-order rules (<see cref="WorkOrderSupervision.Check"/>) with the settings of its region and lead unit and its
/// region's calendar. What happens at an order's own actions is <see cref="WatchWorkOrders"/>.
/// </summary>
public sealed class SupervisedWorkOrders(OneWindowDbContext db, RegionCalendars calendars, SupervisionSettings settings) : ISupervisedKind
{
    public SubjectKind Kind => SubjectKind.WorkOrder;

    public async Task<IReadOnlyList<SubjectCheck>> CheckDueAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct)
    {
        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var codes = orders.Select(o => o.CategoryCode).Distinct().ToList();
        var names = await db.Set<HotlineCategory>().AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var book = await settings.RuleBookAsync(ct);
        var checks = new List<SubjectCheck>(orders.Count);
        foreach (var o in orders)
        {
            var calendar = await calendars.ForRegionAsync(o.RegionCode);
            var rules = RulesFor(book, o);
            var category = names.GetValueOrDefault(o.CategoryCode);
            checks.Add(Checked(o, category, rules, calendar, WorkOrderSupervision.Check(o, category, now, calendar, rules)));
        }
        return checks;
    }

    public async Task<SupervisedSubject?> FindByNumberAsync(string number, CancellationToken ct)
    {
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Number == number, ct);
        if (order?.LeadUnitId is null)
        {
            return null; // not dispatched: no unit answers for it yet
        }
        var category = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == order.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return WorkOrderSupervision.Subject(order, category);
    }

    /// <summary>The settings for an order: its region's and its lead unit's (a category is not an item: no item scope).</summary>
    public static EffectiveRules RulesFor(RuleBook book, WorkOrder o) => book.ForCase(o.RegionCode, o.LeadUnitId, null);

    /// <summary>An order with its findings: in the hands of its lead unit's staff (no one person holds an order).</summary>
    public static SubjectCheck Checked(WorkOrder o, string? category, EffectiveRules rules, WorkingDayCalendar calendar, TimedCheck timed) =>
        new(WorkOrderSupervision.Subject(o, category), o.Revision, new SubjectHandler(null, null, null), rules, calendar, timed.Due, timed.NextCheckAt);
}
