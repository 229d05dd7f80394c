using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

public class CaseJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_clerk_handles_a_walk_in_instant_case_end_to_end()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk.mz");
        await page.GetByRole(AriaRole.Link, new() { Name = "窗口收件" }).ClickAsync();
        await page.GetByLabel("办理事项").SelectOptionAsync("431025-MZ-004");
        await page.GetByRole(AriaRole.Button, new() { Name = "选择事项" }).ClickAsync();
        await page.GetByLabel("申请人名称").FillAsync("张三");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("联系电话").FillAsync("13800000000");
        // The clerk ticks what was handed in: here everything the guide requires.
        foreach (var box in await page.Locator("input[name=Provided]").AllAsync())
        {
            await box.CheckAsync();
        }
        await AppServer.ScreenshotAsync(page, "20-case-intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "收件登记" }).ClickAsync();
        await page.ArriveAtAsync("**/workbench/cases/431025-*");
        Assert.Contains("已收件", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("证照或决定书编号").FillAsync("J431025-2026-000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "即办：当场办结" }).ClickAsync();
        await page.GetByText("记录链校验通过").WaitForAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("已办结", text, StringComparison.Ordinal);
        Assert.Contains("送达办结", text, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "21-case-concluded");

        // Anyone holding the certificate checks it by typing its number at /verify.
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/verify");
        await citizen.GetByLabel("证照或决定书编号").FillAsync("J431025-2026-000001");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await citizen.GetByText("核验通过").WaitForAsync();
        Assert.Contains("张*", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(citizen, "24-verify");
    }

    [Fact]
    public async Task A_promised_case_shows_its_clocks_and_goes_to_review()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk.mz");
        await page.GotoAsync("/workbench/cases/new?item=431025-MZ-001");
        await page.GetByLabel("企业或组织（统一社会信用代码）").CheckAsync();
        await page.GetByLabel("申请人名称").FillAsync("临武县摄影家协会（筹）");
        await page.GetByLabel("证件号码").FillAsync("91350100M000100Y43");
        await page.GetByLabel("联系电话").FillAsync("0735-6361888");
        await page.GetByRole(AriaRole.Button, new() { Name = "收件登记" }).ClickAsync();
        await page.ArriveAtAsync("**/workbench/cases/431025-*");

        // Nothing was ticked: the page says what is missing and offers the one-time notice filled in with exactly that.
        Assert.Contains("尚缺必要材料", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var notice = page.Locator("form:has(input[value=correction]) textarea[name=Missing]");
        Assert.Contains("章程草案", await notice.InputValueAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "21-case-materials-missing");
        await page.Locator("form:has(input[value=correction])").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByText("待补正材料").WaitForAsync();
        await page.Locator("form:has(input[value=supplement])").GetByRole(AriaRole.Button).ClickAsync(); // the textarea is filled with what was asked
        await page.Locator("form:has(input[value=accept])").WaitForAsync();
        await page.Locator("form:has(input[value=accept])").GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await page.GetByText("当前环节：审查").WaitForAsync();
        Assert.Contains("剩余", await page.Locator(".clock").First.InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, "22-case-in-review");
        await page.GotoAsync("/workbench/cases");
        await AppServer.ScreenshotAsync(page, "23-case-inbox");
        Assert.Contains("社会团体成立登记", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }
}
