using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Today's intake and conclusions for the dashboard's trend and month, counted live from covering indexes. The days that
/// have ended are read from the kept daily figures (<see cref="Statistics.KeptDays"/>, ADR 0030), which follow a late
/// event into the day it belongs to; the once-counted <see cref="DailyCaseCount"/> rows of ADR 0011 are no longer written.
/// </summary>
public static class DailyCounts
{
    /// <summary>
    /// Today so far (to <paramref name="now"/> included): the intake and conclusions the dashboard has already counted
    /// by department, and the decided and on-time ones among those conclusions.
    /// </summary>
    public static async Task<DailyCaseCount> TodayAsync(OneWindowDbContext db, DateTime now, int intake, int concluded, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var from = ChinaTime.StartOfDayUtc(today);
        var decided = db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null && c.ConcludedAt >= from && c.ConcludedAt <= now
            && c.Status == CaseStatus.Concluded && c.Decision.DecidedAt != null);
        return new DailyCaseCount
        {
            Day = today, Intake = intake, Concluded = concluded,
            Decided = await decided.CountAsync(ct), OnTime = await OnTimeAsync(decided, ct), CountedAt = now,
        };
    }

    /// <summary>办结按期: decided by the promised deadline (or with none).</summary>
    private static Task<int> OnTimeAsync(IQueryable<Case> decided, CancellationToken ct) =>
        decided.CountAsync(c => c.Clocks.PromisedDueAt == null || c.Decision.DecidedAt <= c.Clocks.PromisedDueAt, ct);
}
