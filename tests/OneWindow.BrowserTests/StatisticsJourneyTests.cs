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
}
