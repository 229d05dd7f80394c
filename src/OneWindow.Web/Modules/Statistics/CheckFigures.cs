using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>A kept row that differs from what the cases say.</summary>
public sealed record FigureDifference(FigureKey Key, MeasureValues Kept, MeasureValues Counted);

/// <summary>A kept staff row (<see cref="DailyStaffFigure"/>) that differs from what the cases and their events say.</summary>
public sealed record StaffFigureDifference(DateOnly Day, string ActorId, long[] Kept, long[] Counted)
{
    public override string ToString() =>
        $"{Day:yyyy-MM-dd} staff {ActorId}: kept [{string.Join(", ", Kept)}] counted [{string.Join(", ", Counted)}] ({string.Join(", ", DailyStaffFigure.MeasureColumns)})";
}

/// <summary>What a check of a period found and, when asked to, repaired.</summary>
public sealed record FigureCheck(DateOnly From, DateOnly To, int CasesRead, int RowsCompared, IReadOnlyList<FigureDifference> Differences, int StatesCorrected, bool Repaired)
{
    /// <summary>The month and year rows (<see cref="PeriodFigure"/>) of the months and years touching the period that were not the sum of their days' rows.</summary>
    public IReadOnlyList<PeriodFigures.Difference> PeriodDifferences { get; init; } = [];

    /// <summary>The staff rows of the period's days that differ from the recount (ADR 0043).</summary>
    public IReadOnlyList<StaffFigureDifference> StaffDifferences { get; init; } = [];

    /// <summary>The stock kept at the months' ends from the period's first month on that differs from the kept figures (ADR 0044).</summary>
    public IReadOnlyList<CheckMonthEndStock.Difference> StockDifferences { get; init; } = [];

    public bool Agrees => Differences.Count == 0 && StatesCorrected == 0 && PeriodDifferences.Count == 0 && StaffDifferences.Count == 0 && StockDifferences.Count == 0;
}

/// <summary>
/// Recounts the kept figures of a period from the cases themselves (<see cref="CaseContribution"/>, the hook's own
/// definition; the staff figures with <see cref="StaffContribution"/> from the cases and who accepted and decided
/// them) and compares them row by row; with <c>repair</c>, adds the difference to each row that differs and sets
/// each case's remembered contribution on the period's days to what it is, so later moves subtract the right amounts
/// (ADR 0024). An administrative command (<c>check-figures</c>), not a request: it reads every case alive in the period.
/// </summary>
public sealed class CheckFigures(OneWindowDbContext db, RegionCalendars calendars, VenueRegions regions, WriteUnit unit, SettleCaseFigures settle, TimeProvider clock)
{
    private const int Batch = 500;

    /// <summary>
    /// The moves queued before the check are settled first (a queued move is not a difference), and no settlement runs
    /// until the check and its repair are done (ADR 0042).
    /// </summary>
    public Task<FigureCheck> RunAsync(DateOnly from, DateOnly to, bool repair, CancellationToken ct) =>
        settle.SettledAsync((_, t) => { db.ChangeTracker.Clear(); return CheckAsync(from, to, repair, t); }, ct);

