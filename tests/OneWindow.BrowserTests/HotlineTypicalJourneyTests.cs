using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// Typical orders (ADR 0037) in the browser: a caller consents on the public form; the operator writes the public
/// version of a concluded, consented order — refused while it carries a phone number, the text kept —, publishes it;
/// the public reads it on the list and its page; the caller withdraws the consent on the tracking page and it is gone.
/// </summary>
public class HotlineTypicalJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_operator_publishes_a_consented_order_the_public_reads_it_and_the_caller_withdraws(int width, int height)
    {
        // The public form's consent box.
        var citizen = await app.NewPageAsync(width: width, height: height);
        await citizen.GotoAsync("/hotline/new");
        await citizen.GetByLabel("同意办结后将本件去除个人信息后作为典型工单公开（可随时在工单查询中撤回）").CheckAsync();
        await AppServer.ScreenshotAsync(citizen, $"99-hotline-typical-consent-{width}");

        // An order through the loop, the caller's consent given at the registration.
        var phone = $"1390735{width:0000}";
        var tail = phone[^4..];
        var hotlineApi = await app.ApiAsync("hotline");
        var marketApi = await app.ApiAsync("reviewer.sj");
        var units = JsonDocument.Parse(await hotlineApi.GetStringAsync("/api/v1/hotline/units")).RootElement.EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetGuid());
        var order = JsonDocument.Parse(await (await hotlineApi.PostAsync("/api/v1/hotline/orders", JsonContent.Create(new
        {
            channel = "Phone", type = "Complaint", categoryCode = "SC.01", content = $"舜峰镇人民路一家早餐店卫生条件差，后厨有老鼠 {width}", regionCode = "431025100001",
            address = "舜峰镇人民路 88 号", callerName = "李女士", callerPhone = phone, publicationConsent = true,
        }))).Content.ReadAsStringAsync()).RootElement;
        var id = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetString()!;
        async Task<int> ActAsync(HttpClient client, string action, object body)
        {
            var response = await client.PostAsync($"/api/v1/hotline/orders/{id}/{action}", JsonContent.Create(body));
            Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32();
        }
        var revision = order.GetProperty("revision").GetInt32();
        revision = await ActAsync(hotlineApi, "dispatch", new { revision, leadUnitId = units["临武县市场监督管理局"] });
        revision = await ActAsync(marketApi, "sign", new { revision });
        revision = await ActAsync(marketApi, "reply", new { revision, result = "Resolved", text = "已现场检查，责令停业整改并消杀，复查合格" });
        revision = await ActAsync(hotlineApi, "review", new { revision, accept = true });
        await ActAsync(hotlineApi, "callback", new { revision, method = "Phone", resolved = true, satisfaction = "Satisfied" });

        // The operator writes the public version; a phone number in it is refused, the text kept.
        var op = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(op, "hotline");
        await op.GotoAsync("/hotline/lists");
        await op.GetByRole(AriaRole.Link, new() { Name = "典型工单" }).First.ClickAsync();
        await op.ArriveAtAsync("**/hotline/typical-orders");
        await AppServer.ScreenshotAsync(op, $"99-hotline-typical-candidates-{width}");
        // The candidate's row, a card on a phone: its action and its content within the screen's width, nothing to scroll sideways for.
        var write = op.Locator("tr", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "编写公开" });
        foreach (var box in new[] { await write.BoundingBoxAsync(), await op.Locator("tr", new() { HasText = number }).Locator("td").Nth(5).BoundingBoxAsync() })
        {
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"{box?.X} + {box?.Width} at {width} px");
        }
        await FitsAsync(op);
        await op.GotoAsync("/hotline/typical-orders?culture=en");
        await Assertions.Expect(op.Locator("tr", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "Write up" })).ToBeVisibleAsync();
        await FitsAsync(op);
        await AppServer.ScreenshotAsync(op, $"99-hotline-typical-candidates-en-{width}");
        await op.GotoAsync("/hotline/typical-orders");
        await write.ClickAsync();
        await op.ArriveAtAsync($"**/hotline/typical-orders/{id}");
        var title = $"早餐店卫生问题经检查整改 {width}";
        await op.GetByLabel("标题").FillAsync(title);
        await op.GetByLabel("群众反映的问题").FillAsync($"群众反映县城一早餐店卫生条件差，可拨打 {phone} 了解。");
        await op.GetByLabel("办理结果").FillAsync("市场监管局现场检查，责令停业整改并消杀，复查合格后恢复营业。");
        await op.GetByRole(AriaRole.Button, new() { Name = "公开" }).ClickAsync();
        await Assertions.Expect(op.Locator("[role=alert]")).ToContainTextAsync("公开内容不能含有个人信息");
        await Assertions.Expect(op.GetByLabel("群众反映的问题")).ToHaveValueAsync($"群众反映县城一早餐店卫生条件差，可拨打 {phone} 了解。");
        await FitsAsync(op);
        await AppServer.ScreenshotAsync(op, $"99-hotline-typical-refused-{width}");
        await op.GetByLabel("群众反映的问题").FillAsync("群众反映县城一早餐店卫生条件差，后厨发现鼠迹。");
        await op.GetByRole(AriaRole.Button, new() { Name = "公开" }).ClickAsync();
        await op.GetByText("典型工单已公开。").WaitForAsync();
        await op.GotoAsync("/hotline/typical-orders?show=published");
        await Assertions.Expect(op.Locator("tr", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "修改或撤下" })).ToBeVisibleAsync();
        await FitsAsync(op);
        await AppServer.ScreenshotAsync(op, $"99-hotline-typical-published-{width}");

        // The public reads it: the list, newest first, and its page; nothing of the caller.
        var reader = await app.NewPageAsync(width: width, height: height);
        await reader.GotoAsync("/hotline/typical");
        await reader.GetByRole(AriaRole.Link, new() { Name = "市场监管" }).ClickAsync();
        await Assertions.Expect(reader.Locator(".typical-list li").First).ToContainTextAsync(title);
        await FitsAsync(reader);
        await AppServer.ScreenshotAsync(reader, $"99-hotline-typical-list-{width}");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("复查合格后恢复营业");
        var text = await reader.Locator("main").InnerTextAsync();
        foreach (var secret in new[] { number, phone, "李女士", "人民路" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        await FitsAsync(reader);
        await AppServer.ScreenshotAsync(reader, $"99-hotline-typical-one-{width}");
        var detail = reader.Url;

        // The caller withdraws on the tracking page: the typical order is gone at once.
        await citizen.GotoAsync($"/hotline/track?number={number}");
        await citizen.GetByLabel("手机号后四位").FillAsync(tail);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "撤回公开同意" }).ClickAsync();
        await citizen.GetByText("已撤回公开同意").WaitForAsync();
        await AppServer.ScreenshotAsync(citizen, $"99-hotline-typical-withdrawn-{width}");
        var gone = await reader.GotoAsync(detail);
        Assert.Equal(404, gone!.Status);
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("该典型工单未公开或已不再公开。");
        Assert.DoesNotContain(title, await reader.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await FitsAsync(reader);
        await AppServer.ScreenshotAsync(reader, $"99-hotline-typical-gone-{width}");
        await reader.GotoAsync(detail + "?culture=en");
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync("This typical order is not (or no longer) published.");
        await AppServer.ScreenshotAsync(reader, $"99-hotline-typical-gone-en-{width}");
        await reader.GotoAsync(detail);
        await reader.GetByRole(AriaRole.Link, new() { Name = "查看已公开的典型工单" }).ClickAsync();
        await reader.ArriveAtAsync("**/hotline/typical");
        Assert.DoesNotContain(title, await reader.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Nothing on the page to scroll sideways for, at the phone's width too.</summary>
    private static async Task FitsAsync(IPage page)
    {
        // The elements reaching past the screen's right edge, named to find the culprit.
        var wide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] : [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}: ${(e.textContent || '').trim().slice(0, 40)}`)
            """);
        Assert.True(wide.Length == 0, $"{page.Url} scrolls sideways: {string.Join(" | ", wide.Take(8))}");
    }
}
