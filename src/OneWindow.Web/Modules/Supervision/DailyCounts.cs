using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Supervision;

/// <summary>
/// Intake and conclusions by Beijing day for the dashboard's trend and month. A day that has ended is counted once and
/// kept (<see cref="DailyCaseCount"/>); today is counted live from covering indexes. So a refresh every few seconds
/// reads a few rows for the past whatever the volume, instead of counting weeks of cases again.
/// </summary>
public static class DailyCounts
{
    /// <summary>The counts of the days from <paramref name="first"/> to <paramref name="last"/> that have ended by <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, DailyCaseCount>> PastDaysAsync(OneWindowDbContext db, DateOnly first, DateOnly last, DateTime now, CancellationToken ct)
    {
        var kept = await db.DailyCaseCounts.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).ToDictionaryAsync(d => d.Day, ct);
        var counted = new List<DailyCaseCount>();
        for (var day = first; day <= last && ChinaTime.EndOfDayUtc(day) <= now; day = day.AddDays(1))
        {
            if (!kept.ContainsKey(day))
            {
                var count = await CountDayAsync(db, day, now, ct);
                kept[day] = count;
                counted.Add(count);
            }
        }
        if (counted.Count > 0)
        {
            await KeepAsync(db, counted, ct);
        }
        return kept;
    }

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

    private static async Task<DailyCaseCount> CountDayAsync(OneWindowDbContext db, DateOnly day, DateTime now, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(day), ChinaTime.EndOfDayUtc(day));
        var cases = db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null);
        var concluded = cases.Where(c => c.ConcludedAt >= from && c.ConcludedAt < to && c.Status == CaseStatus.Concluded);
        var decided = concluded.Where(c => c.Decision.DecidedAt != null);
        return new DailyCaseCount
        {
            Day = day,
            Intake = await cases.CountAsync(c => c.ReceivedAt >= from && c.ReceivedAt < to, ct),
            Concluded = await concluded.CountAsync(ct),
            Decided = await decided.CountAsync(ct),
            OnTime = await OnTimeAsync(decided, ct),
            CountedAt = now,
        };
    }

    /// <summary>办结按期: decided by the promised deadline (or with none).</summary>
    private static Task<int> OnTimeAsync(IQueryable<Case> decided, CancellationToken ct) =>
        decided.CountAsync(c => c.Clocks.PromisedDueAt == null || c.Decision.DecidedAt <= c.Clocks.PromisedDueAt, ct);

    /// <summary>Keeps the newly counted days; another instance may have kept the same days first (same counts), which is fine.</summary>
    private static async Task KeepAsync(OneWindowDbContext db, List<DailyCaseCount> counted, CancellationToken ct)
    {
        try
        {
            // Through the write unit like every write; a kept day has nothing that must follow its commit.
            await new WriteUnit(db, []).RunAsync(_ =>
            {
                db.DailyCaseCounts.AddRange(counted);
                return Task.CompletedTask;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // A day is a primary key: whoever kept it first counted the same finished day.
        }
        finally
        {
            foreach (var row in counted)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
