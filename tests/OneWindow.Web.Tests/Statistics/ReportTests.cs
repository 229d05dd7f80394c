using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// The indicators against a hand-built set of cases whose figures are worked out here, through the report API and
/// the report page; the period, 环比 and the breakdowns; who may ask; and what a wrong question answers.
/// </summary>
public class ReportTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_indicators_of_a_hand_built_day_month_and_late_conclusion_are_the_figures_worked_out_by_hand()
    {
        // Sunday 22 November 2026: four applications.
        var clerk = await app.SignedIn("clerk.mz");
        var a = await CaseApi.Register(clerk, "431025-MZ-001", "甲");                       // concluded the same day, early
        a = await CaseApi.Act(clerk, a, "accept", new { });
        a = await CaseApi.Act(await app.SignedIn("reviewer.mz"), a, "complete-node", new { opinion = "符合条件" });
        a = await CaseApi.Act(await app.SignedIn("approver.mz"), a, "decide", new { outcome = "Grant" });
        a = await CaseApi.Act(clerk, a, "issue", new { resultNumber = "R-A" });
        await CaseApi.Act(clerk, a, "deliver", new { method = "WindowPickup" });
        var b = await CaseApi.Register(clerk, "431025-MZ-001", "乙");                       // a correction notice, then refused
        b = await CaseApi.Act(clerk, b, "correction", new { missing = new[] { "章程草案" } });
        await CaseApi.Act(clerk, b, "reject", new { reason = "逾期未补正", referTo = "" });
        var cashier = await app.SignedIn("clerk");
        var d = await CaseApi.Register(cashier, "431025-BDC-001", "丁");                    // paid, still in hand
        d = await CaseApi.Act(cashier, d, "accept", new { });
        var approver = await app.SignedIn("approver.bdc");
        d = await CaseApi.Act(approver, d, "complete-node", new { opinion = "权属清楚" });
        d = await CaseApi.Act(approver, d, "decide", new { outcome = "Grant" });
        await CaseApi.Act(cashier, d, "pay", new { amount = 90m, receiptNumber = "湘财通字 0000001" });
        var e = await CaseApi.Register(clerk, "431025-MZ-001", "戊");                       // accepted, concluded late in January
        e = await CaseApi.Act(clerk, e, "accept", new { });

        var leader = await app.SignedIn("leader");
        var day = await ReportAsync(leader, "period=2026-11-22&indicators=Received,Accepted,Concluded,InHand,ConclusionRate,OnTimeRate,EarlyRate,RejectionRate,CorrectionRate,OnlineShare,Paid,FeeTotal");
        Assert.Equal([4m, 3m, 1m, 2m, 25m, 100m, 100m, 25m, 25m, 0m, 1m, 90m], Totals(day));

        // Monday: one more, received only. 环比 against Sunday: 1 against 4 received is −75 %; the stock grew by one.
        app.Clock.Advance(TimeSpan.FromDays(1));
        clerk = await app.SignedIn("clerk.mz");
        await CaseApi.Register(clerk, "431025-MZ-001", "己");
        var monday = await ReportAsync(await app.SignedIn("leader"), "period=2026-11-23&indicators=Received,InHand");
        Assert.Equal([1m, 3m], Totals(monday));
        Assert.Equal(-75m, monday.GetProperty("total").GetProperty("figures")[0].GetProperty("changeOnPrevious").GetDecimal());
        Assert.Equal(50m, monday.GetProperty("total").GetProperty("figures")[1].GetProperty("changeOnPrevious").GetDecimal());
        Assert.Equal("2026-11-22", monday.GetProperty("previous").GetProperty("name").GetString());
        Assert.Equal("2025-11-23", monday.GetProperty("yearBefore").GetProperty("name").GetString());

        // 5 January 2027: the last one is decided and delivered, past its promised due day (18 December).
        app.Clock.Set(new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero));
        clerk = await app.SignedIn("clerk.mz");
        e = await CaseApi.Act(await app.SignedIn("reviewer.mz"), e, "complete-node", new { opinion = "符合条件" });
        e = await CaseApi.Act(await app.SignedIn("approver.mz"), e, "decide", new { outcome = "Grant" });
        e = await CaseApi.Act(clerk, e, "issue", new { resultNumber = "R-E" });
        e = await CaseApi.Act(clerk, e, "deliver", new { method = "WindowPickup" });
        var january = await ReportAsync(await app.SignedIn("leader"), "period=2027-01&indicators=Concluded,Overdue,OnTimeRate,AverageWorkingDays,AveragePromisedDays");
        Assert.Equal([1m, 1m, 0m, e.Promised.ElapsedWorkingDays, e.PromisedLimitDays], Totals(january));
        Assert.True(e.Promised.ElapsedWorkingDays > e.PromisedLimitDays);

        // The whole stretch by department: 民政 has four received, 不动产 one; the quarter rolls both months.
        var byDepartment = await ReportAsync(await app.SignedIn("supervisor"), "period=2026-11-01..2027-01-31&by=Department&indicators=Received,Concluded");
        var rows = byDepartment.GetProperty("rows").EnumerateArray().Select(r => (Label: r.GetProperty("label").GetString(), Received: r.GetProperty("figures")[0].GetProperty("value").GetDecimal())).ToList();
        Assert.Equal([4m, 1m], rows.Select(r => r.Received));
        Assert.Contains("民政", rows[0].Label, StringComparison.Ordinal);
        Assert.Equal([5m, 2m], Totals(byDepartment));
        // By item, each row named by its item's latest version.
        var byItem = await ReportAsync(await app.SignedIn("supervisor"), "period=2026-11-01..2027-01-31&by=Item&indicators=Received");
        var itemRows = byItem.GetProperty("rows").EnumerateArray().Select(r => (Key: r.GetProperty("key").GetString()!, Label: r.GetProperty("label").GetString())).ToList();
        Assert.Equal(["431025-MZ-001", "431025-BDC-001"], itemRows.Select(r => r.Key));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            foreach (var (key, label) in itemRows)
            {
                var latest = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == key).OrderByDescending(v => v.VersionNumber).Select(v => v.Name).FirstAsync();
                Assert.Equal(latest, label);
            }
        }

        // The page shows the same figures to the center's administrator, and a drill-down to the cases for a leader.
        var page = await (await app.SignedIn("admin")).GetStringAsync("/statistics?period=2026-11-22&by=Department&indicators=Received&indicators=InHand");
        Assert.Contains("统计报表", page, StringComparison.Ordinal);
        Assert.Contains("<strong>4</strong>", page, StringComparison.Ordinal);
        var leaderPage = await (await app.SignedIn("leader")).GetStringAsync("/statistics?period=2026-11-22&by=Department&indicators=Received&indicators=InHand");
        // Each count opens its cases (统计明细): the period, the indicator and the row's key.
        Assert.Contains("/statistics/cases?period=2026-11-22&amp;indicator=InHand&amp;by=Department&amp;key=", leaderPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_question_is_a_400_with_its_code_and_the_page_keeps_what_was_typed()
    {
        var leader = await app.SignedIn("leader");
        foreach (var (query, code) in new[] { ("period=2026-13", "statistics.period-invalid"), ("period=2026-11&indicators=Nope", "statistics.indicator-unknown"),
            ("period=2026-11&region=43x", "statistics.region-invalid"), ("period=2000-01-01..2026-01-01", "statistics.period-invalid"), ("period=2026-11&indicators=3", "statistics.indicator-unknown") })
        {
            var response = await leader.GetAsync("/api/v1/statistics/report?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var page = await leader.GetStringAsync("/statistics?period=2026-13");
        Assert.Contains("统计期应写作", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerks_and_the_public_may_not_read_the_statistics()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk.mz")).GetAsync("/api/v1/statistics/report?period=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/statistics/report?period=2026-11")).StatusCode);
        var indicators = await (await app.SignedIn("leader")).GetAsync("/api/v1/statistics/indicators");
        Assert.Equal(Enum.GetValues<IndicatorId>().Length, (await indicators.ReadJsonAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("2026-11-22", "2026-11-22", "2026-11-22", "2026-11-21", "2025-11-22")]
    [InlineData("2026-W48", "2026-11-23", "2026-11-29", "2026-W47", "2025-W48")]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "2026-10", "2025-11")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2025-Q4", "2025-Q1")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025", "2025")]
    [InlineData("2026-10-01..2026-10-10", "2026-10-01", "2026-10-10", "2026-09-21..2026-09-30", "2025-10-01..2025-10-10")]
    public void A_period_knows_its_days_the_one_before_and_the_year_before(string text, string from, string to, string previous, string yearBefore)
    {
        Assert.True(ReportPeriod.TryParse(text, out var p));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), p.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), p.To);
        Assert.Equal(previous, p.Previous().Name);
        Assert.Equal(yearBefore, p.YearBefore().Name);
    }

    /// <summary>The report as a reader gets it a moment after the cases moved: once the sweep has settled their figures.</summary>
    private async Task<JsonElement> ReportAsync(HttpClient client, string query)
    {
        await app.SettleFiguresAsync();
        var response = await client.GetAsync("/api/v1/statistics/report?" + query);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static decimal[] Totals(JsonElement report) =>
        [.. report.GetProperty("total").GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("value").GetDecimal())];
}
