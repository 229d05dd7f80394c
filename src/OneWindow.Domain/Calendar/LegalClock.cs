namespace OneWindow.Domain.Calendar;

/// <summary>A span during which the clock does not run (a special procedure, a correction period). <c>EndUtc</c> is null while it lasts.</summary>
public sealed record ExcludedPeriod(DateTime StartUtc, DateTime? EndUtc);

/// <summary>
/// The result of counting a limit: the due date (the last working day of the limit) and the instant it ends,
/// or, while an excluded period is still open, the working days left when it resumes.
/// </summary>
public sealed record DueResult(DateOnly? DueDate, DateTime? DueAtUtc, int ExcludedWorkingDays, int? RemainingWhenResumed)
{
    public bool IsRunning => DueDate is not null;
}

/// <summary>
/// Counts legal limits in working days on a <see cref="WorkingDayCalendar"/>.
/// <list type="bullet">
/// <item>The day of the triggering event is not counted (民法典 §201): a limit of N from day D ends with the
/// N-th working day after D, at 24:00 Beijing time. A limit of 0 (an instant item) ends the same day.</item>
/// <item>An excluded period from day S to day R takes out the working days in (S, R]: S was partly used and
/// counts; the clock restarts on the day after R, as a new period would (行政许可法 §45).</item>
/// </list>
/// </summary>
public static class LegalClock
{
    public static DueResult Due(WorkingDayCalendar calendar, DateTime startUtc, int workingDays, IEnumerable<ExcludedPeriod>? excluded = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var startDate = ChinaTime.DateOf(startUtc);
        var startOrdinal = calendar.Ordinal(startDate);
        // For a limit of zero the due day is the start day itself even when it is not a working day.
        var targetOrdinal = startOrdinal + workingDays;
        var excludedDays = 0;
        // Most clocks have no excluded period: skip the merge and its allocations.
        var periods = excluded is null || (excluded is ICollection<ExcludedPeriod> { Count: 0 }) ? [] : Merge(excluded, startUtc);
        foreach (var period in periods)
        {
            var fromDate = ChinaTime.DateOf(period.StartUtc);
            var dueDate = workingDays == 0 && excludedDays == 0 ? startDate : calendar.DayOfOrdinal(targetOrdinal);
            if (fromDate > dueDate)
            {
                break; // suspended after the limit had already run out: it cannot give the time back.
            }
            var fromOrdinal = calendar.Ordinal(fromDate);
            if (period.EndUtc is null)
            {
                return new DueResult(null, null, excludedDays, Math.Max(0, targetOrdinal - fromOrdinal));
            }
            var days = calendar.Ordinal(ChinaTime.DateOf(period.EndUtc.Value)) - fromOrdinal;
            excludedDays += days;
            targetOrdinal += days;
        }
        var due = workingDays == 0 && excludedDays == 0 ? startDate : calendar.DayOfOrdinal(targetOrdinal);
        return new DueResult(due, ChinaTime.EndOfDayUtc(due), excludedDays, null);
    }

    /// <summary>Working days elapsed from the start up to <paramref name="nowUtc"/>'s date, less excluded working days.</summary>
    public static int ElapsedWorkingDays(WorkingDayCalendar calendar, DateTime startUtc, DateTime nowUtc, IEnumerable<ExcludedPeriod>? excluded = null)
    {
        var nowDate = ChinaTime.DateOf(nowUtc);
        var elapsed = calendar.WorkingDaysBetween(ChinaTime.DateOf(startUtc), nowDate);
        foreach (var period in Merge(excluded ?? [], startUtc))
        {
            var fromDate = ChinaTime.DateOf(period.StartUtc);
            if (fromDate >= nowDate)
            {
                break;
            }
            var endDate = period.EndUtc is null ? nowDate : Min(ChinaTime.DateOf(period.EndUtc.Value), nowDate);
            elapsed -= calendar.WorkingDaysBetween(fromDate, endDate);
        }
        return Math.Max(0, elapsed);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Sorts periods, clips them to the start, and merges overlaps so no day is excluded twice.</summary>
    private static List<ExcludedPeriod> Merge(IEnumerable<ExcludedPeriod> periods, DateTime startUtc)
    {
        var merged = new List<ExcludedPeriod>();
        foreach (var p in periods.OrderBy(p => p.StartUtc))
        {
            if (p.EndUtc is { } end && end <= startUtc)
            {
                continue;
            }
            var clipped = p.StartUtc < startUtc ? p with { StartUtc = startUtc } : p;
            if (merged.Count > 0 && merged[^1] is var last && (last.EndUtc is null || clipped.StartUtc <= last.EndUtc))
            {
                var newEnd = last.EndUtc is null || clipped.EndUtc is null ? null : (DateTime?)(clipped.EndUtc > last.EndUtc ? clipped.EndUtc : last.EndUtc);
                merged[^1] = last with { EndUtc = newEnd };
                continue;
            }
            merged.Add(clipped);
        }
        return merged;
    }
}
