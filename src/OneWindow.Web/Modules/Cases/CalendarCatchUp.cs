using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Before an action: a case the recount of a calendar change has not reached yet would have its due dates moved by
/// the action's own recomputation, silently. It records the move first, as the recount would have (ADR 0014), put down
/// to the changes not yet counted for the case and listed under the newest of them (whose recount then finds the case
/// counted), and tells the applicant, in the action's unit. The usual case, a case counted on the calendar as it is, costs a few
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
        var notCounted = new List<Calendar.CalendarChange>();
        foreach (var change in await ChangeAttribution.PendingAsync(db, ct))
        {
            if (!await HasCountedAsync(change, c, ct))
            {
                notCounted.Add(change);
            }
        }
        var put = new ChangeAttribution(notCounted).For(c.RegionCode);
        if (put is null)
        {
            // Every change is counted, yet the case would move (say, it was restored from a backup): the latest change
            // reaching the case names the move (changes are few).
            var recent = await db.CalendarChanges.AsNoTracking().Where(x => x.CreatedAt != Calendar.Changes.StatuteUpgrade.Waiting)
                .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(20).ToListAsync(ct);
            put = recent.FirstOrDefault(x => CalendarScope.Covers(x.RegionCode, c.RegionCode)) is { } latest
                ? new Attributed(latest, latest.Description, latest.Id.ToString()) : null;
        }
        var moves = c.ApplyCalendarChange(put?.Reason ?? "工作日历已调整", put?.Reference ?? "", now, calendar);
        if (put is not null)
        {
            var entry = CaseDueDates.Entry(put.ListUnder, c, moves, now);
            await tell.StageAsync(c, entry, calendar, now, ct);
            db.CalendarChangeEntries.Add(entry);
        }
    }

    /// <summary>
    /// Whether <paramref name="change"/>'s recount has passed the case: it reaches other regions only, or it is past the
    /// cases (kinds go in name order), or past this case's key in the database's order, as the recount pages them.
    /// </summary>
    private async Task<bool> HasCountedAsync(Calendar.CalendarChange change, Case c, CancellationToken ct)
    {
        if (!CalendarScope.Covers(change.RegionCode, c.RegionCode))
        {
            return true;
        }
        if (change.Stage is null)
        {
            return false;
        }
        if (change.Stage != CaseDueDates.KindName)
        {
            return string.CompareOrdinal(change.Stage, CaseDueDates.KindName) > 0;
        }
        if (change.After is null || !Guid.TryParse(change.After, out var after))
        {
            return false;
        }
        var id = c.Id;
        return await db.Cases.AnyAsync(x => x.Id == id && x.Id.CompareTo(after) <= 0, ct);
    }
}
