using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>How long a <see cref="PeriodFigure"/> row runs.</summary>
public enum FigureSpan
{
    Month = 1,
    Year = 2,
    /// <summary>旬: the 1st–10th, the 11th–20th or the 21st to the month's end (ADR 0045).</summary>
    TenDays = 3,
}

/// <summary>
/// The kept figures of one calendar month or year at the grain of <see cref="DailyFigure"/>, with every measure (ADR 0038):
/// the case hook adds to the day's row, its month's and its year's with the same difference in the same transaction, so
/// a month row is always the sum of its days' rows and a year row of its months'. A report splits its period into whole
/// years, whole months and the days left over (<see cref="PeriodSplit"/>): a year reads one row per key, a quarter three.
/// </summary>
public sealed class PeriodFigure : KeptFigureRow
{
    public FigureSpan Span { get; init; }

    /// <summary>The ten days', month's or year's first day.</summary>
    public DateOnly Start { get; init; }

    /// <summary>Every span kept beside the day rows: a day's difference is added to each (the settlement) and checked against each (<c>check-figures</c>).</summary>
    public static readonly IReadOnlyList<FigureSpan> Kept = [FigureSpan.TenDays, FigureSpan.Month, FigureSpan.Year];

    /// <summary>The grain with the start as its day.</summary>
    public FigureKey Key => KeyOn(Start);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly YearOf(DateOnly day) => new(day.Year, 1, 1);

    /// <summary>The first day of the ten days (旬) holding <paramref name="day"/>: the 1st, the 11th or the 21st.</summary>
    public static DateOnly TenDaysOf(DateOnly day) => new(day.Year, day.Month, day.Day <= 10 ? 1 : day.Day <= 20 ? 11 : 21);

    public static DateOnly StartOf(FigureSpan span, DateOnly day) => span switch
    {
        FigureSpan.Month => MonthOf(day),
        FigureSpan.TenDays => TenDaysOf(day),
        _ => YearOf(day),
    };

    /// <summary>The next ten days' first day after the ten days starting on <paramref name="start"/>.</summary>
    public static DateOnly NextTenDays(DateOnly start) => start.Day == 21 ? MonthOf(start).AddMonths(1) : start.AddDays(10);
}

