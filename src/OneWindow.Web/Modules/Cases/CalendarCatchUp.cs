using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Before an action: a case the recount of a calendar change has not reached yet would have its due dates moved by
/// the action's own recomputation, silently. It records the move first, as the recount would have (ADR 0014). The
/// usual case, a case counted on the calendar as it is, costs a few additions and no query.
/// </summary>
public static class CalendarCatchUp
{
    public static async Task BeforeActionAsync(OneWindowDbContext db, Case c, WorkingDayCalendar calendar, DateTime now, CancellationToken ct)
    {
        if (c.DueDateChangesOn(calendar, now).Count == 0)
        {
            return;
        }
        var change = await db.CalendarChanges.AsNoTracking().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        var moves = c.ApplyCalendarChange(change?.Description ?? "工作日历已调整", change?.Id.ToString() ?? "", now, calendar);
        if (change is not null)
        {
            db.CalendarChangeEntries.Add(CaseDueDates.Entry(change, c, moves, now));
        }
    }
}
