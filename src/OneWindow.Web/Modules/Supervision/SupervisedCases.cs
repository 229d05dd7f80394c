using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Cases as a supervised kind (ADR 0020): the due cases read in one query, each checked against the time-based rules
/// of docs/domain.md §5.1 (<see cref="CaseSupervision.Check"/>) with the settings of its region, department and item
/// and its region's calendar. What happens at a case's own actions is <see cref="WatchCases"/>.
/// </summary>
public sealed class SupervisedCases(OneWindowDbContext db, RegionCalendars calendars, SupervisionSettings settings) : ISupervisedKind
{
    public SubjectKind Kind => SubjectKind.Case;

    public async Task<IReadOnlyList<SubjectCheck>> CheckDueAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var book = await settings.RuleBookAsync(ct);
        var checks = new List<SubjectCheck>(cases.Count);
        foreach (var c in cases)
        {
            var calendar = await calendars.ForRegionAsync(c.RegionCode);
            var rules = book.ForCase(c.RegionCode, c.DepartmentId, c.ItemCode);
            checks.Add(Checked(c, rules, calendar, CaseSupervision.Check(c, now, calendar, rules)));
        }
        return checks;
    }

    public async Task<SupervisedSubject?> FindByNumberAsync(string number, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct) is { } c ? SupervisedSubject.Of(c) : null;

    /// <summary>A case with its findings: handled by its assignee, else by the role of its current node in its department.</summary>
    public static SubjectCheck Checked(Case c, EffectiveRules rules, WorkingDayCalendar calendar, TimedCheck timed) =>
        new(SupervisedSubject.Of(c), c.Revision, new SubjectHandler(c.AssigneeId, c.AssigneeName, c.CurrentNode?.ActingRole), rules, calendar, timed.Due, timed.NextCheckAt);
}
