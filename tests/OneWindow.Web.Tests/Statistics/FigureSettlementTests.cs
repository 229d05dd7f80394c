using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The kept case figures are settled by a sweep after the moves (ADR 0042): a move only queues its case; the figures
/// count it once settled, each move once, whichever instance settles and however many settle at once.
/// </summary>
public sealed class FigureSettlementTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<(long Received, long Accepted, int Queued)> TodayAsync()
    {
        var day = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var rows = await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day == day).ToListAsync();
            return (rows.Sum(f => f.Received), rows.Sum(f => f.Accepted), await db.Set<CaseFigureQueueEntry>().CountAsync());
        }
    }

    [Fact]
    public async Task A_move_counts_once_settled_and_two_instances_settling_at_once_add_each_move_once()
    {
        await app.SettleFiguresAsync();
        var before = await TodayAsync();
        Assert.Equal(0, before.Queued);

        var clerk = await app.SignedIn("clerk.mz");
        const int Cases = 8;
        for (var i = 0; i < Cases; i++)
        {
            await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "结算" + i), "accept", new { });
        }
        // Queued, not counted yet: two moves of each case.
        var queued = await TodayAsync();
        Assert.Equal((before.Received, before.Accepted, 2 * Cases), queued);

        // Two instances on the one database, three passes at once: one settles, the others wait for it and find the queue empty.
        using var other = OneWindowFactory.SharingDatabaseOf(app);
        var settled = await Task.WhenAll(app.SettleFiguresAsync(), other.SettleFiguresAsync(), app.SettleFiguresAsync());
        Assert.Equal(Cases, settled.Sum()); // each case once, in one pass, whatever the number of its moves
        Assert.Equal((before.Received + Cases, before.Accepted + Cases, 0), await TodayAsync());

        // Settling again adds nothing; the recount agrees.
        Assert.Equal(0, await other.SettleFiguresAsync());
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
        using var scope = app.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(today, today, repair: false, CancellationToken.None)).Agrees);
    }
}
