using OneWindow.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>
/// Every <c>Calendar:CheckSeconds</c> (5; 0: only when called): on every instance, the cached calendars are dropped
/// if the calendar changed elsewhere; then one instance (a lock, as the sweeps take) runs the recount of the changes
/// made at least <see cref="SettleTime"/> ago, so that every instance counts on the new calendar by the time the
/// recount reaches its records. A change made here wakes the worker at once.
/// </summary>
public sealed class CalendarChangeWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CalendarChangeWorker> logger) : BackgroundService
{
    /// <summary>Batches per tick: a large recount goes on at the next tick, leaving room for the other writers.</summary>
    public const int MaxBatchesPerTick = 200;
    private const long LockKey = 0x4F6E6543616C; // "OneCal"

    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int CheckSeconds => configuration.GetValue("Calendar:CheckSeconds", 5);

    /// <summary>
    /// How long a change waits before its recount starts. SQLite has one app process; on PostgreSQL every instance
    /// must have looked at the calendar again first, which each does every <c>Calendar:CheckSeconds</c>.
    /// </summary>
    public TimeSpan SettleTime(OneWindowDbContext db) => db.Database.IsNpgsql() ? TimeSpan.FromSeconds(2 * Math.Max(0, CheckSeconds)) : TimeSpan.Zero;

    /// <summary>A change was made on this instance: run now rather than at the next tick.</summary>
    public void Wake() => _wake.TrySetResult();

    /// <summary>One tick; returns whether a change is still waiting for (more of) its recount.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        await scope.ServiceProvider.GetRequiredService<RegionCalendars>().RefreshAsync(db, ct);
        await using (var held = await SweepLock.TryTakeAsync(db, LockKey, ct))
        {
            if (held is not null)
            {
                var madeBy = clock.GetUtcNow().UtcDateTime - SettleTime(db);
                await scope.ServiceProvider.GetRequiredService<RecountDueDates>().RunPendingAsync(madeBy, MaxBatchesPerTick, ct);
            }
        }
        // Still settling, beyond this tick's batches, or in another instance's hands.
        return await db.CalendarChanges.AnyAsync(c => c.CompletedAt == null, ct);
    }

    /// <summary>For a command or a test: ticks until every change made so far is recounted.</summary>
    public async Task RunUntilDoneAsync(CancellationToken ct)
    {
        while (await RunOnceAsync(ct))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = CheckSeconds;
        if (seconds <= 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The calendar recount failed; it goes on at the next tick");
            }
            // A change still settling or a long recount goes on at the next tick, as does one made meanwhile.
            await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(more ? Math.Min(seconds, 1) : seconds), clock, stoppingToken), wake.Task);
        }
    }
}
