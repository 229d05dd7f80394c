using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>统计报表 in the browser: a leader breaks this month down by department, reads the table and the chart, and drills into a department's cases in hand.</summary>
public class StatisticsJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_leader_breaks_the_month_down_by_department_and_drills_into_the_cases_in_hand()
    {
        // At the 民政 windows: one instant item concluded, one application accepted and still in hand.
        var clerk = await app.ApiAsync("clerk.mz");
        var inHand = "";
        foreach (var (item, name) in new[] { ("431025-MZ-004", "钱统计"), ("431025-MZ-001", "孙统计") })
        {
            var created = await (await clerk.PostAsJsonAsync("/api/v1/cases", new
            {
                itemCode = item, applicantKind = "Person", applicantName = name, identityNumber = "11010519491231002X", phone = "13800000000",
                materialsProvided = DemoCatalog.RequiredMaterials(item),
            })).Content.ReadFromJsonAsync<JsonElement>();
            var number = created.GetProperty("number").GetString()!;
            var action = item.EndsWith("004", StringComparison.Ordinal) ? "conclude-instantly" : "accept";
            inHand = action == "accept" ? number : inHand;
            var response = await clerk.PostAsJsonAsync($"/api/v1/cases/{number}/{action}", new { revision = 1, resultNumber = "J-" + number });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var page = await app.NewPageAsync(width: width, height: height);
            await AppServer.SignInAsync(page, "leader");
            await page.GotoAsync("/statistics");
            await page.GetByLabel("分组").SelectOptionAsync("Department");
            await page.GetByRole(AriaRole.Button, new() { Name = "统计" }).ClickAsync();
            await page.ArriveAtAsync("**/statistics?*");
            var row = page.Locator("table.report tbody tr", new() { HasText = "民政" });
            await Assertions.Expect(row).ToBeVisibleAsync();
            await page.Locator("#statistics-chart canvas").WaitForAsync();
            await AppServer.ScreenshotAsync(page, $"90-statistics-by-department-{width}");
            if (width == 1366)
            {
                await row.Locator("a[href*='indicator=InHand']").ClickAsync();
                await page.ArriveAtAsync("**/statistics/cases?*");
                Assert.Contains(inHand, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_leader_asks_for_refusals_and_fees_opens_the_refused_cases_and_a_fee_lines_payments()
    {
        // At 民政 an application refused at intake; at 不动产 a registration decided and paid (登记费 and 工本费).
        var clerk = await app.ApiAsync("clerk.mz");
        var refused = await PostAsync(clerk, "/api/v1/cases", new { itemCode = "431025-MZ-001", applicantKind = "Person", applicantName = "周拒收",
            identityNumber = "11010519491231002X", phone = "13800000000", materialsProvided = DemoCatalog.RequiredMaterials("431025-MZ-001") });
        await PostAsync(clerk, $"/api/v1/cases/{Number(refused)}/reject", new { revision = Revision(refused), reason = "不属于本机关职权范围", referTo = "县市场监督管理局" });
        var cashier = await app.ApiAsync("clerk");
        var approver = await app.ApiAsync("approver.bdc");
        var paid = await PostAsync(cashier, "/api/v1/cases", new { itemCode = "431025-BDC-001", applicantKind = "Person", applicantName = "吴缴费",
            identityNumber = "11010519491231002X", phone = "13800000000", materialsProvided = DemoCatalog.RequiredMaterials("431025-BDC-001") });
        paid = await PostAsync(cashier, $"/api/v1/cases/{Number(paid)}/accept", new { revision = Revision(paid) });
        paid = await PostAsync(approver, $"/api/v1/cases/{Number(paid)}/complete-node", new { revision = Revision(paid), opinion = "权属清楚" });
        paid = await PostAsync(approver, $"/api/v1/cases/{Number(paid)}/decide", new { revision = Revision(paid), outcome = "Grant" });
        await PostAsync(cashier, $"/api/v1/cases/{Number(paid)}/pay", new { revision = Revision(paid), amount = 90m, receiptNumber = "湘财通字 0009001" });

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var page = await app.NewPageAsync(width: width, height: height);
            await AppServer.SignInAsync(page, "leader");
            await page.GotoAsync("/statistics");
            await page.GetByLabel("不予受理件", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("收费笔数", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "统计" }).ClickAsync();
            await page.ArriveAtAsync("**/statistics?*");
            var fees = page.Locator("section.fee-items");
            await Assertions.Expect(fees.Locator("tbody tr", new() { HasText = "房屋所有权转移登记" }).First).ToBeVisibleAsync();
            await fees.ScrollIntoViewIfNeededAsync();
            await AppServer.ScreenshotAsync(page, $"90-statistics-fee-items-{width}");
            if (width == 1366)
            {
                // The total of 不予受理件 opens the refused cases.
                await page.Locator("table.report tr.total a[href*='indicator=Rejected']").ClickAsync();
                await page.ArriveAtAsync("**/statistics/cases?*indicator=Rejected*");
                Assert.Contains(Number(refused), await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await page.GoBackAsync();
                // A fee line's 缴费笔数 opens the payments of that line, with the day each was paid.
                await fees.Locator("tbody tr", new() { HasText = "房屋所有权转移登记" }).First.Locator("a[href*='fee=']").ClickAsync();
                await page.ArriveAtAsync("**/statistics/cases?*fee=*");
                var main = await page.Locator("main").InnerTextAsync();
                Assert.Contains(Number(paid), main, StringComparison.Ordinal);
                Assert.Contains("缴费日", main, StringComparison.Ordinal);
                await AppServer.ScreenshotAsync(page, $"90-statistics-fee-line-payments-{width}");
            }
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Number(JsonElement c) => c.GetProperty("number").GetString()!;

    private static int Revision(JsonElement c) => c.GetProperty("revision").GetInt32();
}