    private async Task<FigureCheck> CheckAsync(DateOnly from, DateOnly to, bool repair, CancellationToken ct)
    {
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        await regions.LoadAllAsync(ct);
        var counted = new Dictionary<FigureKey, MeasureValues>();
        var staffCounted = new Dictionary<(DateOnly, string), long[]>();
        var states = new List<(Guid CaseId, CaseFigureState? Kept, IReadOnlyList<CaseFigureRow> Rows, IReadOnlyList<StaffFigureRow> StaffRows)>();
        var casesRead = 0;
        await foreach (var cases in LiveCases.InBatchesAsync(db, start, end, Batch, ct, withParts: true))
        {
            casesRead += cases.Count;
            var ids = cases.Select(c => c.Id).ToList();
            var kept = await db.Set<CaseFigureState>().AsNoTracking().Where(s => ids.Contains(s.CaseId)).ToDictionaryAsync(s => s.CaseId, ct);
            var actors = await CaseActors.OfAsync(db, ids, ct);
            foreach (var c in cases)
            {
                var calendar = await calendars.ForRegionAsync(c.RegionCode);
                var rows = CaseContribution.Of(c, await regions.OfAsync(c, ct), calendar);
                var staffRows = StaffContribution.Of(c, actors.GetValueOrDefault(c.Id) ?? CaseActors.None, calendar);
                CaseContribution.AddTo(counted, rows.Where(r => InPeriod(r.Key.Day)));
                StaffContribution.AddTo(staffCounted, staffRows.Where(r => InPeriod(r.Day)));
                var state = kept.GetValueOrDefault(c.Id);
                if (!CaseContribution.SameRows(Within(state?.Rows ?? []), Within(rows))
                    || !StaffContribution.SameRows(WithinStaff(state?.StaffRows ?? []), WithinStaff(staffRows)))
                {
                    states.Add((c.Id, state, rows, staffRows));
                }
            }
        }
        var keptRows = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to).ToListAsync(ct);
        var differences = new List<FigureDifference>();
        var keptByKey = keptRows.ToDictionary(f => f.Key, f => f.Values());
        foreach (var k in keptByKey.Keys.Union(counted.Keys))
        {
            var keptValues = keptByKey.GetValueOrDefault(k) ?? new MeasureValues();
            var countedValues = counted.GetValueOrDefault(k) ?? new MeasureValues();
            if (!keptValues.SameAs(countedValues))
            {
                differences.Add(new FigureDifference(k, keptValues, countedValues));
            }
        }
        differences.Sort((a, b) => a.Key.Day.CompareTo(b.Key.Day));
        var staffKept = (await db.Set<DailyStaffFigure>().AsNoTracking().Where(f => f.Day >= from && f.Day <= to).ToListAsync(ct))
            .ToDictionary(f => (f.Day, f.ActorId), f => f.Values());
        var zero = new long[StaffFigureRow.Count];
        var staffDifferences = staffKept.Keys.Union(staffCounted.Keys)
            .Select(k => new StaffFigureDifference(k.Item1, k.Item2, staffKept.GetValueOrDefault(k) ?? zero, staffCounted.GetValueOrDefault(k) ?? zero))
            .Where(d => !d.Kept.AsSpan().SequenceEqual(d.Counted)).OrderBy(d => d.Day).ThenBy(d => d.ActorId, StringComparer.Ordinal).ToList();
        if (repair && (differences.Count > 0 || states.Count > 0 || staffDifferences.Count > 0))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await unit.RunAsync(async t =>
            {
                foreach (var d in differences)
                {
                    var delta = d.Counted.Copy();
                    delta.Add(d.Kept, -1);
                    await FigureRows.AddAsync(db, d.Key, delta, t);
                }
                await DailyStaffFigure.AddAsync(db, [.. staffDifferences.Select(d => new StaffFigureRow(d.Day, d.ActorId, [.. d.Counted.Zip(d.Kept, (c, k) => c - k)]))], t);
                foreach (var (caseId, kept, rows, staffRows) in states)
                {
                    // The remembered rows outside the period stay as they are: those days are checked with their own period.
                    var merged = (kept?.Rows ?? []).Where(r => !InPeriod(r.Key.Day)).Concat(Within(rows)).OrderBy(r => r.Key.Day).ToList();
                    var mergedStaff = (kept?.StaffRows ?? []).Where(r => !InPeriod(r.Day)).Concat(WithinStaff(staffRows)).OrderBy(r => r.Day).ToList();
                    if (kept is null)
                    {
                        db.Set<CaseFigureState>().Add(new CaseFigureState { CaseId = caseId, Rows = merged, StaffRows = mergedStaff, UpdatedAt = now });
                    }
                    else
                    {
                        var tracked = await db.Set<CaseFigureState>().FindAsync([caseId], t);
                        tracked!.Rows = merged;
                        tracked.StaffRows = mergedStaff;
                        tracked.UpdatedAt = now;
                    }
                }
            }, ct);
        }
        // The month and year rows against their days' rows (as repaired just now): the kept months and years agree with
        // the kept days, which agree with the cases (ADR 0038).
        var spans = await PeriodFigures.CheckAsync(db, from, to, repair: false, ct);
        if (repair && spans.Count > 0)
        {
            await unit.RunAsync(async t => await PeriodFigures.CheckAsync(db, from, to, repair: true, t), ct);
        }
        // The stock at the months' ends against the month and year rows (as repaired just now), from the period's month on.
        var stock = await CheckMonthEndStock.RunAsync(db, unit, from, repair, ct);
        return new FigureCheck(from, to, casesRead, keptByKey.Count + staffKept.Count, differences, states.Count,
            repair && (differences.Count > 0 || states.Count > 0 || spans.Count > 0 || staffDifferences.Count > 0 || stock.Count > 0))
        {
            PeriodDifferences = spans,
            StaffDifferences = staffDifferences,
            StockDifferences = stock,
        };

        bool InPeriod(DateOnly day) => day >= from && day <= to;
        IReadOnlyList<CaseFigureRow> Within(IReadOnlyList<CaseFigureRow> rows) => [.. rows.Where(r => InPeriod(r.Key.Day))];
        IReadOnlyList<StaffFigureRow> WithinStaff(IReadOnlyList<StaffFigureRow> rows) => [.. rows.Where(r => InPeriod(r.Day))];
    }
}
