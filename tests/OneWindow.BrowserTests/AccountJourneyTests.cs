using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>Signing up with a code to the phone, signing in and out, as a citizen and a member of staff expect them to work.</summary>
public class AccountJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_clerk_signs_out_with_the_headers_button_and_the_workbench_then_asks_for_sign_in()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "clerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.ArriveAtAsync(app.BaseUrl + "/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).CountAsync());

        await page.GotoAsync("/workbench");
        await page.ArriveAtAsync("**/account/login?ReturnUrl=%2Fworkbench");
        Assert.Equal("登录", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData(1366, 768, "13907356601", "431025198001010011")]
    [InlineData(390, 844, "13907356602", "431025198202020021")]
    public async Task A_citizen_signs_up_with_the_code_sent_to_the_phone_then_signs_in(int width, int height, string phone, string idNumber)
    {
        var page = await app.NewPageAsync(width: width, height: height);
        await page.GotoAsync("/account/register");
        await AppServer.ScreenshotAsync(page, $"40-sign-up-phone-{width}");
        await page.GetByLabel("手机号码（登录名）").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送验证码" }).ClickAsync();
        await page.GetByText("验证码已发送至 " + phone).WaitForAsync();
        await AppServer.ScreenshotAsync(page, $"41-sign-up-details-{width}");

        await page.GetByLabel("短信验证码").FillAsync(await app.CodeSentToAsync(phone));
        await page.GetByLabel("真实姓名").FillAsync("何小兵");
        await page.GetByLabel("居民身份证号码").FillAsync(idNumber);
        await page.Locator("#password").FillAsync("hexiaobing2026");
        await page.Locator("#confirmPassword").FillAsync("hexiaobing2026");
        await page.Locator("#consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        try
        {
            await page.ArriveAtAsync($"**/account/login?UserName={phone}");
        }
        catch (TimeoutException e)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, $"failed-sign-up-{width}.png"), Timeout = 10_000 });
            throw new InvalidOperationException($"Sign-up did not reach the sign-in page ({page.Url}): {await page.ContentAsync()}", e);
        }
        await page.GetByText("注册已完成").WaitForAsync();
        Assert.Equal(phone, await page.GetByLabel("用户名或手机号码").InputValueAsync());
        await AppServer.ScreenshotAsync(page, $"42-sign-in-after-sign-up-{width}");

        await page.GetByLabel("密码").FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByText("用户名或密码不正确。").WaitForAsync();
        await AppServer.ScreenshotAsync(page, $"43-sign-in-wrong-password-{width}");
        await page.GetByLabel("密码").FillAsync("hexiaobing2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.ArriveAtAsync("**/my");
        Assert.Contains("何小兵", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }
}
