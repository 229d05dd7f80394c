using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// 热线统计报表 and 呈阅件 in the browser: a leader reads this month's report by unit with its hot topics, opens the orders
/// behind the total, and prints the month's brief, which names the reopened order; at 1366×768 and 390×844.
/// </summary>
public class HotlineReportJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_leader_reads_the_hotline_report_opens_the_orders_and_prints_the_brief()
    {
        var hotline = await app.ApiAsync("hotline");
        var market = await app.ApiAsync("reviewer.sj");
        var units = await Ok(hotline.GetAsync("/api/v1/hotline/units"));
        var marketId = units.EnumerateArray().First(u => u.GetProperty("name").GetString() == "临武县市场监督管理局").GetProperty("id").GetString();
        string? reopened = null;
        DateTime registeredAt = default;
        for (var i = 0; i < 6; i++)
        {
            var order = await Ok(hotline.PostAsJsonAsync("/api/v1/hotline/orders", new
            {
                channel = "Phone", type = "Complaint", categoryCode = i < 5 ? "HJ.01" : "SC.01", content = $"人民路夜间施工噪声 {i}", regionCode = "431025100001",
                callerName = "王先生", callerPhone = "1390735" + (7000 + i).ToString(CultureInfo.InvariantCulture),
            }));
            // The month is the app's (its clock, not this machine's), read from what it registered.
            registeredAt = order.GetProperty("registeredAt").GetDateTime();
            if (i > 0)
            {
                continue;
            }
            var id = order.GetProperty("id").GetString();
            int Rev(JsonElement o) => o.GetProperty("revision").GetInt32();
            order = await Ok(hotline.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/dispatch", new { revision = Rev(order), leadUnitId = marketId }));
            order = await Ok(market.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/sign", new { revision = Rev(order) }));
            order = await Ok(market.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/reply", new { revision = Rev(order), result = "Resolved", text = "已责令停止夜间施工" }));
            order = await Ok(hotline.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/review", new { revision = Rev(order), accept = true }));
            order = await Ok(hotline.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/callback", new { revision = Rev(order), method = "Phone", resolved = false, satisfaction = "Unsatisfied" }));
            order = await Ok(hotline.PostAsJsonAsync($"/api/v1/hotline/orders/{id}/reopen", new { revision = Rev(order), reason = "仍在夜间施工" }));
            reopened = order.GetProperty("number").GetString();
        }
        var month = registeredAt.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var page = await app.NewPageAsync(width: width, height: height);
            await AppServer.SignInAsync(page, "leader");
            await page.GotoAsync($"/hotline/report?period={month}&by=Unit");
            var row = page.Locator("table.report tbody tr", new() { HasText = "市场监督管理局" }).First;
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".hot-topics")).ToContainTextAsync("噪声扰民");
            await AppServer.ScreenshotAsync(page, $"95-hotline-report-by-unit-{width}");
            if (width == 1366)
            {
                await page.Locator("tr.total a[href*='measure=Received']").ClickAsync();
                await page.ArriveAtAsync("**/hotline/report/orders?*");
                Assert.Contains(reopened!, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await AppServer.ScreenshotAsync(page, $"96-hotline-report-orders-{width}");
            }
            await page.GotoAsync($"/hotline/report/brief?month={month}");
            await Assertions.Expect(page.Locator("article.hotline-brief")).ToContainTextAsync(reopened!);
            await AppServer.ScreenshotAsync(page, $"97-hotline-brief-{width}");
        }
    }
}
