using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// The hotline's remaining workflow (ADR 0034) in the browser: the center administrator adds and retires a category;
/// a co-handler contributes from its own inbox; the county coordinator reads the orders towns lead.
/// </summary>
public class HotlineWorkflowJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_administrator_edits_the_tree_a_co_handler_contributes_and_the_coordinator_reads_town_orders(int width, int height)
    {
        var admin = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "诉求分类维护" }).First.ClickAsync();
        await admin.ArriveAtAsync("**/admin/hotline/categories");
        await admin.Locator("a[href='/admin/hotline/categories?parent=CX']").ClickAsync(); // 城乡建设's categories
        var code = $"CX.{width % 100}";
        await admin.GetByLabel("分类编码").FillAsync(code);
        await admin.GetByLabel("分类名称").FillAsync($"电梯安全 {width}");
        await admin.GetByLabel("默认承办单位").SelectOptionAsync(new SelectOptionValue { Label = "临武县市场监督管理局" });
        await admin.GetByLabel("法定办理时限（工作日）").FillAsync("15");
        await admin.GetByLabel("排序号").FillAsync("90");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.GetByText($"已保存分类“电梯安全 {width}”。").WaitForAsync();
        await AppServer.ScreenshotAsync(admin, $"98-hotline-categories-{width}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "停用该分类" }).ClickAsync();
        await admin.GetByText($"已停用分类“电梯安全 {width}”").WaitForAsync();

        var operatorApi = await app.ApiAsync("hotline");
        var units = JsonDocument.Parse(await operatorApi.GetStringAsync("/api/v1/hotline/units")).RootElement.EnumerateArray()
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetGuid());
        async Task<string> DispatchedAsync(string content, string lead, string co)
        {
            var created = JsonDocument.Parse(await (await operatorApi.PostAsync("/api/v1/hotline/orders", JsonContent.Create(new
            {
                channel = "Phone", type = "Complaint", categoryCode = "CX.02", content, regionCode = "431025100001", callerName = "陈先生", callerPhone = "13907356666",
            }))).Content.ReadAsStringAsync()).RootElement;
            var id = created.GetProperty("id").GetGuid();
            var dispatched = await operatorApi.PostAsync($"/api/v1/hotline/orders/{id}/dispatch", JsonContent.Create(new
            {
                revision = created.GetProperty("revision").GetInt32(), leadUnitId = units[lead], coHandlerIds = new[] { units[co] },
            }));
            dispatched.EnsureSuccessStatusCode();
            return created.GetProperty("number").GetString()!;
        }
        var coHandled = await DispatchedAsync($"人行道井盖破损 {width}", "临武县城市管理和综合执法局", "舜峰镇人民政府");
        var townLed = await DispatchedAsync($"村道路灯不亮 {width}", "舜峰镇人民政府", "临武县城市管理和综合执法局");

        var town = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(town, "unit.town");
        await town.GotoAsync("/hotline/inbox");
        await town.GetByRole(AriaRole.Link, new() { Name = "协办工单" }).ClickAsync();
        await town.ArriveAtAsync("**/hotline/inbox/co-handling");
        var card = town.Locator("section", new() { HasText = coHandled });
        await card.GetByLabel("协办意见").FillAsync("本镇已安排社区网格员现场设置警示");
        await card.GetByRole(AriaRole.Button, new() { Name = "提交给主办单位" }).ClickAsync();
        await town.GetByText($"已向主办单位提交工单 {coHandled} 的协办意见。").WaitForAsync();
        await AppServer.ScreenshotAsync(town, $"99-hotline-co-handling-{width}");

        var coordinator = await app.NewPageAsync(width: width, height: height);
        await AppServer.SignInAsync(coordinator, "coordinator");
        await coordinator.GotoAsync("/hotline/oversight/towns");
        await coordinator.GetByText(townLed).WaitForAsync();
        Assert.DoesNotContain(coHandled, await coordinator.ContentAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(coordinator, $"99-hotline-town-orders-{width}");
    }
}
