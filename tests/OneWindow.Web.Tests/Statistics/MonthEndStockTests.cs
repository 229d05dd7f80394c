using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The stock in hand kept at every month's end (ADR 0044): built by the settlement when a month ends, moved by a later
/// correction of a day in a kept month, extended back when figures arrive for an earlier month, read by the report's
/// 在办量, and checked and repaired against the kept figures.
/// </summary>
public sealed class MonthEndStockTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_stock_at_a_months_end_is_kept_read_by_the_report_corrected_by_late_moves_and_checked()
    {
        var november = new DateOnly(2026, 11, 1);
        var clerk = await app.SignedIn("clerk.mz");
        var cases = new List<CaseView>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "月末在办" + i), "accept", new { }));
        }
        await app.SettleFiguresAsync();
        var before = await KeptAsync();
        Assert.True(before is null || before.Last < november, "November has not ended: it is not kept yet");

        // December: the settlement keeps November's end (and every month before it with figures).
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.SettleFiguresAsync();
        var kept = await KeptAsync();
        Assert.Equal(november, kept?.Last);
        var novemberStock = await StockAsync(november);
        Assert.Equal(await FiguresInHandAsync(MonthEndStock.EndOf(november)), novemberStock);
        Assert.True(novemberStock.Values.Sum() >= 3, "the three cases are in hand at November's end");

        // A move of today touches no kept month: a December receipt and a November case withdrawn in December.
        clerk = await app.SignedIn("clerk.mz");
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "十二月收件"), "accept", new { });
        await CaseApi.Act(clerk, cases[0], "withdraw", new { reason = "申请人撤回申请" });
        await app.SettleFiguresAsync();
        Assert.Equal(novemberStock, await StockAsync(november));

        // The report's 在办量 reads it: November's end from the kept stock, today from the stock and December's days.
        var leader = await app.SignedIn("leader");
        Assert.Equal(novemberStock.Values.Sum(), await InHandAsync(leader, "2026-11"));
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal((await FiguresInHandAsync(today)).Values.Sum(), await InHandAsync(leader, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(novemberStock.Values.Sum(), (await FiguresInHandAsync(today)).Values.Sum()); // one received, one withdrawn

        // A stock row gone wrong shows in the report (it is what the report reads), is found against the figures and repaired.
        var wrongKey = novemberStock.Keys.First();
        await UsingDbAsync(db => db.Set<MonthEndStock>().Where(s => s.Month == november && s.DepartmentId == wrongKey.DepartmentId && s.ItemCode == wrongKey.ItemCode
            && s.VenueId == wrongKey.VenueId && s.WindowId == wrongKey.WindowId && s.Channel == wrongKey.Channel && s.RegionCode == wrongKey.RegionCode)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.InHand, s => s.InHand + 7)));
        Assert.Equal(novemberStock.Values.Sum() + 7, await InHandAsync(leader, "2026-11"));
        var (exit, output) = await AppProcess.RunCommandAsync(app.Database, "check-figures", "2026-11-01", "2026-11-30");
        Assert.True(exit == 1, output);
        Assert.Contains($"DIFFERS in hand at 2026-11-30 department {wrongKey.DepartmentId}", output, StringComparison.Ordinal);
        Assert.Contains($": kept {novemberStock[wrongKey] + 7} figures {novemberStock[wrongKey]}", output, StringComparison.Ordinal);
        Assert.Contains("1 month-end stock rows differ from the figures.", output, StringComparison.Ordinal);
        var repaired = await CheckAsync(november, repair: true);
        Assert.True(repaired.Repaired && repaired.StockDifferences.Count == 1, string.Join("\n", repaired.StockDifferences));
        Assert.True((await CheckAsync(november, repair: false)).Agrees);
        Assert.Equal(novemberStock, await StockAsync(november));

        // A late correction of a November day (a case settled again as if its earlier settlement were lost) adds to the
        // November stock it belongs to: the stock still agrees with the figures, and so does the report.
        await UsingDbAsync(async db =>
        {
            var id = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == cases[1].Number)).Id;
            await db.Set<CaseFigureState>().Where(s => s.CaseId == id).ExecuteDeleteAsync();
            db.Set<CaseFigureQueueEntry>().Add(new CaseFigureQueueEntry { CaseId = id, QueuedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        await app.SettleFiguresAsync();
        var corrected = await StockAsync(november);
        Assert.Equal(novemberStock.Values.Sum() + 1, corrected.Values.Sum());
        Assert.Equal(await FiguresInHandAsync(MonthEndStock.EndOf(november)), corrected);
        Assert.Equal(corrected.Values.Sum(), await InHandAsync(leader, "2026-11"));
        Assert.Empty((await CheckAsync(november, repair: false)).StockDifferences);

        // Figures that arrive for a month before the first kept (a history brought in later) extend the kept months back.
        var june = new DateOnly(2026, 6, 1);
        await UsingDbAsync(db => new WriteUnit(db, []).RunAsync(async t =>
        {
            var moved = new[] { KeyValuePair.Create(wrongKey with { Day = new DateOnly(2026, 6, 15) }, new MeasureValues { [Measure.Received] = 4, [Measure.Closed] = 1 }) };
            await PeriodFigures.AddMoveAsync(db, moved, t);
            await KeepMonthEndStock.AddMoveAsync(db, await KeepMonthEndStock.KeptAsync(db, t), moved, t);
        }, CancellationToken.None));
        await app.SettleFiguresAsync();
        Assert.Equal(june, (await KeptAsync())?.First);
        Assert.True((await StockAsync(june)).GetValueOrDefault(wrongKey with { Day = june }) >= 3, "June's end holds the three left in hand");
        Assert.Equal(corrected.Values.Sum() + 3, (await StockAsync(november)).Values.Sum());
        foreach (var month in new[] { june, new DateOnly(2026, 9, 1), november })
        {
            Assert.Equal(await FiguresInHandAsync(MonthEndStock.EndOf(month)), await StockAsync(month));
        }
        Assert.Equal((await FiguresInHandAsync(new DateOnly(2026, 9, 30))).Values.Sum(), await InHandAsync(leader, "2026-Q3"));
        Assert.Empty((await CheckAsync(june, repair: false)).StockDifferences);
    }

    private async Task<StockedMonths?> KeptAsync()
    {
        StockedMonths? kept = null;
        await UsingDbAsync(async db => kept = await KeepMonthEndStock.KeptAsync(db, CancellationToken.None));
        return kept;
    }

    /// <summary>The stock rows kept at a month's end, none zero.</summary>
    private async Task<Dictionary<FigureKey, long>> StockAsync(DateOnly month)
    {
        var rows = new Dictionary<FigureKey, long>();
        await UsingDbAsync(async db =>
        {
            foreach (var s in await db.Set<MonthEndStock>().AsNoTracking().Where(s => s.Month == month && s.InHand != 0).ToListAsync())
            {
                rows[s.Key] = s.InHand;
            }
        });
        return rows;
    }

    /// <summary>The stock the old way: received − closed over every kept day row up to the day, by grain (keyed on the day's month).</summary>
    private async Task<Dictionary<FigureKey, long>> FiguresInHandAsync(DateOnly day)
    {
        var rows = new Dictionary<FigureKey, long>();
        await UsingDbAsync(async db =>
        {
            foreach (var g in (await db.Set<DailyFigure>().AsNoTracking().Where(f => f.Day <= day).ToListAsync()).GroupBy(f => f.KeyOn(PeriodFigure.MonthOf(day))))
            {
                if (g.Sum(f => f.Received - f.Closed) is var n and not 0)
                {
                    rows[g.Key] = n;
                }
            }
        });
        return rows;
    }

    private static async Task<long> InHandAsync(HttpClient leader, string period)
    {
        var report = await (await leader.GetAsync($"/api/v1/statistics/report?period={period}&indicators=InHand")).ReadJsonAsync();
        return (long)report.GetProperty("total").GetProperty("figures")[0].GetProperty("value").GetDecimal();
    }

    private async Task<FigureCheck> CheckAsync(DateOnly from, bool repair)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(from, from, repair, CancellationToken.None);
    }

    private async Task UsingDbAsync(Func<OneWindowDbContext, Task> work)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await work(db);
        }
    }
}
