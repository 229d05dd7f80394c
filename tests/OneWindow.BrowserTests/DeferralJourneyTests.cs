using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>容缺受理 at the window: the guide says which material may wait, the clerk records the commitment, the notice says so.</summary>
public class DeferralJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_clerk_accepts_with_a_deferred_material_and_prints_a_numbered_notice_that_says_so()
    {
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/guides/431025-SJ-003");
        var guide = await citizen.Locator("main").InnerTextAsync();
        Assert.Contains("可容缺受理", guide, StringComparison.Ordinal);
        Assert.Contains("5 年", guide, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(citizen, "25-guide-deferrable-validity");

        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk");
        await page.GotoAsync("/workbench/cases/new?item=431025-SJ-003");
        await page.GetByLabel("申请人名称").FillAsync("钱小饭");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13800000000");
        await page.FillApplicationFormAsync("431025-SJ-003", "Form");
        foreach (var box in await page.Locator("input[name=Provided]").AllAsync())
        {
            if (!(await box.GetAttributeAsync("value") ?? "").StartsWith("食品安全自查", StringComparison.Ordinal))
            {
                await box.CheckAsync();
            }
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "收件登记" }).ClickAsync();
        await page.ArriveAtAsync("**/workbench/cases/431025-*");
        Assert.Contains("办事指南允许这些材料容缺受理", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var accept = page.Locator("form:has(input[name=action][value=accept])");
        // The journey's server runs on the system clock, so the clerk's "two days from today" is the wall clock's too.
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(2);
        await accept.GetByLabel("申请人承诺补齐日期").FillAsync(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await accept.GetByLabel("申请人已签署容缺受理承诺书").CheckAsync();
        await AppServer.ScreenshotAsync(page, "26-accept-with-deferral");
        await accept.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await page.GetByText("尚未补齐，补齐后方可作出准予决定").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "受理通知书" }).ClickAsync();
        var notice = await page.Locator("article").InnerTextAsync();
        Assert.Contains("容缺受理", notice, StringComparison.Ordinal);
        Assert.Matches(@"受字〔\d{4}〕第\d{5}号", notice);
        Assert.Contains("已收取的申请材料", notice, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "27-acceptance-notice-deferral");
    }
}
