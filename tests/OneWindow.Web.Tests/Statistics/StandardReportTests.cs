using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The standard reports (ADR 0033): the report page's table as Excel read back with the API's figures; the work report
/// and the monthly bulletin against hand-built months whose figures are worked out here, as JSON, page and Excel; and
/// the readiness figures of a hand-built county, town and villages.
/// </summary>
public sealed class StandardReportTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<List<List<string>>> SheetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return XlsxReader.Rows(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static string Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "—" : value.GetDecimal().ToString(CultureInfo.InvariantCulture);

    /// <summary>Sunday 22 November 2026: three instant items concluded at the 民政 window, one 不动产 application in hand at the comprehensive window, one taken in at 汾市镇's hall.</summary>
    private async Task BuildNovemberAsync()
    {
        var mz = await _app.SignedIn("clerk.mz");
        for (var n = 0; n < 3; n++)
        {
            await CaseApi.Act(mz, await CaseApi.Register(mz, "431025-MZ-004", "甲" + n), "conclude-instantly", new { resultNumber = "J-" + n });
        }
        var clerk = await _app.SignedIn("clerk");
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-BDC-001", "乙"), "accept", new { });
        await CaseApi.Register(await _app.SignedIn("clerk.town"), "431025-GA-002", "丙");
        await _app.SettleFiguresAsync();
    }

    [Fact]
    public async Task The_report_table_downloads_as_Excel_with_the_same_rows_and_figures_as_the_API()
    {
        await BuildNovemberAsync();
        var leader = await _app.SignedIn("leader");
        const string choices = "period=2026-11&by=Department&indicators=Received,Concluded,InHand,OnTimeRate,InstantShare";
        var json = await JsonAsync(leader, "/api/v1/statistics/report?" + choices);
        var sheet = await SheetAsync(leader, "/api/v1/statistics/report.xlsx?" + choices);

        Assert.Equal(["按部门", "受理量（件）", "办结量（件）", "在办量（件）", "按期办结率（%）", "即办件比例（%）"], sheet[0]);
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count); // 民政, 不动产, 公安 (taken in by the town for it)
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(rows[r].GetProperty("label").GetString(), sheet[r + 1][0]);
            Assert.Equal(rows[r].GetProperty("figures").EnumerateArray().Select(f => Number(f.GetProperty("value"))), sheet[r + 1].Skip(1));
        }
        // The total, worked out by hand: 5 received, 3 concluded, 2 in hand, all 3 decided on time, 3 of 5 instant.
        Assert.Equal(["合计", "5", "3", "2", "100", "60"], sheet[rows.Count + 1]);
        Assert.StartsWith("环比（2026-10）", sheet[rows.Count + 2][0], StringComparison.Ordinal);
        Assert.StartsWith("同比（2025-11）", sheet[rows.Count + 3][0], StringComparison.Ordinal);

        // The page links its table's export with its own choices; a wrong choice is the API's 400.
        var page = await leader.GetStringAsync("/statistics?period=2026-11&by=Department&indicators=Received&indicators=Concluded");
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "href=\"(/api/v1/statistics/report\\.xlsx\\?[^\"]+)\"").Groups[1].Value);
        var fromPage = await SheetAsync(leader, link);
        Assert.Equal(["按部门", "受理量（件）", "办结量（件）"], fromPage[0]);
        Assert.Equal(["合计", "5", "3"], fromPage[rows.Count + 1]);
        Assert.Contains("/statistics/work-report", page, StringComparison.Ordinal);
        Assert.Contains("/statistics/bulletin", page, StringComparison.Ordinal);
        // The quick choices keep the breakdown: last quarter of 22 November 2026 is 2026-Q3.
        Assert.Contains("/statistics?period=2026-Q3&amp;by=Department&amp;indicators=Received&amp;indicators=Concluded", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/api/v1/statistics/report.xlsx?period=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignedIn("clerk.mz")).GetAsync("/api/v1/statistics/report.xlsx?period=2026-11")).StatusCode);
    }

    [Fact]
    public async Task The_work_report_of_a_quarter_gives_the_seeds_figures_the_ranking_and_the_towns_as_json_page_and_Excel()
    {
        await BuildNovemberAsync();
        var leader = await _app.SignedIn("leader");
        var work = await JsonAsync(leader, "/api/v1/statistics/work-report?period=2026-Q4");
        Assert.Equal("临武县政务服务中心", work.GetProperty("place").GetString());
        Assert.Equal(("2026-Q3", "2025-Q4"), (work.GetProperty("previous").GetProperty("name").GetString(), work.GetProperty("yearBefore").GetProperty("name").GetString()));
        var ids = work.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        var totals = work.GetProperty("totals").GetProperty("figures").EnumerateArray().ToList();
        decimal? Total(string id) => totals[ids.IndexOf(id)].GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
        // Worked out by hand: 5 received, 3 concluded (60 %), all on time, 3 of 5 instant (60 %), none online; the instant
        // items' limits are 0, so there is no compression to speak of (no statutory days: —).
        Assert.Equal((5m, 3m, 2m, 60m, 100m, 60m, 0m), (Total("Received"), Total("Concluded"), Total("InHand"), Total("ConclusionRate"), Total("OnTimeRate"), Total("InstantShare"), Total("OnlineShare")));
        Assert.Null(Total("PromiseCompression"));

        // Departments by volume: 民政 3, then 不动产 and 公安 with 1 each (by name); by on-time rate 民政 (100 %) first, the others have decided nothing.
        var departments = work.GetProperty("departments");
        var byVolume = departments.GetProperty("byVolume").EnumerateArray().Select(r => r.GetProperty("label").GetString()!).ToList();
        Assert.Equal("临武县民政局", byVolume[0]);
        Assert.Equal(3, byVolume.Count);
        Assert.Equal("临武县民政局", departments.GetProperty("byOnTime")[0].GetProperty("label").GetString());
        // Towns: the county center's own (its region is the county) and 汾市镇 with one.
        var towns = work.GetProperty("towns").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("figures")[0].GetProperty("value").GetDecimal());
        Assert.Equal(1m, towns[DemoCounty.FenshiTown]);
        Assert.Equal(4m, towns["431025000000"]);
        // The readiness figures of the county are part of it.
        Assert.True(work.GetProperty("readiness").GetProperty("total").GetProperty("windows").GetInt32() > 0);

        // The Excel has the same headline figures and ranking.
        var sheet = await SheetAsync(leader, "/api/v1/statistics/work-report.xlsx?period=2026-Q4");
        Assert.Equal("临武县政务服务中心 2026年第4季度工作报告", sheet[0][0]);
        Assert.Equal(["受理量（件）", "5"], sheet.First(r => r.Count > 0 && r[0] == "受理量（件）").Take(2));
        Assert.Equal(["办结率（%）", "60"], sheet.First(r => r.Count > 0 && r[0] == "办结率（%）").Take(2));
        var ranking = sheet.FindIndex(r => r.Count > 0 && r[0] == "二、部门排名（按受理量）");
        Assert.Equal(["1", "临武县民政局", "3"], sheet[ranking + 2].Take(3));
        Assert.Contains(sheet, r => r.Count > 1 && r[0] == "汾市镇" && r[1] == "1");

        // The printable page says it in words, and a town's own report is for its region.
        var page = await leader.GetStringAsync("/statistics/work-report?period=2026-Q4");
        Assert.Contains("2026年第4季度政务服务工作报告", page, StringComparison.Ordinal);
        Assert.Contains("共受理各类事项 5 件，办结 3 件，办结率 60.00%", page, StringComparison.Ordinal);
        Assert.Contains("/api/v1/statistics/work-report.xlsx?period=2026-Q4", page, StringComparison.Ordinal);
        var town = await JsonAsync(leader, "/api/v1/statistics/work-report?period=2026-Q4&region=431025106");
        Assert.Equal("汾市镇", town.GetProperty("place").GetString());
        Assert.Equal(1m, town.GetProperty("totals").GetProperty("figures")[0].GetProperty("value").GetDecimal());

        // Only a month, quarter or year; the page keeps what was typed; the clerks may not read it.
        var week = await leader.GetAsync("/api/v1/statistics/work-report?period=2026-W47");
        Assert.Equal(HttpStatusCode.BadRequest, week.StatusCode);
        Assert.Contains("statistics.work-report-period", await week.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrong = await leader.GetStringAsync("/statistics/work-report?period=2026-W47");
        Assert.Contains("工作报告按月", wrong, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-W47\"", wrong, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignedIn("clerk.mz")).GetAsync("/api/v1/statistics/work-report?period=2026-Q4")).StatusCode);
    }

    [Fact]
    public async Task The_fees_are_kept_by_fee_item_as_paid_and_shown_in_the_work_report_as_json_page_and_Excel()
    {
        // Two 不动产 registrations in November 2026 (登记费 80 and 工本费 10): one pays the standard 90 yuan, one a reduced 45
        // (40 and 5, a reason recorded).
        var clerk = await _app.SignedIn("clerk");
        var approver = await _app.SignedIn("approver.bdc");
        foreach (var (amount, reason, lines) in new (decimal, string?, decimal[]?)[] { (90m, null, null), (45m, "困难群众减半收取", [40m, 5m]) })
        {
            var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-BDC-001", "缴费人" + amount), "accept", new { });
            c = await CaseApi.Act(approver, c, "complete-node", new { opinion = "权属清楚" });
            c = await CaseApi.Act(approver, c, "decide", new { outcome = "Grant" });
            c = await CaseApi.Act(clerk, c, "pay", new { amount, receiptNumber = "湘财通字 " + amount, reason, feeLines = lines });
            Assert.Equal(lines ?? [80m, 10m], c.Fees.Select(f => f.PaidAmount ?? -1));
        }
        var leader = await _app.SignedIn("leader");
        var fees = (await JsonAsync(leader, "/api/v1/statistics/fees?period=2026-11")).EnumerateArray().ToList();
        Assert.Equal([("431025-BDC-001", 2L, 120m, 0m), ("431025-BDC-001", 2L, 15m, 0m)],
            fees.Select(f => (f.GetProperty("itemCode").GetString(), f.GetProperty("payments").GetInt64(), f.GetProperty("amount").GetDecimal(), f.GetProperty("previousAmount").GetDecimal())));
        var feeName = fees[0].GetProperty("feeName").GetString()!;
        Assert.Empty((await JsonAsync(leader, "/api/v1/statistics/fees?period=2026-11&region=431025106")).EnumerateArray()); // none paid at 汾市镇
        Assert.Empty((await JsonAsync(leader, "/api/v1/statistics/fees?period=2026-10")).EnumerateArray());

        // The work report carries the same table: JSON, the page's 收费项目 section, and the workbook's.
        var work = await JsonAsync(leader, "/api/v1/statistics/work-report?period=2026-Q4");
        Assert.Equal([120m, 15m], work.GetProperty("fees").EnumerateArray().Select(f => f.GetProperty("amount").GetDecimal()));
        var page = await leader.GetStringAsync("/statistics/work-report?period=2026-Q4");
        Assert.Contains("五、收费项目", page, StringComparison.Ordinal);
        Assert.Contains(feeName, page, StringComparison.Ordinal);
        Assert.Contains("120.00", page, StringComparison.Ordinal);
        var sheet = await SheetAsync(leader, "/api/v1/statistics/work-report.xlsx?period=2026-Q4");
        var section = sheet.FindIndex(r => r.Count > 0 && r[0] == "六、收费项目");
        Assert.Equal(["431025-BDC-001", sheet[section + 2][1], feeName, "2", "120"], sheet[section + 2].Take(5));
        Assert.Equal(["合计", "", "", "", "135"], sheet[section + 4].Take(5));
    }

    [Fact]
    public async Task A_past_periods_work_report_reads_the_readiness_of_its_last_months_end_snapshot_and_the_current_period_reads_the_organization_now()
    {
        var sweep = _app.Services.GetRequiredService<ReadinessSnapshotSweep>();
        var admin = await _app.SignedIn("admin");
        var leader = await _app.SignedIn("leader");
        Guid county;
        int venues;
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            county = await db.Venues.Where(v => v.Tier == VenueTier.CountyCenter).Select(v => v.Id).FirstAsync();
            venues = await db.Venues.CountAsync();
        }
        async Task<int> Windows(string period) => (await JsonAsync(leader, "/api/v1/statistics/work-report?period=" + period)).GetProperty("readiness").GetProperty("total").GetProperty("windows").GetInt32();
        async Task AddWindow(string number) => Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/org/windows",
            new WindowRequest(county, number, "新增窗口" + number, WindowKind.Comprehensive, WindowCategory.SocialAffairs), Json.Options)).StatusCode);

        // 22 November: the first pass closes October with every venue's counts; a second pass writes nothing.
        var october = await Windows("2026-10"); // no snapshot yet: the organization as it stands
        Assert.Equal(venues, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));

        // A window opens in November; on 1 December (Beijing) two instances sweep at once: November is written once.
        await AddWindow("Z1");
        _app.Clock.Set(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero)); // 01:00 on 1 December in Beijing
        var passes = await Task.WhenAll(sweep.RunOnceAsync(CancellationToken.None), sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(venues, passes.Sum());
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindowDbContext>();
            Assert.Equal(venues, await db.Set<ReadinessSnapshot>().CountAsync(x => x.Month == new DateOnly(2026, 11, 1)));
            Assert.Equal(venues, await db.Set<ReadinessSnapshot>().CountAsync(x => x.Month == new DateOnly(2026, 10, 1)));
        }

        // Another window in December: October and November read their snapshots, December (the current month) the organization now.
        admin = await _app.SignedIn("admin");
        leader = await _app.SignedIn("leader");
        await AddWindow("Z2");
        Assert.Equal((october, october + 1, october + 2), (await Windows("2026-10"), await Windows("2026-11"), await Windows("2026-12")));
        var november = await JsonAsync(leader, "/api/v1/statistics/work-report?period=2026-11");
        Assert.Equal("2026-11-01", november.GetProperty("readiness").GetProperty("snapshotMonth").GetString());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(leader, "/api/v1/statistics/work-report?period=2026-12")).GetProperty("readiness").GetProperty("snapshotMonth").ValueKind);
        Assert.Contains("按 2026-11 月末快照计。", await leader.GetStringAsync("/statistics/work-report?period=2026-11"), StringComparison.Ordinal);
        Assert.Contains("按组织现状计。", await leader.GetStringAsync("/statistics/work-report?period=2026-12"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_bulletin_ranks_the_windows_and_departments_with_their_cards_complaints_and_bad_ratings_from_the_kept_figures()
    {
        await BuildNovemberAsync();
        Guid a04, bdc;
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            a04 = await db.Windows.Where(w => w.Number == "A04").Select(w => w.Id).SingleAsync();
            bdc = await db.Departments.Where(d => d.Name == "临武县不动产登记中心").Select(d => d.Id).SingleAsync();
            var venue = await db.Windows.Where(w => w.Id == a04).Select(w => w.VenueId).SingleAsync();
            // What supervision and the ratings kept for the comprehensive window on 10 November (ADR 0030's rows): a yellow
            // and a red card, an upheld complaint, two bad ratings of which one rectified.
            db.Add(new DailyServiceFigure
            {
                Day = new DateOnly(2026, 11, 10), DepartmentId = bdc, ItemCode = "431025-BDC-001", VenueId = venue, WindowId = a04, Channel = Domain.Cases.CaseChannel.Window,
                RegionCode = "431025000000", YellowCards = 1, RedCards = 1, ComplaintsUpheld = 1, RatedDissatisfied = 2, BadRatings = 2, BadRectified = 1, RatedVerySatisfied = 2,
            });
            await db.SaveChangesAsync();
        }
        var leader = await _app.SignedIn("leader");
        var bulletin = await JsonAsync(leader, "/api/v1/statistics/bulletin?period=2026-11");
        var ids = bulletin.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        decimal? Of(JsonElement row, string id) => row.GetProperty("figures")[ids.IndexOf(id)].GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;
        var totals = bulletin.GetProperty("totals");
        Assert.Equal((5m, 1m, 1m, 1m, 4m, 2m, 50m, 50m), (Of(totals, "Received"), Of(totals, "YellowCards"), Of(totals, "RedCards"), Of(totals, "ComplaintsUpheld"),
            Of(totals, "Ratings"), Of(totals, "BadRatings"), Of(totals, "BadRatingRate"), Of(totals, "RectificationRate")));

        // Windows by volume: B01 民政窗口 (3), then the town hall's counter and A04 with 1 each; by on-time rate B01 (100 %) first.
        var windows = bulletin.GetProperty("windows");
        var byVolume = windows.GetProperty("byVolume").EnumerateArray().ToList();
        Assert.Equal("B01 民政窗口", byVolume[0].GetProperty("label").GetString());
        Assert.Equal(3m, Of(byVolume[0], "Received"));
        var comprehensive = byVolume.Single(r => r.GetProperty("key").GetString() == a04.ToString());
        Assert.Equal((1m, 1m, 1m, 2m, 50m), (Of(comprehensive, "Received"), Of(comprehensive, "YellowCards"), Of(comprehensive, "RedCards"), Of(comprehensive, "BadRatings"), Of(comprehensive, "RectificationRate")));
        Assert.Equal("B01 民政窗口", windows.GetProperty("byOnTime")[0].GetProperty("label").GetString());
        Assert.DoesNotContain(byVolume, r => r.GetProperty("key").GetString() == Guid.Empty.ToString());
        var department = bulletin.GetProperty("departments").GetProperty("byVolume").EnumerateArray().Single(r => r.GetProperty("key").GetString() == bdc.ToString());
        Assert.Equal((1m, 1m), (Of(department, "RedCards"), Of(department, "ComplaintsUpheld")));

        var sheet = await SheetAsync(leader, "/api/v1/statistics/bulletin.xlsx?period=2026-11");
        Assert.Equal("临武县政务服务中心 2026年11月窗口工作通报", sheet[0][0]);
        var first = sheet.FindIndex(r => r.Count > 0 && r[0] == "一、窗口排名（按受理量）");
        Assert.Equal(["1", "B01 民政窗口", "3"], sheet[first + 2].Take(3));
        var row = sheet.First(r => r.Count > 1 && r[1] == "A04 市场服务综合受理窗口");
        Assert.Equal(["1", "1"], row.Skip(2 + ids.IndexOf("YellowCards")).Take(2));

        var page = await leader.GetStringAsync("/statistics/bulletin?period=2026-11");
        Assert.Contains("2026年11月窗口工作通报", page, StringComparison.Ordinal);
        Assert.Contains("黄牌 1 张、红牌 1 张；效能投诉属实 1 件", page, StringComparison.Ordinal);
        var quarter = await leader.GetAsync("/api/v1/statistics/bulletin?period=2026-Q4");
        Assert.Contains("statistics.bulletin-period", await quarter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readiness_figures_of_a_hand_built_county_town_and_villages_are_the_figures_worked_out_by_hand()
    {
        // A county (999999) with a center, a town (999999101) with its hall and two village rooms.
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            async Task<string> UserAsync(string name, string role, params string[] items)
            {
                var user = new UserAccount { UserName = name, DisplayName = name };
                Assert.True((await users.CreateAsync(user, "OneWindow2026")).Succeeded);
                await users.AddToRoleAsync(user, role);
                foreach (var item in items)
                {
                    db.StaffItems.Add(new StaffItemAuthorization { UserId = user.Id, ItemCode = item });
                }
                return user.Id;
            }
            db.Regions.AddRange(
                new Region { Code = "999999000000", Name = "试验县", Level = RegionLevel.County, ParentCode = "990000000000" },
                new Region { Code = "999999101000", Name = "试验镇", Level = RegionLevel.Town, ParentCode = "999999000000" },
                new Region { Code = "999999101201", Name = "甲村", Level = RegionLevel.Village, ParentCode = "999999101000" },
                new Region { Code = "999999101202", Name = "乙村", Level = RegionLevel.Village, ParentCode = "999999101000" });
            Venue Venue(string name, VenueTier tier, string region)
            {
                var v = new Venue { Id = Guid.NewGuid(), Name = name, Tier = tier, RegionCode = region };
                db.Venues.Add(v);
                return v;
            }
            Window Window(Venue venue, string number, params string[] items)
            {
                var w = new Window { Id = Guid.NewGuid(), VenueId = venue.Id, Number = number, Name = "窗口" + number, Kind = WindowKind.Comprehensive };
                db.Windows.Add(w);
                db.WindowItems.AddRange(items.Select(i => new WindowItemAuthorization { WindowId = w.Id, ItemCode = i }));
                return w;
            }
            void Seat(string user, Window w) => db.Add(new StaffSeat { UserId = user, WindowId = w.Id, ChosenAt = _app.Clock.GetUtcNow().UtcDateTime });
            void List(Venue v, params (string Code, TierItemRole Role)[] lines) => db.AddRange(lines.Select(l => new VenueItem { VenueId = v.Id, ItemCode = l.Code, Role = l.Role }));

            // The center: W1 takes in two published items and one never published (not in the catalog, not counted), a clerk
            // sits there; W2 takes in a third, its approver sits there authorized for it; W3 takes in the first again, nobody sits.
            var center = Venue("试验县政务服务中心", VenueTier.CountyCenter, "999999000000");
            var w1 = Window(center, "1", "431025-MZ-001", "431025-MZ-004", "999999-NONE-001");
            var w2 = Window(center, "2", "431025-BDC-001");
            Window(center, "3", "431025-MZ-001");
            // The town hall: its list decides WJ-001, takes in GA-002, advises on BDC-001; its counter takes in WJ-001 and
            // BDC-001 (advice only: not counted), and its approver is authorized for WJ-001 but sits nowhere, its clerk at the counter.
            var hall = Venue("试验镇便民服务中心", VenueTier.TownHall, "999999101000");
            List(hall, ("431025-WJ-001", TierItemRole.Decide), ("431025-GA-002", TierItemRole.TakeIn), ("431025-BDC-001", TierItemRole.Advise));
            var counter = Window(hall, "1", "431025-WJ-001", "431025-BDC-001");
            // 甲村: takes in RS-002 at its counter, where its agent sits. 乙村: lists two, its counter is authorized for none and empty.
            var a = Venue("甲村便民服务站", VenueTier.VillageRoom, "999999101201");
            List(a, ("431025-RS-002", TierItemRole.TakeIn));
            var aCounter = Window(a, "1", "431025-RS-002");
            var b = Venue("乙村便民服务站", VenueTier.VillageRoom, "999999101202");
            List(b, ("431025-RS-002", TierItemRole.TakeIn), ("431025-WJ-002", TierItemRole.TakeIn));
            Window(b, "1");
            await db.SaveChangesAsync();

            Seat(await UserAsync("t.clerk", StaffRoles.WindowClerk, "431025-MZ-001", "431025-MZ-004"), w1);
            Seat(await UserAsync("t.approver", StaffRoles.Approver, "431025-BDC-001"), w2);
            Seat(await UserAsync("t.town", StaffRoles.WindowClerk, "431025-WJ-001"), counter);
            await UserAsync("t.townapprover", StaffRoles.Approver, "431025-WJ-001");
            Seat(await UserAsync("t.agent", StaffRoles.WindowClerk, "431025-RS-002"), aCounter);
            await db.SaveChangesAsync();
        }
        int catalog;
        db = _app.NewDbContext(out scope);
        using (scope)
        {
            catalog = await db.ServiceItemVersions.Where(v => v.Status == VersionStatus.Published).Select(v => v.ItemCode).Distinct().CountAsync();
        }
        Assert.True(catalog > 3);

        var leader = await _app.SignedIn("leader");
        var result = await (await leader.GetAsync("/api/v1/statistics/readiness?region=999999&level=9")).ReadAsync<ReadinessResult>();
        (int, int, int, int, int) Counts(ReadinessCounts c) => (c.ListedItems, c.ItemsTakenIn, c.ItemsDecided, c.Windows, c.WindowsStaffed);
        var venues = result.Venues.ToDictionary(v => v.Name);
        Assert.Equal((catalog, 3, 1, 3, 2), Counts(venues["试验县政务服务中心"].Counts));
        Assert.Equal((2, 1, 0, 1, 1), Counts(venues["试验镇便民服务中心"].Counts));
        Assert.Equal((1, 1, 0, 1, 1), Counts(venues["甲村便民服务站"].Counts));
        Assert.Equal((2, 0, 0, 1, 0), Counts(venues["乙村便民服务站"].Counts));
        // The town with its villages: 5 listed, 2 taken in (40 %), none decided (0 %), 3 windows of which 2 staffed (66.67 %).
        var town = result.Places.Single(p => p.RegionCode == "999999101000");
        Assert.Equal(("试验镇", 5, 2, 0m, 3, 2), (town.Name, town.Counts.ListedItems, town.Counts.ItemsTakenIn, town.Counts.AuthorizationRate!.Value, town.Counts.Windows, town.Counts.WindowsStaffed));
        Assert.Equal((40m, 66.67m), (town.Counts.ItemRate!.Value, town.Counts.StaffingRate!.Value));
        // The county: the center and the town; 授权到位率 1 of 5 taken in.
        Assert.Equal((catalog + 5, 5, 1, 6, 4), Counts(result.Total));
        Assert.Equal((20m, 66.67m), (result.Total.AuthorizationRate!.Value, result.Total.StaffingRate!.Value));

        // Seat the town's approver at the counter: the town decides WJ-001 there now (授权到位).
        db = _app.NewDbContext(out scope);
        using (scope)
        {
            var approver = await db.Users.Where(u => u.UserName == "t.townapprover").Select(u => u.Id).SingleAsync();
            var counter = await (from w in db.Windows join v in db.Venues on w.VenueId equals v.Id where v.Name == "试验镇便民服务中心" select w.Id).SingleAsync();
            db.Add(new StaffSeat { UserId = approver, WindowId = counter, ChosenAt = _app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var after = await (await leader.GetAsync("/api/v1/statistics/readiness?region=999999101&level=12")).ReadAsync<ReadinessResult>();
        Assert.Equal((5, 2, 1, 3, 2), Counts(after.Total));
        Assert.Equal(["999999101000", "999999101201", "999999101202"], after.Places.Select(p => p.RegionCode));
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.GetAsync("/api/v1/statistics/readiness?level=7")).StatusCode);
    }
}
