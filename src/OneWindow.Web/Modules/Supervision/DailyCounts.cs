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
                var count = await CountAsync(db, day, ChinaTime.StartOfDayUtc(day), ChinaTime.EndOfDayUtc(day), inclusiveEnd: false, now, ct);
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

    /// <summary>Today so far: from the start of the day to <paramref name="now"/> included.</summary>
    public static Task<DailyCaseCount> TodayAsync(OneWindowDbContext db, DateTime now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        return CountAsync(db, today, ChinaTime.StartOfDayUtc(today), now, inclusiveEnd: true, now, ct);
    }

    private static async Task<DailyCaseCount> CountAsync(OneWindowDbContext db, DateOnly day, DateTime from, DateTime to, bool inclusiveEnd, DateTime now, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null);
        var received = inclusiveEnd ? cases.Where(c => c.ReceivedAt >= from && c.ReceivedAt <= to) : cases.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to);
        var concluded = (inclusiveEnd ? cases.Where(c => c.ConcludedAt >= from && c.ConcludedAt <= to) : cases.Where(c => c.ConcludedAt >= from && c.ConcludedAt < to))
            .Where(c => c.Status == CaseStatus.Concluded);
        var decided = concluded.Where(c => c.DecidedAt != null);
        return new DailyCaseCount
        {
            Day = day,
            Intake = await received.CountAsync(ct),
            Concluded = await concluded.CountAsync(ct),
            Decided = await decided.CountAsync(ct),
            OnTime = await decided.CountAsync(c => c.PromisedDueAt == null || c.DecidedAt <= c.PromisedDueAt, ct),
            CountedAt = now,
        };
    }

    /// <summary>Keeps the newly counted days; another instance may have kept the same days first (same counts), which is fine.</summary>
    private static async Task KeepAsync(OneWindowDbContext db, List<DailyCaseCount> counted, CancellationToken ct)
    {
        db.DailyCaseCounts.AddRange(counted);
        try
        {
            await db.SaveChangesAsync(ct);
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
