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

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task A_citizen_searches_in_her_own_words_reads_the_materials_and_downloads_the_blank_form(int width, int height)
    {
        var page = await app.NewPageAsync(width: width, height: height);
        await page.GotoAsync("/");
        await page.GetByLabel("搜索办事事项").FillAsync("开饭店");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.ArriveAtAsync("**/guides?q=*");
        Assert.Contains("开办餐饮店一件事", await page.Locator(".combined-results").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("食品经营许可", await page.GetByText("同时查找了").InnerTextAsync(), StringComparison.Ordinal);
        // The theme filter is a choice of the themes there are.
        Assert.Contains("开办企业", await page.Locator("select#theme option").AllInnerTextsAsync());
        await AppServer.ScreenshotAsync(page, $"06-search-own-words-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "食品经营许可", Exact = true }).ClickAsync();
        await page.ArriveAtAsync("**/guides/431025-SJ-003");
        await page.Locator("table.materials").ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, $"07-guide-materials-{width}");
        await page.Locator("table.materials").ScreenshotAsync(new() { Path = Path.Combine(AppServer.ScreenshotDir, $"07-guide-materials-table-{width}.png") });
        // No cell of the materials is squeezed to a character's width: on a phone each row is a card and each cell is as
        // wide as the card; on a desktop the name column holds several characters a line.
        var fontSize = await page.Locator("table.materials td.card-head").First.EvaluateAsync<double>("td => parseFloat(getComputedStyle(td).fontSize)");
        var cells = await page.Locator("table.materials td.card-head").EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)");
        Assert.NotEmpty(cells);
        Assert.All(cells, w => Assert.True(w > 6 * fontSize, $"a material name cell is {w}px wide"));
        if (width < 760)
        {
            Assert.Equal("block", await page.Locator("table.materials tr").Last.EvaluateAsync<string>("tr => getComputedStyle(tr).display"));
            var labelled = await page.Locator("table.materials td[data-label]").EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)");
            var table = await page.Locator("table.materials").EvaluateAsync<double>("t => t.getBoundingClientRect().width");
            Assert.All(labelled, w => Assert.True(w > table * 0.9, $"a card cell is {w}px of {table}px"));
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("table.materials").GetByRole(AriaRole.Link, new() { Name = "下载空白表格" }).First.ClickAsync());
        Assert.Equal("食品经营许可申请书（空白表格）.docx", download.SuggestedFilename);
        var path = Path.Combine(AppServer.ScreenshotDir, $"07-blank-form-{width}.docx");
        await download.SaveAsAsync(path);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(path), 0, 2));

        await page.GotoAsync("/combined/431025-YJS-002");
        await AppServer.ScreenshotAsync(page, $"08-restaurant-package-{width}");
    }

    [Fact]
    public async Task The_administrator_adds_a_synonym_and_the_portal_finds_it()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/catalog/synonyms");
        await page.GetByLabel("群众用语").Last.FillAsync("开米粉店");
        await page.GetByLabel("也查找（事项用语）").FillAsync("食品经营许可、个体工商户登记");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.ArriveAtAsync("**/admin/catalog/synonyms?q=*");
        Assert.Contains("食品经营许可、个体工商户登记", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "09-synonyms-admin");
        await page.GotoAsync("/guides?q=" + Uri.EscapeDataString("开米粉店"));
        Assert.Contains("食品经营许可", await page.Locator("ul[aria-label=事项列表]").InnerTextAsync(), StringComparison.Ordinal);
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
