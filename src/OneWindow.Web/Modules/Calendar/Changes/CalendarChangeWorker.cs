using OneWindow.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Calendar.Changes;

/// <summary>
/// Every <c>Calendar:CheckSeconds</c> (5): on every instance, the cached calendars are dropped if the calendar changed
/// elsewhere; then one instance (a lock, as the sweeps take) runs the recount of the changes made at least
/// <see cref="SettleTime"/> ago, so that every instance counts on the new calendar by the time the recount reaches its
/// records. A change made here wakes the worker at once, and it ticks every second until no change waits. With 0 the
/// instance does not look for changes made on others (one instance alone), yet it resumes an unfinished recount when it
/// starts and recounts each change made on it when woken; between, it waits for the next wake and never spins.
/// <c>Calendar:RecountInBackground</c> false leaves the recount to whoever calls it (the tests; the commands run it
/// themselves in any case).
/// </summary>
public sealed class CalendarChangeWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CalendarChangeWorker> logger) : BackgroundService
{
    /// <summary>Batches per tick: a large recount goes on at the next tick, leaving room for the other writers.</summary>
    public const int MaxBatchesPerTick = 200;

    /// <summary>The longest check interval taken (an hour): a larger setting is read as this, so no wait is out of range.</summary>
    public const int MaxCheckSeconds = 3600;

    private const long LockKey = 0x4F6E6543616C; // "OneCal"

    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ticks;

    /// <summary>
    /// <c>Calendar:CheckSeconds</c> as the worker takes it: 0 to <see cref="MaxCheckSeconds"/>; a negative number is 0, and
    /// a setting that is no whole number (a typo) is the default 5, logged, rather than a worker that stops the host.
    /// </summary>
    public int CheckSeconds
    {
        get
        {
            var text = configuration["Calendar:CheckSeconds"];
            if (string.IsNullOrWhiteSpace(text))
            {
                return 5;
            }
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                logger.LogWarning("Calendar:CheckSeconds is {Value}, not a whole number of seconds: 5 is used", text);
                return 5;
            }
            return Math.Clamp(seconds, 0, MaxCheckSeconds);
        }
    }

    /// <summary>How many ticks this instance has run (diagnostics; the test that proves an idle worker does not spin).</summary>
    public int Ticks => Volatile.Read(ref _ticks);

    /// <summary>
    /// How long a change waits before its recount starts. SQLite has one app process; on PostgreSQL every instance
    /// must have looked at the calendar again first, which each does every <c>Calendar:CheckSeconds</c>.
    /// </summary>
    public TimeSpan SettleTime(OneWindowDbContext db) => db.Database.IsNpgsql() ? TimeSpan.FromSeconds(2 * CheckSeconds) : TimeSpan.Zero;

    /// <summary>A change was made on this instance: run now rather than at the next tick.</summary>
    public void Wake() => _wake.TrySetResult();

    /// <summary>One tick; returns whether a change is still waiting for (more of) its recount.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _ticks);
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
        // Still settling, beyond this tick's batches, or in another instance's hands (not the upgrade's change before its start).
        return await db.CalendarChanges.AnyAsync(c => c.CompletedAt == null && c.CreatedAt != StatuteUpgrade.Waiting, ct);
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
        if (!configuration.GetValue("Calendar:RecountInBackground", true))
        {
            return;
        }
        var seconds = CheckSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            TimeSpan wait;
            try
            {
                // A change still settling or a long recount goes on a second later; otherwise at the next check, or with 0
                // at the next change made here. A change made meanwhile wakes it at once.
                wait = await RunOnceAsync(stoppingToken) ? TimeSpan.FromSeconds(1)
                    : seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The calendar recount failed; it goes on at the next tick");
                wait = TimeSpan.FromSeconds(Math.Max(seconds, 5)); // a database away: tried again, also with 0
            }
            try
            {
                await wake.Task.WaitAsync(wait, clock, stoppingToken);
            }
            catch (TimeoutException)
            {
                // The tick.
            }
        }
    }
}
