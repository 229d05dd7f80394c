using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// The hall's screens at 1920×1080: the big screen's window list turns its pages until the last window comes round
/// (with script, and without it by reloading), and a venue's window display fits the screen a page at a time.
/// </summary>
public class HallScreenJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    /// <summary>The last window of the demo county's center (DemoCounty.CenterWindows).</summary>
    private const string LastWindow = "C02";

    private async Task<IPage> ScreenPageAsync(bool script, string locale = "zh-CN")
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = locale, JavaScriptEnabled = script,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Nothing scrolls, and nothing inside the page reaches past its box or the screen's edge.</summary>
    private static async Task AssertFitsAsync(IPage page, string boxes)
    {
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight, document.body.scrollWidth, document.body.scrollHeight]");
        Assert.True(size[0] <= 1920 && size[1] <= 1080 && size[2] <= 1920 && size[3] <= 1080, "page size " + string.Join("×", size));
        var overflowing = await page.EvaluateAsync<string[]>(@"(selector) => [...document.querySelectorAll(selector)]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > 1920 || r.bottom > 1080 || e.scrollHeight > e.clientHeight + 1); })
            .map(e => e.className + ': ' + e.textContent.trim().slice(0, 40))", boxes);
        Assert.True(overflowing.Length == 0, "overflowing: " + string.Join("; ", overflowing));
    }

    private static ILocator WindowRow(IPage page, string number) =>
        page.Locator("[data-list=windows] tr").Filter(new() { Has = page.Locator("td", new() { HasTextString = number }) });

    [Fact]
    public async Task The_big_screen_turns_its_window_list_until_the_last_window_comes_round()
    {
        var page = await ScreenPageAsync(script: true);
        await page.GotoAsync("/screen");
        await page.Locator("#trend-chart canvas").WaitForAsync();
        // The first page: A01 shown, the last window waiting its turn, nothing clipped.
        await Assertions.Expect(WindowRow(page, "A01")).ToBeVisibleAsync();
        await Assertions.Expect(WindowRow(page, LastWindow)).ToBeHiddenAsync();
        await AssertFitsAsync(page, ".panel, .windows-panel table");
        // The pages turn by themselves (every 10 s), and the last window comes round, inside the panel.
        await Assertions.Expect(WindowRow(page, LastWindow)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(WindowRow(page, "A01")).ToBeHiddenAsync();
        var panel = await page.Locator(".windows-panel").BoundingBoxAsync();
        var row = await WindowRow(page, LastWindow).BoundingBoxAsync();
        Assert.True(row!.Y + row.Height <= panel!.Y + panel.Height, $"{LastWindow} at {row.Y}+{row.Height}, the panel ends at {panel.Y + panel.Height}");
        await AssertFitsAsync(page, ".panel, .windows-panel table");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, "65b-big-screen-windows-page-2.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_script_the_big_screen_reloads_onto_the_next_page_and_every_page_is_a_link()
    {
        var page = await ScreenPageAsync(script: false);
        await page.GotoAsync("/screen");
        await Assertions.Expect(WindowRow(page, "A01")).ToBeVisibleAsync();
        await Assertions.Expect(WindowRow(page, LastWindow)).ToBeHiddenAsync();
        // It turns by itself: the page reloads onto the next one.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/screen\\?windows=2$"), new() { Timeout = 30_000 });
        await Assertions.Expect(WindowRow(page, LastWindow)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, "65c-big-screen-no-script-page-2.png") });
        // And each page is a link.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "窗口列表分页" }).GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Assertions.Expect(WindowRow(page, "A01")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_venue_display_fits_1920_by_1080_and_shows_every_window_a_page_at_a_time(string locale)
    {
        var admin = await app.NewPageAsync();
        await AppServer.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin/org/venues");
        var href = await admin.Locator("tr", new() { HasTextString = "政务服务中心" }).First.GetByRole(AriaRole.Link, new() { Name = "窗口显示屏" }).GetAttributeAsync("href");
        await admin.Context.CloseAsync();

        var page = await ScreenPageAsync(script: true, locale);
        await page.GotoAsync(href + (locale == "en" ? "?culture=en" : ""));
        var windows = page.Locator(".display-window");
        await Assertions.Expect(windows.First).ToBeVisibleAsync();
        await AssertFitsAsync(page, ".display-window, .window-number, .window-served, .display-pages");
        var first = await page.Locator(".window-number").AllInnerTextsAsync();
        Assert.Contains("A01", first);
        Assert.DoesNotContain(LastWindow, first);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, $"69-venue-display-{locale}.png") });

        // It turns to the next page by itself (no script on this page): the last window is there, on the screen.
        await Assertions.Expect(page.Locator(".window-number", new() { HasTextString = LastWindow })).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await AssertFitsAsync(page, ".display-window, .window-number, .window-served, .display-pages");
        var last = await page.Locator(".display-window", new() { HasTextString = LastWindow }).BoundingBoxAsync();
        Assert.True(last!.Y + last.Height <= 1080 && last.X + last.Width <= 1920, $"{LastWindow} at {last.X},{last.Y} {last.Width}×{last.Height}");
        Assert.DoesNotContain("A01", await page.Locator(".window-number").AllInnerTextsAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, $"69b-venue-display-page-2-{locale}.png") });
        await page.Context.CloseAsync();
    }
}
