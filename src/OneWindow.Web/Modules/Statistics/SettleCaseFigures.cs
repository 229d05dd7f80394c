using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// Settles the kept figures of the cases queued by <see cref="QueueCaseFigures"/> (ADR 0042): takes the queue in
/// batches, computes each case's contribution again from the case as committed (<see cref="CaseContribution"/>),
/// subtracts the one remembered from its last settlement, sums the differences of the whole batch by key (a day's
/// intakes at one window share their keys) and adds each key's sum to its day, month and year rows once (and likewise
/// the staff figures, from who accepted and who decided each case: <see cref="StaffContribution"/>, ADR 0043; and the
/// stock in hand of the months kept that end on or after a changed day: <see cref="KeepMonthEndStock"/>, ADR 0044), then
/// remembers the new contributions and removes the queue rows it took, all in one transaction. One instance settles at a
/// time (<see cref="SweepLock"/>): the remembered contribution is read and replaced by one writer only. A move committed
/// while a batch is settled has queued its own row, which the next batch takes, so nothing is lost and a case settled
/// twice adds nothing the second time.
/// </summary>
public sealed class SettleCaseFigures(OneWindowDbContext db, RegionCalendars calendars, VenueRegions regions, WriteUnit unit, TimeProvider clock)
{
    public const int Batch = 500;
    private const long LockKey = 0x4F6E6546696753; // "OneFigS"

    /// <summary>One pass: settles the queue until it is empty; 0 when another instance is settling (it will take these too).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var held = await SweepLock.TryTakeAsync(db, LockKey, ct);
        return held is null ? 0 : await SettleQueueAsync(ct);
    }

    /// <summary>
    /// Settles the queue as it stands, waiting for another instance's pass to end first: for a reader that must see
    /// every move made before it (a seeded history).
    /// </summary>
    public Task<int> RunToEndAsync(CancellationToken ct) => SettledAsync((settled, _) => Task.FromResult(settled), ct);

    /// <summary>
    /// Settles the queue as <see cref="RunToEndAsync"/> does, then runs <paramref name="then"/> still holding the lock, so no
    /// settlement writes the kept rows or the remembered contributions meanwhile (the recount check and its repair).
    /// </summary>
    public async Task<T> SettledAsync<T>(Func<int, CancellationToken, Task<T>> then, CancellationToken ct)
    {
        while (true)
        {
            await using var held = await SweepLock.TryTakeAsync(db, LockKey, ct);
            if (held is not null)
            {
                return await then(await SettleQueueAsync(ct), ct);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct); // real time: another process's pass
        }
    }

    private async Task<int> SettleQueueAsync(CancellationToken ct)
    {
        // The months that ended since the last pass get their stock in hand first (ADR 0044); the batches then add to
        // the months kept, all under this lock.
        var now = clock.GetUtcNow().UtcDateTime;
        var stocked = await KeepMonthEndStock.BuildAsync(db, unit, ChinaTime.DateOf(now), now, ct);
        var settled = 0;
        while (await SettleBatchAsync(stocked, ct) is var n and > 0)
        {
            settled += n;
        }
        return settled;
    }

    private async Task<int> SettleBatchAsync(StockedMonths? stocked, CancellationToken ct)
    {
        var queued = await db.Set<CaseFigureQueueEntry>().AsNoTracking().OrderBy(e => e.Id).Take(Batch).Select(e => new { e.Id, e.CaseId }).ToListAsync(ct);
        if (queued.Count == 0)
        {
            return 0;
        }
        var ids = queued.Select(e => e.CaseId).Distinct().ToList();
        var taken = queued.Select(e => e.Id).ToList();
        await unit.RunAsync(async t =>
        {
            var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(t);
            var states = await db.Set<CaseFigureState>().Where(s => ids.Contains(s.CaseId)).ToDictionaryAsync(s => s.CaseId, t);
            var actors = await CaseActors.OfAsync(db, ids, t);
            var now = clock.GetUtcNow().UtcDateTime;
            var delta = new Dictionary<FigureKey, MeasureValues>();
            var staffDelta = new Dictionary<(DateOnly, string), long[]>();
            foreach (var c in cases)
            {
                var calendar = await calendars.ForRegionAsync(c.RegionCode);
                var rows = CaseContribution.Of(c, await regions.OfAsync(c, t), calendar);
                var staffRows = StaffContribution.Of(c, actors.GetValueOrDefault(c.Id) ?? CaseActors.None, calendar);
                var state = states.GetValueOrDefault(c.Id);
                CaseContribution.AddTo(delta, rows);
                CaseContribution.AddTo(delta, state?.Rows ?? [], -1);
                StaffContribution.AddTo(staffDelta, staffRows);
                StaffContribution.AddTo(staffDelta, state?.StaffRows ?? [], -1);
                if (state is null)
                {
                    if (rows.Count > 0 || staffRows.Count > 0)
                    {
                        db.Set<CaseFigureState>().Add(new CaseFigureState { CaseId = c.Id, Rows = rows, StaffRows = staffRows, UpdatedAt = now });
                    }
                }
                else if (!CaseContribution.SameRows(state.Rows, rows) || !StaffContribution.SameRows(state.StaffRows, staffRows))
                {
                    state.Rows = rows;
                    state.StaffRows = staffRows;
                    state.UpdatedAt = now;
                }
            }
            // In key order, so that the check's repair and this lock shared rows in the same order.
            var changed = delta.Where(kv => !kv.Value.IsZero).ToList();
            changed.Sort((a, b) => FigureRows.Compare(a.Key, b.Key));
            if (changed.Count > 0)
            {
                await PeriodFigures.AddMoveAsync(db, changed, t);
                await KeepMonthEndStock.AddMoveAsync(db, stocked, changed, t);
            }
            if (StaffContribution.Rows(staffDelta) is { Count: > 0 } staffChanged)
            {
                await DailyStaffFigure.AddAsync(db, staffChanged, t);
            }
            // Only this pass may have taken them (the lock); should another process have settled them meanwhile (two processes
            // on one SQLite file hold no common lock), nothing of this pass is kept.
            if (await db.Set<CaseFigureQueueEntry>().Where(e => taken.Contains(e.Id)).ExecuteDeleteAsync(t) != taken.Count)
            {
                throw new InvalidOperationException("The queued case figures were settled by another process at the same time; this pass is rolled back.");
            }
        }, ct);
        return ids.Count;
    }
}

/// <summary>Runs <see cref="SettleCaseFigures"/> every <c>Statistics:SettleSeconds</c> (2 by default; 0 turns it off, as the tests do).</summary>
public sealed class CaseFigureSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CaseFigureSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(clock, TimeSpan.FromSeconds(configuration.GetValue("Statistics:SettleSeconds", 2.0)), async ct =>
        {
            // The queue is taken again at the next tick after a failed pass.
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SettleCaseFigures>().RunOnceAsync(ct);
        }, logger, "Settling the kept case figures", stoppingToken);
}
