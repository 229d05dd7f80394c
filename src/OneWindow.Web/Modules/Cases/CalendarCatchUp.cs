using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Before an action: a case the recount of a calendar change has not reached yet would have its due dates moved by
/// the action's own recomputation, silently. It records the move first, as the recount would have (ADR 0014), lists it
/// and tells the applicant, in the action's unit. The usual case, a case counted on the calendar as it is, costs a few
/// additions and no query.
/// </summary>
public sealed class CalendarCatchUp(OneWindowDbContext db, TellMovedApplicants tell)
{
    public async Task BeforeActionAsync(Case c, WorkingDayCalendar calendar, DateTime now, CancellationToken ct)
    {
        if (c.DueDateChangesOn(calendar, now).Count == 0)
        {
            return;
        }
        // The latest change that reaches the case's region: the one whose recount is still to come (changes are few).
        var recent = await db.CalendarChanges.AsNoTracking().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(20).ToListAsync(ct);
        var change = recent.FirstOrDefault(x => CalendarScope.Covers(x.RegionCode, c.RegionCode));
        var moves = c.ApplyCalendarChange(change?.Description ?? "工作日历已调整", change?.Id.ToString() ?? "", now, calendar);
        if (change is not null)
        {
            var entry = CaseDueDates.Entry(change, c, moves, now);
            await tell.StageAsync(c, entry, calendar, now, ct);
            db.CalendarChangeEntries.Add(entry);
        }
    }
}
