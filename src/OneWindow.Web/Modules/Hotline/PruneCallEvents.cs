using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The telephony's call events are kept for <c>Hotline:CallEventDays</c> (30 by default), then deleted. They carry the
/// caller's number and serve only the live desk and the registration that picks up a call's recording reference, both
/// within minutes; the order itself keeps the call id and the recording reference for as long as it is kept. Holding a
/// caller's number longer than that purpose needs is what 个人信息保护法 §19 forbids, and a hotline's millions of calls a
/// year would otherwise grow the table without end. Events are appended in time order, so the oldest are the first by
/// id: each pass reads a batch from the start of the key and deletes up to the first one still within the period, so
/// it never scans the kept rows. Two instances pruning at once delete the same rows once.
/// </summary>
public sealed class PruneCallEvents(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PruneCallEvents> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    public int KeptDays => Math.Max(1, configuration.GetValue("Hotline:CallEventDays", 30));

    /// <summary>One pass: deletes the events older than the kept days, a batch at a time; returns how many went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-KeptDays);
        var deleted = 0;
        while (true)
        {
            var oldest = await db.Set<HotlineCall>().AsNoTracking().OrderBy(c => c.Id).Take(BatchSize).Select(c => new { c.Id, c.At }).ToListAsync(ct);
            var expired = oldest.TakeWhile(c => c.At < cutoff).ToList();
            if (expired.Count == 0)
            {
                return deleted;
            }
            var last = expired[^1].Id;
            deleted += await db.Set<HotlineCall>().Where(c => c.Id <= last).ExecuteDeleteAsync(ct);
            if (expired.Count < oldest.Count)
            {
                return deleted;
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPass.RunAsync(clock, TimeSpan.FromMinutes(configuration.GetValue("Hotline:CallPruneMinutes", 60)), async ct =>
        {
            var deleted = await RunOnceAsync(ct);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} call events older than {Days} days", deleted, KeptDays);
            }
        }, logger, "Pruning the call events", stoppingToken);
}
