using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Hotline.Report;
using OneWindow.Web.Seeding;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The hotline report (ADR 0032): each of the nine indicators against a hand-built week of orders whose figures are
/// worked out here; the hot topics; the drill-down to the orders; the Excel read back; the leaders' brief; and random
/// order histories whose kept figures the recount from the orders' events finds equal (on whichever database runs).
/// </summary>
public sealed class HotlineReportTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Bj(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private const string Week = "2026-11-23..2026-11-27";

    private static async Task<HotlineReportView> ReportAsync(HttpClient client, string period, HotlineBreakdown by = HotlineBreakdown.None, int? minCount = null)
    {
        var response = await client.GetAsync($"/api/v1/hotline/report?period={Uri.EscapeDataString(period)}&by={by}{(minCount is { } m ? $"&minCount={m}" : "")}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<HotlineReportView>();
    }

    private static decimal? Figure(HotlineReportRow row, HotlineIndicatorId id) => row.Figures.Single(f => f.Id == id).Value;

    /// <summary>
    /// The week of 23 November: five orders taken in (A answered on the spot; C, D, E, F dispatched), D returned by the
    /// town and re-dispatched, F urgent and late at both ends and closed by the center without a callback, E signed late.
    /// </summary>
    private async Task<(Guid Market, Guid Town, WorkOrderView D)> BuildWeekAsync()
    {
        _app.Clock.Set(Bj(11, 23, 9)); // Monday
        var hotline = await _app.SignedIn("hotline");
        var town = await _app.SignedIn(HotlineSeed.TownUserName);
        var market = await _app.SignedIn("reviewer.sj");
        var townId = await UnitAsync(hotline, Town);
        var marketId = await UnitAsync(hotline, Market);

        var a = await RegisterAsync(hotline, Call("咨询营业执照办理地点", type: WorkOrderType.Consultation));
        await OkAsync(ActAsync(hotline, a, "answer", new AnswerRequest(a.Revision, "政务服务中心一楼市场监管窗口")));

        // C: dispatched, signed in time, replied, accepted, the caller satisfied and the matter resolved.
        var c = await RegisterAsync(hotline, Call("早餐店卫生差"));
        c = await OkAsync(ActAsync(hotline, c, "dispatch", new DispatchRequest(c.Revision, marketId)));
        c = await OkAsync(ActAsync(market, c, "sign", new RevisionRequest(c.Revision)));
        c = await OkAsync(ActAsync(market, c, "reply", new ReplyRequest(c.Revision, ReplyResult.Resolved, "已责令整改")));
        c = await OkAsync(ActAsync(hotline, c, "review", new ReviewRequest(c.Revision, true)));
        await OkAsync(ActAsync(hotline, c, "callback", new CallbackRequest(c.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied)));

        // D: to the town, returned, re-dispatched to the market, signed, replied, accepted, unsatisfied and reopened.
        var d = await RegisterAsync(hotline, Call("无证经营"));
        d = await OkAsync(ActAsync(hotline, d, "dispatch", new DispatchRequest(d.Revision, townId)));
        d = await OkAsync(ActAsync(town, d, "return", new ReasonRequest(d.Revision, "属市场监管职责")));
        d = await OkAsync(ActAsync(hotline, d, "rule", new RuleRequest(d.Revision, ReturnRuling.Redispatch, marketId, "改派市场监管局")));
        d = await OkAsync(ActAsync(market, d, "sign", new RevisionRequest(d.Revision)));
        d = await OkAsync(ActAsync(market, d, "reply", new ReplyRequest(d.Revision, ReplyResult.Resolved, "已查处")));
        d = await OkAsync(ActAsync(hotline, d, "review", new ReviewRequest(d.Revision, true)));
        d = await OkAsync(ActAsync(hotline, d, "callback", new CallbackRequest(d.Revision, CallbackMethod.Phone, false, Satisfaction.Unsatisfied, "仍在经营")));
        d = await OkAsync(ActAsync(hotline, d, "reopen", new ReasonRequest(d.Revision, "请复查")));

        // E: dispatched Monday, signed Wednesday (late: the limit ended Tuesday night), replied in time, fairly satisfied, not resolved.
        var e = await RegisterAsync(hotline, Call("路灯不亮", category: "HJ.01"));
        e = await OkAsync(ActAsync(hotline, e, "dispatch", new DispatchRequest(e.Revision, marketId)));

        // F: urgent (2 hours to sign, 24 to handle), signed at noon and replied Tuesday 10:00, both late; closed by the center.
        var f = await RegisterAsync(hotline, Call("燃气泄漏气味", category: "HJ.01") with { Urgency = WorkOrderUrgency.Urgent });
        f = await OkAsync(ActAsync(hotline, f, "dispatch", new DispatchRequest(f.Revision, marketId)));
        _app.Clock.Set(Bj(11, 23, 12));
        f = await OkAsync(ActAsync(market, f, "sign", new RevisionRequest(f.Revision)));

        _app.Clock.Set(Bj(11, 24, 10));
        hotline = await _app.SignedIn("hotline");
        market = await _app.SignedIn("reviewer.sj");
        f = await OkAsync(ActAsync(market, f, "reply", new ReplyRequest(f.Revision, ReplyResult.Resolved, "已关闭阀门")));
        f = await OkAsync(ActAsync(hotline, f, "review", new ReviewRequest(f.Revision, true)));
        await OkAsync(ActAsync(hotline, f, "close", new NoteRequest(f.Revision, "来电人电话无法接通，经核实已处置")));

        _app.Clock.Set(Bj(11, 25, 10));
        hotline = await _app.SignedIn("hotline");
        market = await _app.SignedIn("reviewer.sj");
        e = await OkAsync(ActAsync(market, e, "sign", new RevisionRequest(e.Revision)));
        Assert.True(e.SignedLate);
        e = await OkAsync(ActAsync(market, e, "reply", new ReplyRequest(e.Revision, ReplyResult.Explained, "已报修")));
        e = await OkAsync(ActAsync(hotline, e, "review", new ReviewRequest(e.Revision, true)));
        await OkAsync(ActAsync(hotline, e, "callback", new CallbackRequest(e.Revision, CallbackMethod.Sms, false, Satisfaction.FairlySatisfied)));
        return (marketId, townId, d);
    }

    [Fact]
    public async Task Each_indicator_of_a_hand_built_week_is_what_its_formula_gives()
    {
        var (market, town, _) = await BuildWeekAsync();
        var report = await ReportAsync(await _app.SignedIn("leader"), Week);
        var t = report.Total;
        // 受理量: A, C, D, E, F.
        Assert.Equal(5m, Figure(t, HotlineIndicatorId.Received));
        // 直接办结率: A of five.
        Assert.Equal(20.00m, Figure(t, HotlineIndicatorId.DirectRate));
        // 按时签收率: C and D in time, E and F late.
        Assert.Equal(50.00m, Figure(t, HotlineIndicatorId.SignOnTimeRate));
        // 按时办结率: C, E and F concluded; F's reply came after its 24 hours.
        Assert.Equal(66.67m, Figure(t, HotlineIndicatorId.ConcludeOnTimeRate));
        // 回访率: four replies accepted (C, D, E, F), three called back (F closed without).
        Assert.Equal(75.00m, Figure(t, HotlineIndicatorId.CallbackRate));
        // 满意率: C satisfied and E fairly satisfied of the three callbacks.
        Assert.Equal(66.67m, Figure(t, HotlineIndicatorId.SatisfactionRate));
        // 解决率: only C's caller says resolved.
        Assert.Equal(33.33m, Figure(t, HotlineIndicatorId.ResolutionRate));
        // 重办率: D reopened, of three callbacks.
        Assert.Equal(33.33m, Figure(t, HotlineIndicatorId.ReopenRate));
        // 退单率: one return of five dispatches (C, D to the town, D again to the market, E, F).
        Assert.Equal(20.00m, Figure(t, HotlineIndicatorId.ReturnRate));

        // By unit: the town had one dispatch and returned it; the market had four, signed two of them in time.
        var byUnit = await ReportAsync(await _app.SignedIn("leader"), Week, HotlineBreakdown.Unit);
        var townRow = byUnit.Rows.Single(r => r.Key == town.ToString("D"));
        Assert.Equal(Town, townRow.Name);
        Assert.Equal((1, 1), (townRow.Counts["Dispatched"], townRow.Counts["Returned"]));
        Assert.Equal(100.00m, Figure(townRow, HotlineIndicatorId.ReturnRate));
        var marketRow = byUnit.Rows.Single(r => r.Key == market.ToString("D"));
        Assert.Equal(50.00m, Figure(marketRow, HotlineIndicatorId.SignOnTimeRate));
        Assert.Equal(4, marketRow.Counts["Dispatched"]);
        // Every order is taken in before any unit has it.
        Assert.Equal(5, byUnit.Rows.Single(r => r.Key == "").Counts["Received"]);
        // Each breakdown sums to the same total.
        foreach (var by in Enum.GetValues<HotlineBreakdown>())
        {
            var r = await ReportAsync(await _app.SignedIn("leader"), Week, by);
            Assert.Equal(t.Counts, r.Total.Counts);
        }
        // 环比: the week before had nothing, so a count has no percentage and a rate no points.
        Assert.Null(t.Figures.Single(f => f.Id == HotlineIndicatorId.Received).OnPrevious);
    }

    [Fact]
    public async Task The_counts_open_their_orders_and_the_brief_names_the_notable_ones()
    {
        var (market, _, d) = await BuildWeekAsync();
        var leader = await _app.SignedIn("leader");
        async Task<HotlineOrdersPage> Orders(string query) => await (await leader.GetAsync("/api/v1/hotline/report/orders?" + query)).ReadAsync<HotlineOrdersPage>();
        Assert.Equal(5, (await Orders($"period={Week}&measure=Received")).Items.Count);
        var reopened = await Orders($"period={Week}&measure=Reopened&by=Unit&key={market:D}");
        Assert.Equal(d.Number, Assert.Single(reopened.Items).Order.Number);
        var hj = await Orders($"period={Week}&measure=Received&by=Category&key=HJ.01");
        Assert.Equal(2, hj.Items.Count);
        var bad = await leader.GetAsync($"/api/v1/hotline/report/orders?period={Week}&measure=SignedForOnTime");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var brief = await (await leader.GetAsync("/api/v1/hotline/report/brief?month=2026-11")).ReadAsync<HotlineBriefView>();
        Assert.Equal(d.Number, Assert.Single(brief.Reopened).Order.Number);
        Assert.Equal(d.Number, Assert.Single(brief.Unsatisfied).Order.Number);
        Assert.Equal(5, brief.Total.Counts["Received"]);
        // The market concluded on time 2 of 3 (66.67 %); the town concluded nothing and comes after it.
        Assert.Equal(market.ToString("D"), brief.Units[0].UnitId);
        Assert.Equal(66.67m, brief.Units[0].ConcludeOnTimeRate);

        var page = await leader.GetAsync("/hotline/report/brief?month=2026-11");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("呈 阅 件", html, StringComparison.Ordinal);
        Assert.Contains(d.Number, html, StringComparison.Ordinal);
        var reportPage = await (await leader.GetAsync($"/hotline/report?period={Week}&by=Unit")).Content.ReadAsStringAsync();
        Assert.Contains(Market, reportPage, StringComparison.Ordinal);
        Assert.Contains("/hotline/report/orders?period=", reportPage, StringComparison.Ordinal);
        // A window clerk sees neither.
        var clerk = await _app.SignedIn("clerk.mz");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/v1/hotline/report?period={Week}")).StatusCode);
    }

    [Fact]
    public async Task Hot_topics_are_the_categories_and_places_that_rose_most_with_at_least_the_minimum_count()
    {
        _app.Clock.Set(Bj(11, 22, 9)); // Sunday: one order on the roads
        var hotline = await _app.SignedIn("hotline");
        await RegisterAsync(hotline, Call("路面坑洼", category: "HJ.01"));
        _app.Clock.Set(Bj(11, 23, 9)); // Monday: three on the roads, one on food
        hotline = await _app.SignedIn("hotline");
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(hotline, Call($"路面坑洼 {i}", category: "HJ.01"));
        }
        await RegisterAsync(hotline, Call("食品过期"));
        var report = await ReportAsync(await _app.SignedIn("leader"), "2026-11-23", minCount: 2);
        var hot = Assert.Single(report.HotCategories);
        Assert.Equal(("HJ.01", 3L, 1L, 2L, 200.00m), (hot.Key, hot.Count, hot.Previous, hot.Rise, hot.RisePercent));
        var place = Assert.Single(report.HotPlaces);
        Assert.Equal(("431025100001", 4L, 1L), (place.Key, place.Count, place.Previous));
        Assert.Equal("431025100000", Assert.Single(report.HotTowns).Key);
        // With a minimum of five nothing is a trend.
        Assert.Empty((await ReportAsync(await _app.SignedIn("leader"), "2026-11-23", minCount: 5)).HotCategories);
    }

    [Fact]
    public async Task The_excel_export_reads_back_with_the_same_figures()
    {
        await BuildWeekAsync();
        var leader = await _app.SignedIn("leader");
        var report = await ReportAsync(leader, Week, HotlineBreakdown.Unit);
        var response = await leader.GetAsync($"/api/v1/hotline/report/xlsx?period={Week}&by=Unit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        await using var part = await zip.GetEntry("xl/worksheets/sheet1.xml")!.OpenAsync(CancellationToken.None);
        var sheet = XDocument.Load(part);
        var rows = sheet.Descendants(ns + "row").Select(r => r.Elements(ns + "c").ToDictionary(
            c => new string([.. ((string)c.Attribute("r")!).TakeWhile(char.IsLetter)]),
            c => c.Attribute("t")?.Value == "inlineStr" ? string.Concat(c.Descendants(ns + "t").Select(x => x.Value)) : c.Element(ns + "v")?.Value)).ToList();
        Assert.Equal("受理量（件）", rows[0]["C"]);
        Assert.Equal(report.Rows.Count + 2, rows.Count);
        foreach (var (row, cells) in report.Rows.Append(report.Total).Zip(rows.Skip(1)))
        {
            Assert.Equal(row.Name, cells["A"]);
            for (var k = 0; k < row.Figures.Count; k++)
            {
                var column = OneWindow.Web.Infrastructure.Xlsx.Column(2 + 3 * k);
                Assert.Equal(row.Figures[k].Value, cells.TryGetValue(column, out var v) && v is not null ? decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null);
            }
        }
    }

    [Fact]
    public async Task Random_order_histories_keep_figures_equal_to_a_recount_of_the_orders_events()
    {
        var random = new Random(20261205);
        // From Sunday 29 November: the history runs into December, so that month rows and part-months are both read.
        _app.Clock.Set(Bj(11, 29, 9));
        var hotline = await _app.SignedIn("hotline");
        var town = await _app.SignedIn(HotlineSeed.TownUserName);
        var market = await _app.SignedIn("reviewer.sj");
        var units = new Dictionary<Guid, Func<HttpClient>> { [await UnitAsync(hotline, Town)] = () => town, [await UnitAsync(hotline, Market)] = () => market };
        var unitIds = units.Keys.ToList();
        var categories = new[] { "SC.01", "HJ.01" };
        var channels = new[] { WorkOrderChannel.Phone, WorkOrderChannel.Letter, WorkOrderChannel.Email };
        var open = new List<WorkOrderView>();
        for (var step = 0; step < 80; step++)
        {
            if (step % 20 == 19)
            {
                // A later day (a sign-in lasts eight hours).
                _app.Clock.Advance(TimeSpan.FromHours(random.Next(20, 60)));
                hotline = await _app.SignedIn("hotline");
                town = await _app.SignedIn(HotlineSeed.TownUserName);
                market = await _app.SignedIn("reviewer.sj");
            }
            if (open.Count < 3 || random.Next(4) == 0)
            {
                open.Add(await RegisterAsync(hotline, Call($"随机工单 {step}", category: categories[random.Next(2)],
                    type: random.Next(2) == 0 ? WorkOrderType.Complaint : WorkOrderType.Help) with
                { Channel = channels[random.Next(3)], RegionCode = random.Next(2) == 0 ? "431025100001" : "431025100000" }));
                continue;
            }
            var i = random.Next(open.Count);
            var o = open[i];
            var lead = o.LeadUnitId is { } l ? units[l]() : null;
            Task<HttpResponseMessage>? act = o.Status switch
            {
                WorkOrderStatus.Registered => random.Next(5) == 0
                    ? ActAsync(hotline, o, "answer", new AnswerRequest(o.Revision, "当场答复"))
                    : ActAsync(hotline, o, "dispatch", new DispatchRequest(o.Revision, unitIds[random.Next(2)])),
                WorkOrderStatus.Dispatched when !o.AssignedByRuling && random.Next(3) == 0 => ActAsync(lead!, o, "return", new ReasonRequest(o.Revision, "不属本单位职责")),
                WorkOrderStatus.Dispatched => ActAsync(lead!, o, "sign", new RevisionRequest(o.Revision)),
                WorkOrderStatus.ReturnRequested => ActAsync(hotline, o, "rule", new RuleRequest(o.Revision, ReturnRuling.AssignByRuling, unitIds[random.Next(2)], "指定承办")),
                WorkOrderStatus.Handling => ActAsync(lead!, o, "reply", new ReplyRequest(o.Revision, (ReplyResult)random.Next(1, 3), "已处理")),
                WorkOrderStatus.Replied => ActAsync(hotline, o, "review", random.Next(4) == 0 ? new ReviewRequest(o.Revision, false, "请补充") : new ReviewRequest(o.Revision, true)),
                WorkOrderStatus.AwaitingCallback => random.Next(6) == 0
                    ? ActAsync(hotline, o, "close", new NoteRequest(o.Revision, "无法联系"))
                    : ActAsync(hotline, o, "callback", new CallbackRequest(o.Revision, CallbackMethod.Phone, random.Next(2) == 0, (Satisfaction)random.Next(1, 4))),
                WorkOrderStatus.Unsatisfied => random.Next(2) == 0
                    ? ActAsync(hotline, o, "reopen", new ReasonRequest(o.Revision, "重办"))
                    : ActAsync(hotline, o, "close", new NoteRequest(o.Revision, "已尽力")),
                _ => null,
            };
            if (act is null)
            {
                open.RemoveAt(i);
                continue;
            }
            open[i] = await OkAsync(act);
        }

        using var scope = _app.Services.CreateScope();
        var check = scope.ServiceProvider.GetRequiredService<CheckHotlineFigures>();
        var (from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
        var result = await check.RunAsync(from, to, repair: false, CancellationToken.None);
        Assert.True(result.Agrees, string.Join("\n", result.Differences.Take(10).Select(d => $"{d.Key}: kept [{d.Kept}] counted [{d.Counted}]")));
        Assert.True(result.OrdersRead > 10 && result.RowsCompared > 10, $"{result.OrdersRead} orders, {result.RowsCompared} rows");

        // The totals once more from the orders themselves, with a query of the test's own.
        var db = _app.NewDbContext(out var s2);
        using (s2)
        {
            var registered = await db.Set<WorkOrder>().CountAsync();
            var answered = await db.Set<WorkOrder>().CountAsync(w => w.Status == WorkOrderStatus.AnsweredOnTheSpot);
            var report = await ReportAsync(await _app.SignedIn("leader"), "2026-11-01..2026-12-31");
            Assert.Equal((registered, answered), ((int)report.Total.Counts["Received"], (int)report.Total.Counts["AnsweredOnTheSpot"]));
            var reopens = await db.Set<WorkOrder>().SumAsync(w => w.ReopenCount);
            var returns = await db.Set<WorkOrder>().SumAsync(w => w.ReturnCount);
            Assert.Equal((reopens, returns), ((int)report.Total.Counts["Reopened"], (int)report.Total.Counts["Returned"]));

            // The report reads whole months from the month rows and part-months from the day rows (ADR 0040): every
            // period agrees with the day rows alone, summed here.
            Assert.True(await db.Set<DailyHotlineFigure>().AnyAsync(f => f.Day.Month == 12), "the history reaches December");
            var leader = await _app.SignedIn("leader");
            foreach (var (first, last) in new[] { (from, to), (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2)),
                (new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 31)), (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)) })
            {
                var byTown = await ReportAsync(leader, $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", HotlineBreakdown.Town);
                var days = await db.Set<DailyHotlineFigure>().Where(f => f.Dimension == HotlineDimension.Town && f.Day >= first && f.Day <= last)
                    .GroupBy(f => f.Member).Select(g => new { g.Key, Received = g.Sum(f => f.Received), Dispatched = g.Sum(f => f.Dispatched), Concluded = g.Sum(f => f.Concluded) })
                    .ToListAsync();
                Assert.Equal(
                    days.Where(d => d.Received + d.Dispatched + d.Concluded > 0).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Received, d.Dispatched, d.Concluded)),
                    byTown.Rows.Where(r => r.Counts["Received"] + r.Counts["Dispatched"] + r.Counts["Concluded"] > 0).OrderBy(r => r.Key, StringComparer.Ordinal)
                        .Select(r => (r.Key, r.Counts["Received"], r.Counts["Dispatched"], r.Counts["Concluded"])));
            }

            // A day row put wrong is found, and repaired (its month row with it, which was right, stays right).
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DailyHotlineFigures\" SET \"Received\" = \"Received\" + 7 WHERE \"Dimension\" = 3");
        }
        var wrong = await check.RunAsync(from, to, repair: true, CancellationToken.None);
        Assert.False(wrong.Agrees);
        Assert.True(wrong.Repaired);
        Assert.NotEmpty(wrong.Differences);
        Assert.Empty(wrong.MonthDifferences);
        Assert.True((await check.RunAsync(from, to, repair: false, CancellationToken.None)).Agrees);

        // A month row put wrong alone is found as a month, and repaired; a check of a part-month checks the whole month.
        db = _app.NewDbContext(out var s3);
        using (s3)
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"MonthlyHotlineFigures\" SET \"Received\" = \"Received\" + 5 WHERE \"Dimension\" = 5 AND \"Month\" = {0}", new DateOnly(2026, 12, 1));
        }
        var month = await check.RunAsync(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), repair: true, CancellationToken.None);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (month.From, month.To));
        Assert.Empty(month.Differences);
        Assert.NotEmpty(month.MonthDifferences);
        Assert.All(month.MonthDifferences, d => Assert.Equal(new DateOnly(2026, 12, 1), d.Key.Day));
        Assert.True((await check.RunAsync(from, to, repair: false, CancellationToken.None)).Agrees);
    }
}
