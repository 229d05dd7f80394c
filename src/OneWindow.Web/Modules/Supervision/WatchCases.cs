using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Supervision at the moment of a case's action, inside the action's transaction: the rules the action may break are
/// checked on its new events, the time rules at this instant (a decision made late gets its card now), and the case's
/// watch is set to the next instant a time rule can fire. The sweep's side of cases is <see cref="SupervisedCases"/>.
/// </summary>
public sealed class WatchCases(OneWindowDbContext db, SupervisionSettings settings, RaiseAlerts raise, SubjectWatches watches)
{
    public async Task AfterActionAsync(Case c, IReadOnlyList<CaseEvent> newEvents, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var next = await CheckAsync(c, newEvents, now, calendar, ct);
        await CloseMetRemindersAsync(c, newEvents, now, ct);
        if (c.Status != CaseStatus.Draft)
        {
            await watches.SetAsync(SubjectKind.Case, c.Id, c.Revision, next, null, ct);
        }
    }

    /// <summary>Reads the rule book for this unit of work, so that a caller can do it before it takes the write gate.</summary>
    public Task PrepareAsync(CancellationToken ct) => settings.RuleBookAsync(ct);

    /// <summary>
    /// A case received at the window, before its first save: checked like any action, and its watch added to the
    /// unit of work that inserts the case, so that intake writes the case, its event and its watch in one batch.
    /// </summary>
    public async Task OnReceivedAsync(Case c, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (await CheckAsync(c, c.NewEvents, now, calendar, ct) is { } at)
        {
            watches.Add(SupervisedSubject.Of(c), c.Revision, at);
        }
    }

    /// <returns>When a time rule can next fire on the case (none: nothing to watch).</returns>
    private async Task<DateTime?> CheckAsync(Case c, IReadOnlyList<CaseEvent> newEvents, DateTime now, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (c.Status == CaseStatus.Draft)
        {
            return null; // the applicant's own, not yet the center's
        }
        var rules = (await settings.RuleBookAsync(ct)).ForCase(c.RegionCode, c.DepartmentId, c.ItemCode);
        var previous = newEvents.Count == 0 ? null : await PreviousEventAsync(c.Id, newEvents.Min(e => e.Sequence), ct);
        var timed = CaseSupervision.Check(c, now, calendar, rules);
        await raise.ForSubjectAsync(SupervisedCases.Checked(c, rules, calendar,
            new TimedCheck([.. CaseSupervision.OnAction(c, newEvents, previous, rules), .. timed.Due], timed.NextCheckAt)), now, ct);
        return timed.NextCheckAt;
    }

    /// <summary>
    /// A case decided by its promised deadline in this action, or withdrawn or terminated: its reminders still awaiting
    /// an explanation are moot and close themselves. A reminder asks for speed: speed was delivered, or nothing is left
    /// to be quick about. A deadline missed before the case ended is the yellow card's business, which stays.
    /// </summary>
    private async Task CloseMetRemindersAsync(Case c, IReadOnlyList<CaseEvent> newEvents, DateTime now, CancellationToken ct)
    {
        if (newEvents.Count == 0)
        {
            return;
        }
        var since = newEvents.Min(e => e.At);
        var ended = newEvents.LastOrDefault(e => e.Action is "withdrawn" or "terminated");
        var reason = c.Decision.DecidedAt is { } decided && decided >= since && !(c.Clocks.PromisedDueAt is { } due && decided > due)
            ? "承诺时限内已作出决定，提醒自动关闭。"
            : ended?.Action switch
            {
                "withdrawn" => "申请已撤回，提醒自动关闭。",
                "terminated" => "已终止办理，提醒自动关闭。",
                _ => null,
            };
        if (reason is null)
        {
            return;
        }
        var pending = await db.SupervisionAlerts
            .Where(a => a.SubjectKind == SubjectKind.Case && a.SubjectId == c.Id && a.Rule == SupervisionRule.PromisedReminder
                && (a.Status == AlertStatus.Raised || a.Status == AlertStatus.Notified))
            .ToListAsync(ct);
        foreach (var reminder in pending)
        {
            reminder.CloseAsMet(reason, now);
        }
    }

    private Task<CaseEvent?> PreviousEventAsync(Guid caseId, int firstNewSequence, CancellationToken ct) =>
        firstNewSequence <= 1
            ? Task.FromResult<CaseEvent?>(null)
            : db.CaseEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == caseId && e.Sequence == firstNewSequence - 1, ct);
}
