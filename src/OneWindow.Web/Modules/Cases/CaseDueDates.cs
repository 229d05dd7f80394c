using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Calendar.Changes;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// Cases (and their nodes) in the recount of a calendar change: the open cases of the change's region by key (the
/// partial index <c>IX_Cases_OpenById</c>), each counted again on its county's calendar (<see cref="Case.ApplyCalendarChange"/>);
/// a case that moves gets the event in its record and the case hooks see it (supervision moves its watch), as after any action,
/// and its applicant is told by SMS in the same unit (<see cref="TellMovedApplicants"/>).
/// </summary>
public sealed class CaseDueDates(OneWindowDbContext db, RegionCalendars calendars, CaseHooks hooks, TellMovedApplicants tell) : IDueDateRecords
{
    public const string KindName = "case";

    public string Kind => KindName;

    public async Task<DueDateBatch> RecountAsync(CalendarChange change, ChangeAttribution attribution, string? after, int limit, DateTime now, CancellationToken ct)
    {
        var query = db.Cases.Where(c => c.Open);
        if (after is not null)
        {
            var key = Guid.Parse(after);
            query = query.Where(c => c.Id.CompareTo(key) > 0);
        }
        if (CalendarScope.RegionPrefix(change.RegionCode) is { } prefix)
        {
            query = query.Where(c => c.RegionCode.StartsWith(prefix));
        }
        var cases = await query.OrderBy(c => c.Id).Take(limit).ToListAsync(ct);
        await hooks.PrepareAsync(ct);
        var moved = new List<(Case Case, WorkingDayCalendar Calendar, CalendarChangeEntry Entry)>();
        foreach (var c in cases)
        {
            var calendar = await calendars.ForRegionAsync(c.RegionCode);
            var put = attribution.For(c.RegionCode) ?? new Attributed(change, change.Description, change.Id.ToString());
            var changes = c.ApplyCalendarChange(put.Reason, put.Reference, now, calendar);
            if (changes.Count > 0)
            {
                db.CaseEvents.AddRange(c.NewEvents);
                var entry = Entry(put.ListUnder, c, changes, now);
                await tell.StageAsync(c, entry, calendar, now, ct);
                moved.Add((c, calendar, entry));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (c, calendar, _) in moved)
        {
            await hooks.MovedAsync(new CaseMoved(c, c.NewEvents, now, calendar, IsNew: false), ct);
        }
        return new DueDateBatch(cases.Count, cases.Count == 0 ? after : cases[^1].Id.ToString(), [.. moved.Select(m => m.Entry)]);
    }

    public string ClockName(string clock) => Enum.TryParse<CaseClock>(clock, out var c) ? ClockText(c) : clock;

    /// <summary>Case workers open the case on their workbench; the center's administrators have no case page (the list is their record).</summary>
    public string? LinkTo(CalendarChangeEntry entry, ChangeListAudience audience) =>
        audience == ChangeListAudience.Staff ? $"/workbench/cases/{entry.Number}" : null;

    /// <summary>The list entry of a case whose due dates moved, with the department and venue whose staff see it.</summary>
    public static CalendarChangeEntry Entry(CalendarChange change, Case c, IReadOnlyList<DueDateChange> changes, DateTime now) => new()
    {
        ChangeId = change.Id, RecordKind = KindName, RecordId = c.Id, Number = c.Number, Title = c.ItemName,
        ApplicantName = c.Applicant.Name, ApplicantPhone = c.Applicant.MaskedPhone, RecordedAt = now,
        DepartmentId = c.DepartmentId, VenueId = c.ReceivingVenueId,
        Moves = [.. changes.Select(x => new DueDateMove(x.Clock.ToString(), x.Node, x.From, x.To))],
    };

    public static string ClockText(CaseClock clock) => clock switch
    {
        CaseClock.PreReview => "预审期限",
        CaseClock.Intake => "补正告知期限",
        CaseClock.Promised => "承诺期限",
        CaseClock.Statutory => "法定期限",
        CaseClock.Node => "环节时限",
        CaseClock.Certificate => "出证送达期限",
        CaseClock.ProcedureEnd => "特别程序预计结束",
    };
}
