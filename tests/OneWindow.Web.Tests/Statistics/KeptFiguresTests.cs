using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The kept daily figures (ADR 0024) against the cases themselves: random histories made through the case API (on
/// whichever database the suite runs), recounted from the raw cases by the check and, for the plain counts, by a
/// query written here; and the check's repair of figures that went wrong.
/// </summary>
public class KeptFiguresTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2027, 3, 31);

    [Fact]
    public async Task Random_case_histories_keep_figures_equal_to_a_recount_of_the_cases()
    {
        var random = new Random(20261122);
        var scripts = new List<Queue<Func<Task>>>();
        for (var i = 0; i < 36; i++)
        {
            scripts.Add(await ScriptAsync(random));
        }
        // The steps of all cases interleaved, with time passing between them (hours, sometimes days): days, weekends and
        // late decisions come from the walk, not from a plan. The figures are settled now and then (ADR 0042), so that a
        // case is settled after one move or after several, and the check at the end settles the rest.
        var settling = new Random(42);
        while (scripts.Any(s => s.Count > 0))
        {
            var open = scripts.Where(s => s.Count > 0).ToList();
            await open[random.Next(open.Count)].Dequeue()();
            if (settling.Next(4) == 0)
            {
                await app.SettleFiguresAsync();
            }
            app.Clock.Advance(TimeSpan.FromHours(random.Next(0, 14)) + (random.Next(20) == 0 ? TimeSpan.FromDays(6) : TimeSpan.Zero));
        }

        // The concluded are rated at random levels over the next days, and some bad ratings rectified (ADR 0030).
        List<string> concluded;
        using (var s = app.Services.CreateScope())
        {
            concluded = await s.ServiceProvider.GetRequiredService<OneWindowDbContext>().Cases.AsNoTracking()
                .Where(c => c.ParentCaseId == null && c.Status == CaseStatus.Concluded).Select(c => c.Number).ToListAsync();
        }
        foreach (var number in concluded)
        {
            var level = (Domain.Cases.RatingLevel)random.Next(1, 6);
            var rated = await app.Anonymous().PostAsJsonAsync("/api/v1/ratings/online",
                new Modules.Ratings.OnlineRatingRequest(number, "0000", level, level <= Domain.Cases.RatingLevel.Dissatisfied ? "不满意" : null), Json.Options);
            Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
            app.Clock.Advance(TimeSpan.FromHours(random.Next(0, 20)));
        }
        var bad = await (await (await app.SignedIn("clerk.mz")).GetAsync("/api/v1/ratings")).ReadAsync<Modules.Ratings.RatingPage>();
        foreach (var r in bad.Items.Where((_, i) => i % 2 == 0))
        {
            var rectified = await (await app.SignedIn("clerk.mz")).PostAsJsonAsync($"/api/v1/ratings/{r.Id}/rectify", new Modules.Ratings.RectifyRatingRequest(r.Revision, "回访", "整改"), Json.Options);
            Assert.True(rectified.IsSuccessStatusCode, await rectified.Content.ReadAsStringAsync());
        }

        using var scope = app.Services.CreateScope();
        var service = await scope.ServiceProvider.GetRequiredService<CheckServiceFigures>().RunAsync(From, To, repair: false, CancellationToken.None);
        Assert.True(service.Agrees, string.Join("\n", service.Differences.Take(5).Select(d => $"{d.Key}: kept {d.Kept} counted {d.Counted}")));
        Assert.True(service.RecordsRead >= concluded.Count && concluded.Count > 5, $"{service.RecordsRead} records, {concluded.Count} concluded");
        var keptService = await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Set<DailyServiceFigure>().AsNoTracking().ToListAsync();
        Assert.Equal(concluded.Count, keptService.Sum(f => f.RatedVeryDissatisfied + f.RatedDissatisfied + f.RatedFair + f.RatedSatisfied + f.RatedVerySatisfied));
        Assert.True(keptService.Sum(f => f.BadRectified) > 0 || bad.Items.Count == 0);
        var check = await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(From, To, repair: false, CancellationToken.None);
        Assert.True(check.Agrees, string.Join("\n", check.Differences.Take(5).Select(d => $"{d.Key}: kept {d.Kept} counted {d.Counted}")) + $" states {check.StatesCorrected}");
        Assert.True(check.CasesRead >= 36);

        // The staff's facts from the kept staff figures (ADR 0043) are those counted from the cases and their deciding and
        // accepting events, for every quarter and month the walk touched.
        var assess = scope.ServiceProvider.GetRequiredService<Modules.Assessment.AssessUnits>();
        var staffPeriods = new[] { new Domain.Assessment.AssessmentPeriod(Domain.Assessment.PeriodKind.Quarter, 2026, 4), new(Domain.Assessment.PeriodKind.Quarter, 2027, 1),
            new(Domain.Assessment.PeriodKind.Month, 2026, 11), new(Domain.Assessment.PeriodKind.Month, 2026, 12), new(Domain.Assessment.PeriodKind.Year, 2026, 1) };
        var staffDecided = 0;
        foreach (var period in staffPeriods)
        {
            var fromKept = (await assess.StaffFactsFromKeptFiguresAsync(period, CancellationToken.None)).OrderBy(f => f.Key).ToList();
            var fromRecord = (await assess.FactsFromRecordAsync(Modules.Assessment.AssessedKind.Staff, period, CancellationToken.None)).OrderBy(f => f.Key).ToList();
            Assert.Equal(fromRecord, fromKept);
            staffDecided += fromKept.Sum(f => f.Concluded);
        }
        Assert.True(staffDecided > 0 && (await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Set<DailyStaffFigure>().CountAsync()) > 2, "the walk gave the staff figures something to count");

        // The fees by fee item (ADR 0039): the check agrees, and a query of the cases' fee lines gives the same sums.
        var feeCheck = await scope.ServiceProvider.GetRequiredService<CheckFeeFigures>().RunAsync(From, To, repair: false, CancellationToken.None);
        Assert.True(feeCheck.Agrees, string.Join("\n", feeCheck.Differences.Take(5).Select(d => $"{d.Key}: kept {d.Kept} counted {d.Counted}")));
        var keptFees = await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Set<DailyFeeFigure>().AsNoTracking().ToListAsync();
        var paidCases = await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Cases.AsNoTracking().Where(c => c.ParentCaseId == null && c.Payment.PaidAt != null).ToListAsync();
        var byLine = paidCases.SelectMany(c => c.Payment.Fees.Select(f => (c.ItemCode, f.Name, Day: ChinaTime.DateOf(c.Payment.PaidAt!.Value), Fen: (long)(f.PaidAmount!.Value * 100))))
            .GroupBy(x => (x.ItemCode, x.Name, x.Day)).ToDictionary(g => g.Key, g => (Payments: (long)g.Count(), Fen: g.Sum(x => x.Fen)));
        Assert.Equal(byLine.OrderBy(kv => kv.Key).Select(kv => kv.Value),
            keptFees.GroupBy(f => (f.ItemCode, f.FeeName, f.Day)).OrderBy(g => g.Key).Select(g => (g.Sum(f => f.Payments), g.Sum(f => f.AmountFen))));
        Assert.True(keptFees.Select(f => f.AmountFen).Distinct().Count() > 1 && paidCases.Count > 1, $"{paidCases.Count} paid; the walk paid the standard and a reduced fee");
        Assert.Equal(await scope.ServiceProvider.GetRequiredService<OneWindowDbContext>().Set<DailyFigure>().SumAsync(f => f.FeeFen), keptFees.Sum(f => f.AmountFen)); // 收费金额 agrees

        // The plain counts once more, by a query of the cases written here rather than by the hook's definition.
        var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
        var cases = await db.Cases.AsNoTracking().Where(c => c.ParentCaseId == null && c.ReceivedAt != null).ToListAsync();
        var kept = await db.Set<DailyFigure>().AsNoTracking().ToListAsync();
        long Kept(Func<DailyFigure, long> m, DateOnly day) => kept.Where(f => f.Day == day).Sum(m);
        var days = cases.SelectMany(c => new[] { c.ReceivedAt, c.ConcludedAt, c.AcceptedAt, c.Payment.PaidAt }).OfType<DateTime>().Select(ChinaTime.DateOf).Distinct().ToList();
        Assert.True(days.Count > 10, $"the walk spread over {days.Count} days");
        foreach (var day in days)
        {
            bool On(DateTime? at) => at is { } t && ChinaTime.DateOf(t) == day;
            Assert.Equal(cases.Count(c => On(c.ReceivedAt)), Kept(f => f.Received, day));
            Assert.Equal(cases.Count(c => On(c.AcceptedAt)), Kept(f => f.Accepted, day));
            Assert.Equal(cases.Count(c => c.Status == CaseStatus.Concluded && On(c.ConcludedAt)), Kept(f => f.Concluded, day));
            Assert.Equal(cases.Count(c => c.Status == CaseStatus.RejectedAtIntake && On(c.ConcludedAt)), Kept(f => f.RejectedAtIntake, day));
            Assert.Equal(cases.Count(c => c.Status == CaseStatus.Withdrawn && On(c.ConcludedAt)), Kept(f => f.Withdrawn, day));
            Assert.Equal(cases.Count(c => c.Status == CaseStatus.Concluded && On(c.ConcludedAt) && c.Decision.DecidedAt <= (c.Clocks.PromisedDueAt ?? DateTime.MaxValue)), Kept(f => f.OnTime, day));
            Assert.Equal(cases.Where(c => On(c.Payment.PaidAt)).Sum(c => (long)(c.Payment.PaidAmount!.Value * 100)), Kept(f => f.FeeFen, day));
        }
        // The walk reached every kind of figure (otherwise the comparison above proves little).
        Assert.All(new Func<DailyFigure, long>[] { f => f.Concluded, f => f.RejectedAtIntake, f => f.Withdrawn, f => f.Corrected, f => f.Instant, f => f.FeeFen, f => f.OverduePromised, f => f.Early,
                f => f.AcceptedPromptly, f => f.AtMostOneVisit, f => f.Concluded - f.AtMostOneVisit },
            m => Assert.True(kept.Sum(m) > 0));
        Assert.Contains(kept, f => f.Channel == CaseChannel.ProxyIntake && f.RegionCode.Length == 12 && !f.RegionCode.EndsWith("000000", StringComparison.Ordinal));

        // 在办量 from the kept month rows and the end month's days (ADR 0035) equals the old computation over every day row
        // up to the period's end, for every day of the walk and the month ends it crossed, by every breakdown.
        var report = scope.ServiceProvider.GetRequiredService<StatisticsReport>();
        var ends = days.Concat(days.Select(d => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1))).Distinct().Order().ToList();
        Assert.True(ends.Select(d => d.Month).Distinct().Count() >= 2, "the walk crossed a month's end");
        foreach (var end in ends)
        {
            var upTo = kept.Where(f => f.Day <= end).ToList();
            foreach (var (by, keyOf) in new (Breakdown, Func<DailyFigure, string>)[]
                     {
                         (Breakdown.None, _ => ""), (Breakdown.Department, f => f.DepartmentId.ToString()), (Breakdown.Venue, f => f.VenueId.ToString()),
                         (Breakdown.Item, f => f.ItemCode), (Breakdown.Channel, f => f.Channel.ToString()),
                     })
            {
                var expected = upTo.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.Sum(f => f.Received - f.Closed));
                var result = await report.RunAsync(new ReportQuery(ReportPeriod.Day(end), by, [IndicatorId.InHand]), CancellationToken.None);
                var actual = by == Breakdown.None
                    ? new Dictionary<string, long> { [""] = (long)result.Total.Figures[0].Value!.Value }
                    : result.Rows.ToDictionary(r => r.Key, r => (long)(r.Figures[0].Value ?? 0));
                foreach (var (key, open) in expected.Where(kv => kv.Value != 0))
                {
                    Assert.True(actual.TryGetValue(key, out var got) && got == open, $"{end} {by} {key}: old {open}, kept {got}");
                }
                Assert.All(actual.Where(kv => !expected.ContainsKey(kv.Key)), kv => Assert.Equal(0, kv.Value));
                Assert.Equal(expected.Values.Sum(), (long)result.Total.Figures[0].Value!.Value);
            }
        }
        Assert.True(kept.Sum(f => f.Received - f.Closed) > 0, "some case is still in hand at the last end");
        // The month and year rows are the sums of their days' rows (ADR 0038).
        Assert.Empty(await PeriodFigures.CheckAsync(db, From, To, repair: false, CancellationToken.None));
        Assert.True(days.Select(d => d.Year).Distinct().Count() >= 2, "the walk crossed a year's end");

        // Any period, split into whole years, whole months and leftover days and read from the year, month and day rows,
        // sums what its day rows sum, and its receipts and conclusions are the cases' (ADR 0038).
        var bounds = days.Concat(days.Select(d => new DateOnly(d.Year, d.Month, 1))).Concat(days.Select(d => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1)))
            .Concat([new(2026, 1, 1), new(2025, 12, 31), new(2027, 12, 31), new(2028, 1, 1)]).Distinct().Order().ToList();
        var periods = new List<(DateOnly From, DateOnly To)> { (new(2026, 1, 1), new(2026, 12, 31)), (new(2027, 1, 1), new(2027, 12, 31)), (new(2026, 1, 1), new(2027, 12, 31)),
            (new(2026, 10, 1), new(2026, 12, 31)), (new(2027, 1, 1), new(2027, 3, 31)), (new(2025, 12, 31), new(2028, 1, 1)) };
        for (var i = 0; i < 40; i++)
        {
            var (a, b) = (bounds[random.Next(bounds.Count)], bounds[random.Next(bounds.Count)]);
            periods.Add(a <= b ? (a, b) : (b, a));
        }
        var readYears = false;
        foreach (var (from, to) in periods)
        {
            var split = PeriodSplit.Of(from, to);
            readYears |= split.Years.From <= split.Years.To && kept.Any(f => f.Day.Year == split.Years.From.Year);
            var sums = await KeptSums.FlowsAsync(db, null, null, from, to, Breakdown.Department, CancellationToken.None);
            var inPeriod = kept.Where(f => f.Day >= from && f.Day <= to).ToList();
            foreach (var g in inPeriod.GroupBy(f => f.DepartmentId.ToString()))
            {
                var expected = new MeasureValues();
                foreach (var f in g)
                {
                    expected.Add(f.Values());
                }
                Assert.True(sums.TryGetValue(g.Key, out var got) && got.Sums.SameAs(expected), $"{from}..{to} {g.Key}: days [{expected}], split [{got?.Sums}]");
            }
            Assert.All(sums.Where(kv => !inPeriod.Any(f => f.DepartmentId.ToString() == kv.Key)), kv => Assert.True(kv.Value.Sums.IsZero));
            bool In(DateTime? at) => at is { } t && ChinaTime.DateOf(t) >= from && ChinaTime.DateOf(t) <= to;
            Assert.Equal(cases.Count(c => In(c.ReceivedAt)), sums.Values.Sum(t => t.Sums[Measure.Received]));
            Assert.Equal(cases.Count(c => c.Status == CaseStatus.Concluded && In(c.ConcludedAt)), sums.Values.Sum(t => t.Sums[Measure.Concluded]));
        }
        Assert.True(readYears, "some period read a year row with figures in it");

        // A lost fee row is found and repaired (the kept rows against the cases' fee lines).
        var lost = keptFees[0];
        await db.Set<DailyFeeFigure>().Where(f => f.Day == lost.Day && f.ItemCode == lost.ItemCode && f.FeeName == lost.FeeName && f.DepartmentId == lost.DepartmentId
            && f.VenueId == lost.VenueId && f.RegionCode == lost.RegionCode).ExecuteDeleteAsync();
        var found = await scope.ServiceProvider.GetRequiredService<CheckFeeFigures>().RunAsync(From, To, repair: true, CancellationToken.None);
        Assert.Equal((1, FeeValues.Zero, new FeeValues(lost.Payments, lost.AmountFen)), (found.Differences.Count, found.Differences[0].Kept, found.Differences[0].Counted));
        Assert.True((await scope.ServiceProvider.GetRequiredService<CheckFeeFigures>().RunAsync(From, To, repair: false, CancellationToken.None)).Agrees);
    }

    [Fact]
    public async Task The_check_finds_figures_that_went_wrong_repairs_them_and_later_moves_stay_right()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var c = await CaseApi.Register(clerk, "431025-MZ-001", "周一");
        c = await CaseApi.Act(clerk, c, "accept", new { });
        await app.SettleFiguresAsync();
        var day = ChinaTime.DateOf(app.Clock.GetUtcNow().UtcDateTime);
        using (var scope = app.Services.CreateScope())
        {
            // As if the case had moved before the figures were kept (a database upgraded to this release): nothing kept for it.
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            var id = (await db.Cases.AsNoTracking().SingleAsync(x => x.Number == c.Number)).Id;
            await new WriteUnit(db, []).RunAsync(async t =>
            {
                await db.Set<CaseFigureState>().Where(s => s.CaseId == id).ExecuteDeleteAsync(t);
                await FigureRows.AddAsync(db, (await db.Set<DailyFigure>().AsNoTracking().FirstAsync(f => f.Day == day && f.Received > 0, t)).Key,
                    new MeasureValues { [Measure.Received] = -1, [Measure.Accepted] = -1 }, t);
            }, CancellationToken.None);
        }
        // The command on the live database says what differs.
        var period = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output) = await AppProcess.RunCommandAsync(app.Database, "check-figures", period, period);
        Assert.True(exit == 1, output);
        Assert.Contains("DIFFERS " + period, output, StringComparison.Ordinal);
        Assert.Contains("1 rows differ, 0 staff rows differ, 1 case contributions differ.", output, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var check = scope.ServiceProvider.GetRequiredService<CheckFigures>();
            var found = await check.RunAsync(day, day, repair: true, CancellationToken.None);
            Assert.False(found.Agrees);
            Assert.True(found.Repaired);
            Assert.Single(found.Differences);
            Assert.Equal(1, found.Differences[0].Counted[Measure.Received] - found.Differences[0].Kept[Measure.Received]);
            Assert.Equal(1, found.StatesCorrected);
            Assert.True((await check.RunAsync(day, day, repair: false, CancellationToken.None)).Agrees);

            // A month row and a year row that went wrong on their own are found against their days' rows and repaired (ADR 0038).
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            foreach (var span in new[] { FigureSpan.Month, FigureSpan.Year })
            {
                var start = PeriodFigure.StartOf(span, day);
                var row = await db.Set<PeriodFigure>().AsNoTracking().FirstAsync(m => m.Span == span && m.Start == start && m.Received > 0);
                await db.Set<PeriodFigure>().Where(m => m.Span == span && m.Start == start && m.DepartmentId == row.DepartmentId && m.ItemCode == row.ItemCode && m.VenueId == row.VenueId
                    && m.WindowId == row.WindowId && m.Channel == row.Channel && m.RegionCode == row.RegionCode).ExecuteUpdateAsync(u => u.SetProperty(m => m.Received, m => m.Received + 5));
            }
            var wrong = await check.RunAsync(day, day, repair: false, CancellationToken.None);
            Assert.False(wrong.Agrees);
            Assert.Equal([FigureSpan.Month, FigureSpan.Year], wrong.PeriodDifferences.Select(d => d.Span));
            Assert.All(wrong.PeriodDifferences, d => Assert.Equal(5, d.Kept[Measure.Received] - d.Days[Measure.Received]));
            Assert.True((await check.RunAsync(day, day, repair: true, CancellationToken.None)).Repaired);
            Assert.True((await check.RunAsync(day, day, repair: false, CancellationToken.None)).Agrees);

            // A staff row that went wrong (ADR 0043) is found against the cases and their events, and repaired.
            var clerkRow = await db.Set<DailyStaffFigure>().AsNoTracking().SingleAsync(f => f.Day == day && f.Accepted > 0);
            await db.Set<DailyStaffFigure>().Where(f => f.Day == day && f.ActorId == clerkRow.ActorId).ExecuteUpdateAsync(u => u.SetProperty(f => f.AcceptedPromptly, f => f.AcceptedPromptly + 2));
            var staffWrong = await check.RunAsync(day, day, repair: false, CancellationToken.None);
            var staffDifference = Assert.Single(staffWrong.StaffDifferences);
            Assert.Equal((clerkRow.ActorId, 2L), (staffDifference.ActorId, staffDifference.Kept[(int)StaffMeasure.AcceptedPromptly] - staffDifference.Counted[(int)StaffMeasure.AcceptedPromptly]));
            Assert.True((await check.RunAsync(day, day, repair: true, CancellationToken.None)).Repaired);
            Assert.True((await check.RunAsync(day, day, repair: false, CancellationToken.None)).Agrees);
        }
        (exit, output) = await AppProcess.RunCommandAsync(app.Database, "check-figures", period, period, "--repair");
        Assert.True(exit == 0, output);
        Assert.Contains("0 rows differ, 0 staff rows differ, 0 case contributions differ.", output, StringComparison.Ordinal);
        // The case goes on after the repair: its remembered contribution is right, so its next moves add and subtract the right amounts.
        app.Clock.Advance(TimeSpan.FromDays(1));
        clerk = await app.SignedIn("clerk.mz");
        c = await CaseApi.Act(await app.SignedIn("reviewer.mz"), c, "complete-node", new { opinion = "符合条件" });
        c = await CaseApi.Act(await app.SignedIn("approver.mz"), c, "decide", new { outcome = "Grant" });
        c = await CaseApi.Act(clerk, c, "issue", new { resultNumber = "R-" + c.Number });
        await CaseApi.Act(clerk, c, "deliver", new { method = "WindowPickup" });
        using (var scope = app.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<CheckFigures>().RunAsync(From, To, repair: false, CancellationToken.None);
            Assert.True(again.Agrees, string.Join("\n", again.Differences.Select(d => $"{d.Key}: kept {d.Kept} counted {d.Counted}")));
        }
    }

    private readonly Dictionary<string, (HttpClient Client, DateTimeOffset At)> _signedIn = [];

    /// <summary>A signed-in client, signed in again when the test clock has run past a working session.</summary>
    private async Task<HttpClient> SignedInAsync(string user)
    {
        if (!_signedIn.TryGetValue(user, out var s) || app.Clock.GetUtcNow() - s.At > TimeSpan.FromHours(3))
        {
            _signedIn[user] = s = (await app.SignedIn(user), app.Clock.GetUtcNow());
        }
        return s.Client;
    }

    /// <summary>One case's steps: taken in at a window or a town hall, then some way through its life, or stopped anywhere.</summary>
    private async Task<Queue<Func<Task>>> ScriptAsync(Random random)
    {
        var steps = new Queue<Func<Task>>();
        CaseView c = null!;
        var kind = random.Next(7);
        var (item, clerkName) = kind switch
        {
            1 => ("431025-BDC-001", "clerk"),
            2 => ("431025-MZ-004", "clerk.mz"),
            6 => ("431025-RS-002", "clerk.town"),
            _ => ("431025-MZ-001", "clerk.mz"),
        };
        var name = "申请人" + random.Next(1000, 9999);
        var correct = kind is 0 or 5 && random.Next(3) == 0;
        steps.Enqueue(async () =>
        {
            c = await CaseApi.Register(await SignedInAsync(clerkName), item, name);
            if (correct)
            {
                // The one-time notice is given at the counter, within the notice period.
                c = await CaseApi.Act(await SignedInAsync(clerkName), c, "correction", new { missing = new[] { "章程草案" } });
            }
        });
        void Then(string action, object body, string? who = null) =>
            steps.Enqueue(async () => c = await CaseApi.Act(await SignedInAsync(who ?? clerkName), c, action, body));
        switch (kind)
        {
            case 0 or 5:
                if (correct)
                {
                    Then("supplement", new { provided = new[] { "章程草案" } });
                }
                Then("accept", new { });
                Then("complete-node", new { opinion = "符合条件" }, "reviewer.mz");
                Then("decide", random.Next(4) == 0 ? new { outcome = "Deny", reason = "不符合条件，可依法申请复议" } : (object)new { outcome = "Grant" }, "approver.mz");
                Then("issue", new { resultNumber = "R-" + random.Next() });
                Then("deliver", new { method = "WindowPickup" });
                break;
            case 1:
                Then("accept", new { });
                Then("complete-node", new { opinion = "权属清楚" }, "approver.bdc");
                Then("decide", new { outcome = "Grant" }, "approver.bdc");
                // Now and then a reduced fee (a reason recorded): the fee figures by fee item see the amount actually paid.
                var receipt = random.Next(100000, 999999);
                Then("pay", receipt % 3 == 0 ? new { amount = 45m, receiptNumber = "湘财通字 " + receipt, reason = "困难群众减半收取", feeLines = new[] { 40m, 5m } } : (object)new { amount = 90m, receiptNumber = "湘财通字 " + receipt });
                Then("issue", new { resultNumber = "B-" + random.Next() });
                Then("deliver", new { method = "Mail", reference = "EMS" + random.Next() });
                break;
            case 2:
                Then("conclude-instantly", new { resultNumber = "J-" + random.Next() });
                break;
            case 3:
                Then("reject", new { reason = "不属于本机关职权范围", referTo = "郴州市民政局" });
                break;
            case 4:
                Then("accept", new { });
                Then("withdraw", new { reason = "申请人决定暂不办理" });
                break;
        }
        // A case may stop anywhere and stay open (the stock of work in hand), except that every kind ends at least once.
        var keep = kind is 2 or 3 or 4 or 6 || random.Next(4) > 0 ? steps.Count : random.Next(1, steps.Count + 1);
        return new Queue<Func<Task>>(steps.Take(keep));
    }
}
