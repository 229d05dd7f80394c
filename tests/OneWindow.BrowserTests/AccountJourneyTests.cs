using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>Signing out, as a member of staff expects it to work.</summary>
public class AccountJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_clerk_signs_out_with_the_headers_button_and_the_workbench_then_asks_for_sign_in()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).CountAsync());

        await page.GotoAsync("/workbench");
        await page.WaitForURLAsync("**/account/login?ReturnUrl=%2Fworkbench");
        Assert.Equal("登录", await page.Locator("h1").InnerTextAsync());
    }
}
