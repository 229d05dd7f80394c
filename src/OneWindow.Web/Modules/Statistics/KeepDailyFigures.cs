using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The kept daily figures' case hook (ADR 0024): on every move of a case, in the move's own transaction, the case's
/// contribution is computed again (<see cref="CaseContribution"/>), the one it made at its last move is subtracted and
/// the new one added, day by day. So a supplement that moves a receipt, a recount that moves a due date, a conclusion
/// long after the intake each correct exactly the days they touch, and nothing ever counts cases again. The same
/// difference goes to the days' month and year rows (<see cref="PeriodFigure"/>, ADR 0038).
/// </summary>
public sealed class KeepDailyFigures(OneWindowDbContext db, VenueRegions regions, TimeProvider clock) : ICaseHook
{
    public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnCaseMovedAsync(CaseMoved moved, CancellationToken ct)
    {
        var c = moved.Case;
        if (c.ParentCaseId is not null)
        {
            return; // a part of a joint case: the joint case counts once
        }
        var rows = CaseContribution.Of(c, await regions.OfAsync(c, ct), moved.Calendar);
        // A case received just now has added nothing yet: no contribution to read back.
        var state = moved.IsNew ? null : await db.Set<CaseFigureState>().FindAsync([c.Id], ct);
        var delta = new Dictionary<FigureKey, MeasureValues>();
        CaseContribution.AddTo(delta, rows);
        CaseContribution.AddTo(delta, state?.Rows ?? [], -1);
        // The day rows and their months and years with the same difference (ADR 0038: a report reads a year as one row
        // per key), in one command. In key order, so two saves lock shared rows in the same order.
        var changed = delta.Where(kv => !kv.Value.IsZero).ToList();
        changed.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
        if (changed.Count > 0)
        {
            await PeriodFigures.AddMoveAsync(db, changed, ct);
        }
        if (state is null)
        {
            if (rows.Count > 0)
            {
                db.Set<CaseFigureState>().Add(new CaseFigureState { CaseId = c.Id, Rows = rows, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            }
        }
        else if (delta.Values.Any(v => !v.IsZero) || !SameKeys(state.Rows, rows))
        {
            state.Rows = rows;
            state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
    }

    private static bool SameKeys(IReadOnlyList<CaseFigureRow> a, IReadOnlyList<CaseFigureRow> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Values.AsSpan().SequenceEqual(p.Second.Values));
}