/// <summary>
/// A period [From, To] cut into what the kept rows can answer with the fewest rows: the days before the first whole month
/// and after the last (at most two ranges of day rows), the whole months before the first whole year and after the last
/// (at most two ranges of month rows) and the whole years (one range of year rows). Every range is inclusive; an empty
/// one runs from <see cref="DateOnly.MaxValue"/> to <see cref="DateOnly.MinValue"/>, so the statements keep one shape.
/// </summary>
public sealed record PeriodSplit(
    (DateOnly From, DateOnly To) DaysBefore, (DateOnly From, DateOnly To) DaysAfter,
    (DateOnly From, DateOnly To) MonthsBefore, (DateOnly From, DateOnly To) MonthsAfter,
    (DateOnly From, DateOnly To) Years)
{
    private static readonly (DateOnly, DateOnly) None = (DateOnly.MaxValue, DateOnly.MinValue);

    public static PeriodSplit Of(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return new(None, None, None, None, None);
        }
        // Whole months run from the first month start on or after From to the last month end on or before To.
        var monthsFrom = from.Day == 1 ? from : PeriodFigure.MonthOf(from).AddMonths(1);
        var monthsEnd = to.AddDays(1).Day == 1 ? to.AddDays(1) : PeriodFigure.MonthOf(to); // exclusive
        if (monthsFrom >= monthsEnd)
        {
            return new((from, to), None, None, None, None);
        }
        var daysBefore = from < monthsFrom ? (from, monthsFrom.AddDays(-1)) : None;
        var daysAfter = monthsEnd <= to ? (monthsEnd, to) : None;
        var yearsFrom = monthsFrom.Month == 1 ? monthsFrom : PeriodFigure.YearOf(monthsFrom).AddYears(1);
        var yearsEnd = PeriodFigure.YearOf(monthsEnd); // exclusive
        if (yearsFrom >= yearsEnd)
        {
            return new(daysBefore, daysAfter, (monthsFrom, monthsEnd.AddMonths(-1)), None, None);
        }
        var monthsBefore = monthsFrom < yearsFrom ? (monthsFrom, yearsFrom.AddMonths(-1)) : None;
        var monthsAfter = yearsEnd < monthsEnd ? (yearsEnd, monthsEnd.AddMonths(-1)) : None;
        return new(daysBefore, daysAfter, monthsBefore, monthsAfter, (yearsFrom, yearsEnd.AddYears(-1)));
    }

    /// <summary>
    /// The leftover days cut once more (ADR 0045): the whole ten-day runs (旬) in them, as ranges of their first days (at
    /// most two: the ones before the first whole month and after the last), and the days around those (at most two runs
    /// of at most ten days each: the first range ends at a month's end and the second starts at a month's start, so
    /// each has days on one side only; a period with no whole month is one range, with days on both sides).
    /// </summary>
    public ((DateOnly From, DateOnly To) Before, (DateOnly From, DateOnly To) After) TenDays => (TenDaysIn(DaysBefore).Tens, TenDaysIn(DaysAfter).Tens);

    /// <inheritdoc cref="TenDays"/>
    public ((DateOnly From, DateOnly To) Before, (DateOnly From, DateOnly To) After) FewDays
    {
        get
        {
            var (first, _, second) = TenDaysIn(DaysBefore);
            var (third, _, fourth) = TenDaysIn(DaysAfter);
            var runs = new[] { first, second, third, fourth }.Where(r => r.From <= r.To).ToList();
            return (runs.Count > 0 ? runs[0] : None, runs.Count > 1 ? runs[^1] : None);
        }
    }

    /// <summary>A run of days as the days before its first whole ten days, the whole ten days (their first days) and the days after.</summary>
    private static ((DateOnly From, DateOnly To) Head, (DateOnly From, DateOnly To) Tens, (DateOnly From, DateOnly To) Tail) TenDaysIn((DateOnly From, DateOnly To) run)
    {
        if (run.From > run.To)
        {
            return (None, None, None);
        }
        var tensFrom = PeriodFigure.TenDaysOf(run.From) == run.From ? run.From : PeriodFigure.NextTenDays(PeriodFigure.TenDaysOf(run.From));
        var tensEnd = PeriodFigure.TenDaysOf(run.To.AddDays(1)) == run.To.AddDays(1) ? run.To.AddDays(1) : PeriodFigure.TenDaysOf(run.To); // exclusive
        if (tensFrom >= tensEnd)
        {
            return (run, None, None);
        }
        var lastTens = PeriodFigure.TenDaysOf(tensEnd.AddDays(-1));
        return (run.From < tensFrom ? (run.From, tensFrom.AddDays(-1)) : None, (tensFrom, lastTens), tensEnd <= run.To ? (tensEnd, run.To) : None);
    }

    /// <summary>Whether the case figures' read has day rows to read (<see cref="FewDays"/>).</summary>
    public bool HasDays => FewDays is var (a, b) && (a.From <= a.To || b.From <= b.To);

    public bool HasSpans => MonthsBefore.From <= MonthsBefore.To || MonthsAfter.From <= MonthsAfter.To || Years.From <= Years.To
        || TenDays is var (a, b) && (a.From <= a.To || b.From <= b.To);

    /// <summary>
    /// The whole months as one range of month starts, the whole years taken as their twelve months: for kept rows that
    /// have month rows and no year rows (the hotline's, ADR 0040); none when the period has no whole month.
    /// </summary>
    public (DateOnly First, DateOnly Last)? WholeMonths
    {
        get
        {
            (DateOnly From, DateOnly To)[] ranges = [MonthsBefore, (Years.From, Years.From <= Years.To ? Years.To.AddMonths(11) : Years.To), MonthsAfter];
            var whole = ranges.Where(r => r.From <= r.To).ToList();
            return whole.Count == 0 ? null : (whole.Min(r => r.From), whole.Max(r => r.To));
        }
    }

    /// <summary>The runs of leftover days that are not empty (at most two).</summary>
    public IEnumerable<(DateOnly From, DateOnly To)> DayRanges => new[] { DaysBefore, DaysAfter }.Where(r => r.From <= r.To);

    /// <summary>
    /// The day rows of the days around the whole ten-day runs. Only the ranges the period has are sent (at most two),
    /// so the statement's shape follows the period's (a handful of shapes, each prepared once): sent as impossible
    /// ranges, the empty ones made PostgreSQL estimate thousands of rows for each, and with ten-day rows the estimate
    /// crossed into parallel plans that cost more than they save on a small read (ADR 0045).
    /// </summary>
    public IQueryable<DailyFigure> Days(IQueryable<DailyFigure> rows)
    {
        var (before, after) = FewDays;
        return rows.Where(AnyOf<DailyFigure>(nameof(DailyFigure.Day), [(null, before), (null, after)]));
    }

    /// <summary>The ten-day, month and year rows of the whole ten days, months and years; only the ranges the period has (as <see cref="Days"/>).</summary>
    public IQueryable<PeriodFigure> Spans(IQueryable<PeriodFigure> rows)
    {
        var (tens1, tens2) = TenDays;
        return rows.Where(AnyOf<PeriodFigure>(nameof(PeriodFigure.Start),
            [(FigureSpan.Month, MonthsBefore), (FigureSpan.Month, MonthsAfter), (FigureSpan.Year, Years), (FigureSpan.TenDays, tens1), (FigureSpan.TenDays, tens2)]));
    }

    /// <summary>
    /// Rows whose <paramref name="column"/> lies in any of the ranges that are not empty (of the given span, when one is
    /// given): the span a constant, the bounds parameters. No range at all reads nothing.
    /// </summary>
    private static Expression<Func<T, bool>> AnyOf<T>(string column, ReadOnlySpan<(FigureSpan? Span, (DateOnly From, DateOnly To) Range)> ranges)
    {
        var row = Expression.Parameter(typeof(T), "f");
        var at = Expression.Property(row, column);
        Expression any = Expression.Constant(false);
        var first = true;
        foreach (var (span, (from, to)) in ranges)
        {
            if (from > to)
            {
                continue;
            }
            Expression within = Expression.AndAlso(Expression.GreaterThanOrEqual(at, Bound(from)), Expression.LessThanOrEqual(at, Bound(to)));
            if (span is { } s)
            {
                within = Expression.AndAlso(Expression.Equal(Expression.Property(row, nameof(PeriodFigure.Span)), Expression.Constant(s)), within);
            }
            any = first ? within : Expression.OrElse(any, within);
            first = false;
        }
        return Expression.Lambda<Func<T, bool>>(any, row);
    }

    /// <summary>A bound EF sends as a parameter (a member of a constant), not inlined into the statement's text.</summary>
    private static MemberExpression Bound(DateOnly day) => Expression.Property(Expression.Constant(new Box(day)), nameof(Box.Value));

    private sealed record Box(DateOnly Value);
}

