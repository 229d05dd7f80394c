using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

public class AdminJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task An_administrator_drafts_a_new_version_publishes_it_and_the_portal_shows_it()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin");
        await AppServer.ScreenshotAsync(page, "10-workbench-admin");
        await page.GotoAsync("/admin/catalog?q=" + Uri.EscapeDataString("结婚"));
        await AppServer.ScreenshotAsync(page, "11-admin-catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "修订" }).First.ClickAsync();
        await page.ArriveAtAsync("**/admin/catalog/431025-MZ-004/edit");
        await page.GetByLabel("修订说明").FillAsync("增加常见问题");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建草稿版本" }).ClickAsync();
        await page.GetByText("正在编辑第 2 版（草稿）").WaitForAsync();

        // Add a question without any script: the button posts the form and the page comes back with a blank row.
        await page.GetByRole(AriaRole.Button, new() { Name = "+ 添加问题" }).ClickAsync();
        var questions = page.Locator("input[name^='Form.Faqs'][name$='.Question']");
        var last = await questions.CountAsync() - 1;
        await questions.Nth(last).FillAsync("外地户籍可以在本县登记吗？");
        await page.Locator($"textarea[name='Form.Faqs[{last}].Answer']").FillAsync("男女一方常住户口在本县的，可在本县婚姻登记机关办理。");
        await AppServer.ScreenshotAsync(page, "12-guide-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布" }).ClickAsync();

        await page.ArriveAtAsync("**/guides/431025-MZ-004");
        Assert.Contains("外地户籍可以在本县登记吗？", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("第 2 版", await page.Locator(".guide-head").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "版本历史" }).ClickAsync();
        Assert.Contains("已废止", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "13-version-history");
    }

    [Fact]
    public async Task A_window_clerk_cannot_open_the_administration()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk.mz");
        await AppServer.ScreenshotAsync(page, "14-workbench-clerk");
        await page.GotoAsync("/admin/catalog");
        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "中心管理" }).CountAsync());
    }
}
