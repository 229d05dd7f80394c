using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>接入应用: the center administrator registers a department's system, hands over the key shown once, and revokes it.</summary>
public class ApiClientJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_administrator_registers_a_departments_system_its_key_reports_a_certificate_and_a_revocation_stops_it(int width, int height)
    {
        var page = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(page, "admin");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "接入应用" }).First.ClickAsync();
        await page.ArriveAtAsync("**/admin/api-clients");
        var name = $"民政局证照系统 {width}";
        await page.GetByLabel("应用名称").FillAsync(name);
        await page.GetByLabel("联系人及联系方式").FillAsync("信息中心 李工 0735-6361299");
        await page.GetByLabel("所属").SelectOptionAsync(new SelectOptionValue { Label = "临武县民政局" });
        await page.GetByLabel("证照上报").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并生成密钥" }).ClickAsync();
        await page.GetByText($"“{name}”已登记").WaitForAsync();
        var key = await page.GetByLabel("接入密钥").InputValueAsync();
        Assert.StartsWith("ow_", key, StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(page, $"95-api-client-key-shown-once-{width}");

        using var system = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        system.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        // The journey's app runs on the real clock (a separate process), so the certificate is dated by it.
        var certificate = new { number = $"JH-KEY-{width}", itemCode = "431025-MZ-004", holderName = "张三", issuedAt = DateTime.UtcNow.AddHours(-1) };
        Assert.Equal(HttpStatusCode.Created, (await system.PostAsJsonAsync("/api/v1/certificates", certificate)).StatusCode);

        await page.GotoAsync("/admin/api-clients");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("tr", new() { HasText = name });
        await row.GetByLabel("吊销理由").FillAsync("系统更换");
        await AppServer.ScreenshotAsync(page, $"96-api-clients-{width}");
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销密钥" }).ClickAsync();
        await page.GetByText($"已吊销“{name}”的接入密钥，即时生效。").WaitForAsync();
        await AppServer.ScreenshotAsync(page, $"97-api-client-revoked-{width}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.PostAsJsonAsync("/api/v1/certificates", certificate with { })).StatusCode);
    }
}
