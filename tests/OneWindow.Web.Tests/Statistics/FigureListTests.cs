using System.Net;
using System.Text.Json;
using OneWindow.Domain.Calendar;
using OneWindow.Web.Modules.Statistics;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Statistics;

/// <summary>
/// Issue 20's missing pieces of the report (ADR 0041): the lists behind 正式受理量, 不予受理件 and 收费笔数, each as long as
/// its figure on a hand-built record; and the fees by fee item on the report (JSON, page, Excel) with 环比, each fee
/// line's 缴费笔数 opening as many payments.
/// </summary>
public sealed class FigureListTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly DateOnly Sunday = ChinaTime.DateOf(OneWindowFactory.DefaultNow.UtcDateTime);

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Every page of a list, following <c>next</c>; each page at most 50, no case twice.</summary>
    private static async Task<List<string>> ListAsync(HttpClient client, string query)
    {
        var numbers = new List<string>();
        string? after = null;
        do
        {
            var page = await JsonAsync(client, "/api/v1/statistics/cases?" + query + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= FigureCases.PageSize);
            numbers.AddRange(items.Select(x => x.GetProperty("number").GetString()!));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (after is not null);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        return numbers;
    }

    private async Task PayBdcAsync(string name, decimal amount, string? reason = null, decimal[]? lines = null)
    {
        var clerk = await _app.SignedIn("clerk");
        var approver = await _app.SignedIn("approver.bdc");
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-BDC-001", name), "accept", new { });
        c = await CaseApi.Act(approver, c, "complete-node", new { opinion = "权属清楚" });
        c = await CaseApi.Act(approver, c, "decide", new { outcome = "Grant" });
        await CaseApi.Act(clerk, c, "pay", new { amount, receiptNumber = "湘财通字 " + name, reason, feeLines = lines });
    }

    [Fact]
    public async Task The_lists_of_accepted_refused_and_paid_have_as_many_cases_as_their_figures_on_each_day_and_row()
    {
        // Sunday: at 民政 one accepted, two refused (one straight away, one after a correction notice), one received and
        // left for Monday, and 51 more accepted (two pages); at 不动产 one accepted and paid.
        var clerk = await _app.SignedIn("clerk.mz");
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "甲"), "accept", new { });
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "乙"), "reject", new { reason = "不属于本机关职权范围", referTo = "县市场监督管理局" });
        var c = await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "丙"), "correction", new { missing = new[] { "章程草案" } });
        await CaseApi.Act(clerk, c, "reject", new { reason = "逾期未补正", referTo = "" });
        var monday = await CaseApi.Register(clerk, "431025-MZ-001", "丁");
        for (var i = 0; i < FigureCases.PageSize + 1; i++)
        {
            await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "排队" + i), "accept", new { });
        }
        await PayBdcAsync("戊", 90m);

        // Monday: 丁 is accepted (received Sunday, counted Monday), and one more received and accepted.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        clerk = await _app.SignedIn("clerk.mz");
        await CaseApi.Act(clerk, monday, "accept", new { });
        await CaseApi.Act(clerk, await CaseApi.Register(clerk, "431025-MZ-001", "己"), "accept", new { });

        await _app.SettleFiguresAsync();
        var leader = await _app.SignedIn("leader");
        var expected = new Dictionary<string, decimal[]>
        {
            [$"{Sunday:yyyy-MM-dd}"] = [1 + FigureCases.PageSize + 1 + 1, 2, 1],
            [$"{Sunday.AddDays(1):yyyy-MM-dd}"] = [2, 0, 0],
            [$"{Sunday:yyyy-MM-dd}..{Sunday.AddDays(1):yyyy-MM-dd}"] = [FigureCases.PageSize + 5, 2, 1],
        };
        foreach (var (period, totals) in expected)
        {
            foreach (var by in new[] { "None", "Department", "Item", "Window", "Channel" })
            {
                var report = await JsonAsync(leader, $"/api/v1/statistics/report?period={period}&by={by}&indicators=Accepted,Rejected,Paid");
                Assert.Equal(totals, report.GetProperty("total").GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("value").GetDecimal()));
                var rows = by == "None" ? [report.GetProperty("total")] : report.GetProperty("rows").EnumerateArray().ToList();
                foreach (var row in rows)
                {
                    var key = Uri.EscapeDataString(row.GetProperty("key").GetString()!);
                    var figures = row.GetProperty("figures").EnumerateArray().ToList();
                    foreach (var (indicator, k) in new[] { ("Accepted", 0), ("Rejected", 1), ("Paid", 2) })
                    {
                        var list = await ListAsync(leader, $"period={period}&indicator={indicator}&by={by}&key={key}");
                        Assert.True(figures[k].GetProperty("value").GetDecimal() == list.Count, $"{period} {by} {key} {indicator}: {figures[k]} against {list.Count}");
                    }
                }
            }
        }
        // The refusals are the two refused cases; Monday's acceptances include the case received on Sunday.
        var refused = await ListAsync(leader, $"period={Sunday:yyyy-MM-dd}&indicator=Rejected");
        Assert.Equal(2, refused.Count);
        Assert.Contains(monday.Number, await ListAsync(leader, $"period={Sunday.AddDays(1):yyyy-MM-dd}&indicator=Accepted"));
        Assert.DoesNotContain(monday.Number, await ListAsync(leader, $"period={Sunday:yyyy-MM-dd}&indicator=Accepted"));

        // The page's table links each of the three counts to its list, and the list names the day it counts on.
        var page = await leader.GetStringAsync($"/statistics?period={Sunday:yyyy-MM-dd}&by=Department&indicators=Accepted&indicators=Rejected&indicators=Paid");
        foreach (var indicator in new[] { "Accepted", "Rejected", "Paid" })
        {
            Assert.Contains($"/statistics/cases?period={Sunday:yyyy-MM-dd}&amp;indicator={indicator}&amp;by=Department&amp;key=", page, StringComparison.Ordinal);
        }
        var html = await leader.GetStringAsync($"/statistics/cases?period={Sunday:yyyy-MM-dd}&indicator=Accepted&by=None");
        Assert.Contains("受理日", html, StringComparison.Ordinal);
        Assert.Equal(FigureCases.PageSize, System.Text.RegularExpressions.Regex.Count(html, "href=\"/supervision/cases/"));
        Assert.Contains("after=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fee_indicator_brings_the_fees_by_fee_item_with_their_changes_and_each_lines_payments_open_as_a_list()
    {
        // November: two 不动产 registrations paid (登记费 80 and 工本费 10; the second reduced to 40 and 5).
        await PayBdcAsync("十一月一", 90m);
        await PayBdcAsync("十一月二", 45m, "困难群众减半收取", [40m, 5m]);
        // December: one, paid in full.
        _app.Clock.Set(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await PayBdcAsync("十二月", 90m);
        await _app.SettleFiguresAsync();
        var leader = await _app.SignedIn("leader");

        // Without a fee indicator the report has no fees; with one, the same rows as GET /fees.
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(leader, "/api/v1/statistics/report?period=2026-11&indicators=Received")).GetProperty("fees").ValueKind);
        var november = await JsonAsync(leader, "/api/v1/statistics/report?period=2026-11&indicators=Paid,FeeTotal");
        var fees = november.GetProperty("fees").EnumerateArray().ToList();
        Assert.Equal([(2L, 120m), (2L, 15m)], fees.Select(f => (f.GetProperty("payments").GetInt64(), f.GetProperty("amount").GetDecimal())));
        Assert.Equal((await JsonAsync(leader, "/api/v1/statistics/fees?period=2026-11")).GetRawText(), november.GetProperty("fees").GetRawText());
        // The lines' amounts add up to 收费金额 (the payments do not: a payment counts on each of its lines).
        Assert.Equal(fees.Sum(f => f.GetProperty("amount").GetDecimal()), november.GetProperty("total").GetProperty("figures")[1].GetProperty("value").GetDecimal());
        Assert.All(fees, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("amountChangeOnPrevious").ValueKind)); // nothing in October

        // December against November: 1 payment against 2 is −50 %; 80 yuan against 120 is −33.33 %, 10 against 15 the same.
        var december = (await JsonAsync(leader, "/api/v1/statistics/report?period=2026-12&indicators=Paid")).GetProperty("fees").EnumerateArray().ToList();
        Assert.Equal([(-50m, -33.33m), (-50m, -33.33m)], december.Select(f => (f.GetProperty("paymentsChangeOnPrevious").GetDecimal(), f.GetProperty("amountChangeOnPrevious").GetDecimal())));

        // Each line's 缴费笔数 opens its payments; a line the item does not have opens none.
        foreach (var f in fees)
        {
            var list = await ListAsync(leader, $"period=2026-11&indicator=Paid&by=Item&key=431025-BDC-001&fee={Uri.EscapeDataString(f.GetProperty("feeName").GetString()!)}");
            Assert.Equal(f.GetProperty("payments").GetInt64(), list.Count);
        }
        Assert.Empty(await ListAsync(leader, "period=2026-11&indicator=Paid&by=Item&key=431025-BDC-001&fee=" + Uri.EscapeDataString("无此收费")));
        var wrong = await leader.GetAsync("/api/v1/statistics/cases?period=2026-11&indicator=Received&by=Item&key=431025-BDC-001&fee=x");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("statistics.fee-invalid", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page shows the section with links to the lists; without a fee indicator it has none.
        var feeName = fees[0].GetProperty("feeName").GetString()!;
        var page = await leader.GetStringAsync("/statistics?period=2026-11&by=Department&indicators=Paid");
        Assert.Contains("id=\"fee-items-title\"", page, StringComparison.Ordinal);
        Assert.Contains("120.00", page, StringComparison.Ordinal);
        Assert.Contains("indicator=Paid&amp;by=Item&amp;key=431025-BDC-001&amp;fee=" + Uri.EscapeDataString(feeName), page, StringComparison.Ordinal);
        Assert.DoesNotContain("fee-items-title", await leader.GetStringAsync("/statistics?period=2026-11&indicators=Received"), StringComparison.Ordinal);
        var listPage = await leader.GetStringAsync("/statistics/cases?period=2026-11&indicator=Paid&by=Item&key=431025-BDC-001&fee=" + Uri.EscapeDataString(feeName));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(listPage, "href=\"/supervision/cases/"));
        Assert.Contains("缴费日", listPage, StringComparison.Ordinal);

        // The Excel export has the same section.
        var response = await leader.GetAsync("/api/v1/statistics/report.xlsx?period=2026-12&indicators=Paid,FeeTotal");
        Assert.True(response.IsSuccessStatusCode);
        var sheet = XlsxReader.Rows(await response.Content.ReadAsByteArrayAsync());
        var section = sheet.FindIndex(r => r.Count > 0 && r[0] == "收费项目");
        Assert.True(section > 0);
        Assert.Equal(["431025-BDC-001", sheet[section + 2][1], feeName, "1", "-50", "—", "80", "-33.33", "—"], sheet[section + 2]);
        Assert.Equal(["合计", "", "", "", "", "", "90"], sheet[section + 4].Take(7));
    }
}
