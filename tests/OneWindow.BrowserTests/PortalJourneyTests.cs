using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

public class PortalJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_visitor_finds_an_item_by_keyword_opens_its_guide_and_prints_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await AppServer.ScreenshotAsync(page, "01-portal-home");
        await page.GetByLabel("搜索办事事项").FillAsync("营业执照");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.ArriveAtAsync("**/guides?q=*");
        await AppServer.ScreenshotAsync(page, "02-guide-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "企业设立登记" }).ClickAsync();
        await page.ArriveAtAsync("**/guides/431025-SJ-001");
        Assert.Equal("企业设立登记", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("《中华人民共和国市场主体登记管理条例》", await page.ContentAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "03-guide");

        // The print button calls the browser's print; in print media the portal's frame is hidden.
        await page.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "打印指南" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__printed"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header.site-header").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "申请材料" }).IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(AppServer.ScreenshotDir, "03-guide-print.pdf") });
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_computes_a_due_date_across_National_Day()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/calendar");
        await page.GetByLabel("起算日（受理日）").FillAsync("2025-09-30");
        await page.GetByLabel("时限（工作日）").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await page.ArriveAtAsync("**/calendar?from=2025-09-30*");
        Assert.Contains("2025-10-14", await page.Locator(".result-box").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "04-calendar");
    }

    [Fact]
    public async Task The_portal_switches_to_English_and_back()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/guides");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.ArriveAtAsync("**/guides");
        Assert.Equal("Service guides", await page.Locator("h1").InnerTextAsync());
        await AppServer.ScreenshotAsync(page, "05-guides-english");
        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        Assert.Equal("办事指南", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task The_keyboard_reaches_the_search_through_the_skip_link()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
    }
}
