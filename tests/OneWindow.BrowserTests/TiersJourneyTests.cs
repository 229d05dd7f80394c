using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// The three tiers in the browser (issue 20): a village agent takes in an application for a county department at the
/// workbench, enters a consultation in the ledger from the keyboard, and the leader finds both in the village's and
/// the town's figures; the administrator's tier list and the portal's nearest venue, at both screen sizes.
/// </summary>
public class TiersJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_village_agent_takes_in_for_the_county_and_the_leader_sees_it_in_the_village_and_the_town()
    {
        var page = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(page, "agent.baishi");
        await page.GetByRole(AriaRole.Link, new() { Name = "窗口收件" }).ClickAsync();
        await page.GetByLabel("办理事项").SelectOptionAsync("431025-WJ-002");
        await page.GetByRole(AriaRole.Button, new() { Name = "选择事项" }).ClickAsync();
        await page.GetByLabel("申请人名称").FillAsync("白石村 邓老伯");
        await page.GetByLabel("证件号码").FillAsync("440524188001010014");
        await page.GetByLabel("联系电话").FillAsync("13900000000");
        foreach (var box in await page.Locator("input[name=Provided]").AllAsync())
        {
            await box.CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "收件登记" }).ClickAsync();
        await page.ArriveAtAsync("**/workbench/cases/431025-*");
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The ledger has the intake by itself; a consultation is entered from the keyboard (the summary has the focus).
        await page.GotoAsync("/workbench");
        await page.GetByRole(AriaRole.Link, new() { Name = "服务台帐" }).ClickAsync();
        await page.ArriveAtAsync("**/ledger");
        Assert.Contains(number, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.TypeAsync("询问医保缴费时间");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("询问医保缴费时间");
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await AppServer.ScreenshotAsync(page, $"100-ledger-{width}");
        }

        var leader = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(leader, "leader");
        await leader.GetByRole(AriaRole.Link, new() { Name = "乡村两级考核" }).ClickAsync();
        await leader.ArriveAtAsync("**/tiers/assessment");
        var town = leader.Locator("tbody tr", new() { HasText = "汾市镇便民服务中心" });
        await Assertions.Expect(town).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(leader, "101-tier-assessment-1366");
        await town.GetByRole(AriaRole.Link).ClickAsync();
        await leader.ArriveAtAsync("**/tiers/assessment?*town=431025106000*");
        var village = leader.Locator("tbody tr", new() { HasText = "白石村便民服务站" });
        var cells = await village.Locator("td").AllInnerTextsAsync();
        Assert.True(int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) >= 1, string.Join(" | ", cells)); // 受理量
        Assert.True(int.Parse(cells[6], System.Globalization.CultureInfo.InvariantCulture) >= 2, string.Join(" | ", cells)); // 台帐服务量
        await AppServer.ScreenshotAsync(leader, "102-tier-assessment-town-1366");
        await leader.SetViewportSizeAsync(390, 844);
        await AppServer.ScreenshotAsync(leader, "102-tier-assessment-town-390");
        await leader.GotoAsync("/tiers/assessment");
        await AppServer.ScreenshotAsync(leader, "101-tier-assessment-390");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_administrator_sees_a_village_rooms_windows_and_tier_list_and_the_portal_the_nearest_venue(int width, int height)
    {
        var page = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/org/tier-lists");
        await page.GetByLabel("便民服务中心 / 便民服务站").SelectOptionAsync(new SelectOptionValue { Label = "　白石村便民服务站" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2", new() { HasText = "白石村便民服务站" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, $"103-tier-list-{width}");
        // Every role dropdown fits the screen (at 390 px the table becomes one card per item).
        foreach (var select in await page.Locator("select[name^='Roles']").AllAsync())
        {
            var box = await select.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"a role dropdown reaches {box?.X + box?.Width} of {width} px");
        }
        // A town hall's list names the town's own department, which decides its 本级办理 items (ADR 0035).
        await page.GetByLabel("便民服务中心 / 便民服务站").SelectOptionAsync(new SelectOptionValue { Label = "汾市镇便民服务中心" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("本级办理部门", new() { Exact = false })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("[0-9a-f-]{36}"));
        await AppServer.ScreenshotAsync(page, $"106-town-tier-list-{width}");
        await page.GotoAsync("/admin/org/windows");
        await page.GetByLabel("服务场所").SelectOptionAsync(new SelectOptionValue { Label = "白石村便民服务站" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody", new() { HasText = "代办员窗口" })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, $"104-village-windows-{width}");

        var portal = await app.NewPageAsync(width: width, height: height);
        await portal.GotoAsync("/guides/431025-GA-002");
        await portal.GetByLabel("您所在的村（社区）").SelectOptionAsync("431025106202");
        await portal.GetByRole(AriaRole.Button, new() { Name = "查询就近办理点" }).ClickAsync();
        var nearest = portal.Locator("#nearest");
        await Assertions.Expect(nearest).ToContainTextAsync("汾市镇便民服务中心");
        await nearest.ScrollIntoViewIfNeededAsync();
        await portal.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, $"105-guide-nearest-{width}.png") });
    }
}
