using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// 视为受理 (行政许可法 §32): an application received but neither accepted, rejected nor sent a correction notice
/// within five working days counts as accepted from the day it was received. This sweep takes the received cases
/// whose notice period has run out, oldest first, from the <c>(NextDeadlineAt, Id)</c> index, and records the deemed
/// acceptance. Each case is saved on its own with its revision checked, so a clerk acting at the same moment, or a
/// second app instance sweeping, cannot make it happen twice.
/// </summary>
public sealed class IntakeSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IntakeSweep> logger) : BackgroundService
{
    public const int BatchSize = 200;

    /// <summary>One pass; returns how many cases were deemed accepted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var calendars = scope.ServiceProvider.GetRequiredService<RegionCalendars>();
        var handle = scope.ServiceProvider.GetRequiredService<ActOnCase>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Cases.AsNoTracking()
            .Where(c => c.NextDeadlineAt <= now && c.Status == CaseStatus.Received)
            .OrderBy(c => c.NextDeadlineAt).ThenBy(c => c.Id)
            .Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
        var deemed = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var c = await db.Cases.FirstAsync(x => x.Id == id, ct);
            var calendar = await calendars.ForRegionAsync(c.RegionCode);
            var revision = c.Revision;
            // A notice period a calendar change has lengthened (its recount not yet here) is not over yet.
            await handle.CatchUpAsync(c, calendar, now, ct);
            var periodOver = c.Status == CaseStatus.Received && c.Clocks.IntakeDueAt <= now;
            if (!periodOver && c.NewEvents.Count == 0)
            {
                continue;
            }
            if (periodOver)
            {
                c.DeemAccepted(now, calendar);
            }
            try
            {
                // Saved as any action is, so that a deemed joint case fans out to its departments too.
                await handle.SaveMovedAsync(c, revision, now, calendar, ct);
                deemed += periodOver ? 1 : 0;
            }
            catch (DbUpdateException e)
            {
                // Someone acted on the case meanwhile; the next pass sees its new state.
                logger.LogInformation(e, "Case {Number} changed while it was being deemed accepted", c.Number);
            }
        }
        return deemed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(clock, TimeSpan.FromSeconds(configuration.GetValue("Cases:IntakeSweepSeconds", 60)), async ct =>
        {
            var deemed = await RunOnceAsync(ct);
            if (deemed > 0)
            {
                logger.LogInformation("Deemed {Count} applications accepted after the notice period", deemed);
            }
        }, logger, "The intake sweep", stoppingToken);
}
