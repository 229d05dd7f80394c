using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The telephony's call events are deleted once older than the kept days (30 by default), in batches from the oldest,
/// and the newer ones stay; a pass with nothing old deletes nothing.
/// </summary>
public class CallRetentionTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static HotlineCall Call(string id, DateTime at) => new()
    {
        CallId = id, Line = "8001", CallerPhone = "13807351234", Event = CallEvent.Ringing, At = at, ReportedBy = "呼叫中心",
    };

    [Fact]
    public async Task Call_events_older_than_the_kept_days_are_deleted_in_batches_and_newer_ones_stay()
    {
        var prune = app.Services.GetRequiredService<PruneCallEvents>();
        Assert.Equal(30, prune.KeptDays);
        var start = app.Clock.GetUtcNow().UtcDateTime;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            // More old events than one batch takes, then two from the last days.
            db.AddRange(Enumerable.Range(0, PruneCallEvents.BatchSize + 5).Select(i => Call($"old-{i}", start.AddMinutes(i))));
            db.Add(Call("recent-1", start.AddDays(25)));
            db.Add(Call("recent-2", start.AddDays(31)));
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await prune.RunOnceAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(32));
        Assert.Equal(PruneCallEvents.BatchSize + 5, await prune.RunOnceAsync(CancellationToken.None));
        db = app.NewDbContext(out scope);
        using (scope)
        {
            var left = await db.Set<HotlineCall>().OrderBy(c => c.Id).Select(c => c.CallId).ToListAsync();
            Assert.Equal(["recent-1", "recent-2"], left);
        }
        Assert.Equal(0, await prune.RunOnceAsync(CancellationToken.None));
    }
}