/// <summary>Adds to the month and year rows, and checks them against the day rows.</summary>
public static class PeriodFigures
{
    public static readonly IReadOnlyList<string> KeyColumns = ["Span", "Start", .. FigureRows.GrainColumns];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Statements = new();

    /// <summary>The month and year rows' statement for <paramref name="rows"/> rows (the bench's intake ceiling sends it word for word).</summary>
    public static string Statement(int rows) => Statements.GetOrAdd(rows, n => FigureRows.UpsertRows("PeriodFigures", KeyColumns, KeptFigureRow.MeasureColumns, n));

    /// <summary>What day-row differences add to their months and years, summed by key, in key order: the rows to add (none zero).</summary>
    public static List<(FigureSpan Span, FigureKey Key, MeasureValues Values)> Deltas(IEnumerable<KeyValuePair<FigureKey, MeasureValues>> dayDeltas)
    {
        var sums = new Dictionary<(FigureSpan, FigureKey), MeasureValues>();
        foreach (var (key, values) in dayDeltas)
        {
            foreach (var span in PeriodFigure.Kept)
            {
                var k = (span, key with { Day = PeriodFigure.StartOf(span, key.Day) });
                if (!sums.TryGetValue(k, out var v))
                {
                    sums[k] = v = new MeasureValues();
                }
                v.Add(values);
            }
        }
        var rows = sums.Where(kv => !kv.Value.IsZero).Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList();
        rows.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : FigureRows.Compare(a.Item2, b.Item2));
        return rows;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), string> MoveStatements = new();

    /// <summary>
    /// The day rows' statement and their months' and years' as one command (<paramref name="days"/> and
    /// <paramref name="spans"/> rows, the second's parameters numbered on from the first's): what the case hook sends
    /// for a move, one round trip, and what the bench's intake ceiling sends word for word.
    /// </summary>
    /// <remarks>A move within one month (a supplement moving the receipt a day) leaves its month and year as they were: no second statement.</remarks>
    public static string MoveStatement(int days, int spans) => spans == 0 ? FigureRows.DayStatement(days) : MoveStatements.GetOrAdd((days, spans), k =>
        FigureRows.DayStatement(k.Item1) + ";\n" +
        FigureRows.UpsertRows("PeriodFigures", KeyColumns, KeptFigureRow.MeasureColumns, k.Item2, k.Item1 * (1 + FigureRows.GrainColumns.Count + MeasureValues.Count)));

    /// <summary>
    /// Adds a case move's day-row differences (in key order, none zero) and their months and years in one command when
    /// they fit in one (every case move), else in as many as <see cref="FigureRows.RowsPerStatement"/> asks.
    /// </summary>
    public static async Task AddMoveAsync(OneWindowDbContext db, IReadOnlyList<KeyValuePair<FigureKey, MeasureValues>> dayDeltas, CancellationToken ct)
    {
        var spans = Deltas(dayDeltas);
        if (dayDeltas.Count + spans.Count > FigureRows.RowsPerStatement)
        {
            await FigureRows.AddDaysAsync(db, dayDeltas, ct);
            await AddRowsAsync(db, spans, ct);
            return;
        }
        var parameters = new List<object>((dayDeltas.Count + spans.Count) * (KeyColumns.Count + MeasureValues.Count));
        FigureRows.AddDayParameters(parameters, dayDeltas);
        AddParameters(parameters, spans);
        await db.Database.ExecuteSqlRawAsync(MoveStatement(dayDeltas.Count, spans.Count), parameters, ct);
    }

    private static void AddParameters(List<object> parameters, IEnumerable<(FigureSpan Span, FigureKey Key, MeasureValues Values)> rows)
    {
        foreach (var (span, key, values) in rows)
        {
            parameters.AddRange([(int)span, key.Day, key.DepartmentId, key.ItemCode, key.VenueId, key.WindowId, (int)key.Channel, key.RegionCode]);
            parameters.AddRange(values.Values.Cast<object>());
        }
    }

    private static async Task AddRowsAsync(OneWindowDbContext db, IReadOnlyList<(FigureSpan Span, FigureKey Key, MeasureValues Values)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(FigureRows.RowsPerStatement))
        {
            var parameters = new List<object>(chunk.Length * (KeyColumns.Count + MeasureValues.Count));
            AddParameters(parameters, chunk);
            await db.Database.ExecuteSqlRawAsync(Statement(chunk.Length), parameters, ct);
        }
    }

    /// <summary>A month or year row that is not the sum of its days' rows (found by <see cref="CheckAsync"/>).</summary>
    public sealed record Difference(FigureSpan Span, FigureKey Key, MeasureValues Kept, MeasureValues Days);

    /// <summary>
    /// Compares the month and year rows of the months and years that touch [from, to] with the sums of their days' rows
    /// (read a month at a time), and with <paramref name="repair"/> adds the difference (run after the day rows are
    /// repaired, inside the caller's unit). A command's work: it reads every day row of the years it touches.
    /// </summary>
    public static async Task<IReadOnlyList<Difference>> CheckAsync(OneWindowDbContext db, DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        var (first, last) = (PeriodFigure.YearOf(from), PeriodFigure.YearOf(to).AddYears(1).AddDays(-1));
        var (firstMonth, lastMonth) = (PeriodFigure.MonthOf(from), PeriodFigure.MonthOf(to));
        var lastMonthsLastTen = lastMonth.AddDays(20);
        var summed = new Dictionary<(FigureSpan, FigureKey), MeasureValues>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var (a, b) = (month, month.AddMonths(1).AddDays(-1));
            var days = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day >= a && f.Day <= b).ToListAsync(ct);
            foreach (var d in days)
            {
                // Every month of the touched years adds to its year; only the touched months are compared month by month
                // and ten days by ten days.
                foreach (var span in PeriodFigure.Kept)
                {
                    if (span != FigureSpan.Year && (month < firstMonth || month > lastMonth))
                    {
                        continue;
                    }
                    var k = (span, d.Key with { Day = PeriodFigure.StartOf(span, d.Day) });
                    if (!summed.TryGetValue(k, out var v))
                    {
                        summed[k] = v = new MeasureValues();
                    }
                    v.Add(d.Values());
                }
            }
        }
        var kept = await db.Set<PeriodFigure>().AsNoTracking()
            .Where(p => (p.Span == FigureSpan.Month && p.Start >= firstMonth && p.Start <= lastMonth) || (p.Span == FigureSpan.Year && p.Start >= first && p.Start <= last)
                || (p.Span == FigureSpan.TenDays && p.Start >= firstMonth && p.Start <= lastMonthsLastTen))
            .ToListAsync(ct);
        var keptByKey = kept.ToDictionary(p => (p.Span, p.Key), p => p.Values());
        var differences = new List<Difference>();
        foreach (var key in keptByKey.Keys.Union(summed.Keys))
        {
            var k = keptByKey.GetValueOrDefault(key) ?? new MeasureValues();
            var s = summed.GetValueOrDefault(key) ?? new MeasureValues();
            if (!k.SameAs(s))
            {
                differences.Add(new Difference(key.Item1, key.Item2, k, s));
            }
        }
        differences.Sort((a, b) => a.Span != b.Span ? a.Span.CompareTo(b.Span) : FigureRows.Compare(a.Key, b.Key));
        if (repair && differences.Count > 0)
        {
            await AddRowsAsync(db, [.. differences.Select(d =>
            {
                var delta = d.Days.Copy();
                delta.Add(d.Kept, -1);
                return (d.Span, d.Key, delta);
            })], ct);
        }
        return differences;
    }
}
