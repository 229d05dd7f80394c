using OneWindow.Web.Modules.Catalog;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>电子监察 in the browser: a red card appears live on the dashboard; a notice is issued, answered and closed.</summary>
public class SupervisionJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static async Task<JsonElement> Act(HttpClient client, string number, int revision, string action, object body)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["revision"] = revision;
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{number}/{action}", fields);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_supervisor_sees_a_red_card_appear_live_issues_a_notice_the_department_replies_and_the_supervisor_closes_it()
    {
        var supervisor = await app.NewPageAsync();
        await AppServer.SignInAsync(supervisor, "supervisor");

        // The center treats a denial that cites no law as a red card.
        await supervisor.GotoAsync("/supervision/rules");
        await supervisor.GetByLabel("规则").SelectOptionAsync("NoLegalBasis");
        await supervisor.GetByLabel("适用范围").SelectOptionAsync("Default");
        await supervisor.GetByLabel("预警级别").SelectOptionAsync("Red");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await supervisor.GetByText("规则设置已保存").WaitForAsync();
        await AppServer.ScreenshotAsync(supervisor, "60-supervision-rules");

        await supervisor.GotoAsync("/supervision");
        var red = supervisor.Locator("[data-figure=redCards]");
        var before = int.Parse(await red.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await supervisor.Locator("[data-live-status]").WaitForAsync(); // the live stream is connected

        // Meanwhile, at the 民政 windows: a case accepted, reviewed and denied without a legal basis.
        var clerk = await app.ApiAsync("clerk.mz");
        var created = await (await clerk.PostAsJsonAsync("/api/v1/cases", new
        {
            itemCode = "431025-MZ-002", applicantKind = "Person", applicantName = "赵监察", identityNumber = "11010519491231002X", phone = "13800000000",
            materialsProvided = DemoCatalog.RequiredMaterials("431025-MZ-002"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;
        var c = await Act(clerk, number, 1, "accept", new { });
        c = await Act(await app.ApiAsync("reviewer.mz"), number, c.GetProperty("revision").GetInt32(), "complete-node", new { opinion = "材料不实" });
        await Act(await app.ApiAsync("approver.mz"), number, c.GetProperty("revision").GetInt32(), "decide", new { outcome = "Deny", reason = "不符合条件" });

        // Without reloading, the red count rises and the card is listed.
        await Assertions.Expect(red).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var card = supervisor.Locator("[data-list=cards] tr", new() { HasText = number });
        await Assertions.Expect(card).ToContainTextAsync("红牌");
        await AppServer.ScreenshotAsync(supervisor, "61-supervision-dashboard-red-card");

        // The card, the case's record, and a notice to the department.
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await supervisor.ArriveAtAsync("**/workbench/alerts/*");
        await AppServer.ScreenshotAsync(supervisor, "62-supervision-alert");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await supervisor.GetByText("记录链校验通过").WaitForAsync();
        await AppServer.ScreenshotAsync(supervisor, "63-supervision-case-record");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "下发督办单" }).ClickAsync();
        await supervisor.GetByLabel("督办事由").FillAsync("不予许可未引用法律依据");
        await supervisor.GetByLabel("督办要求").FillAsync("请补充不予许可的法律依据，重新向申请人送达决定书，并书面回复");
        await supervisor.GetByLabel("回复期限（工作日）").FillAsync("2");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await supervisor.ArriveAtAsync("**/workbench/notices/*");
        var noticeUrl = new Uri(supervisor.Url).AbsolutePath;
        Assert.Contains("待回复", await supervisor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The department finds the notice in its workbench and replies.
        var department = await app.NewPageAsync();
        await AppServer.SignInAsync(department, "approver.mz");
        await department.GetByRole(AriaRole.Link, new() { Name = "督办单" }).ClickAsync();
        await department.GetByRole(AriaRole.Link, new() { Name = "DB-", Exact = false }).First.ClickAsync();
        await department.GetByLabel("办理情况").FillAsync("已依据《民办非企业单位登记管理暂行条例》第十二条重新作出决定并送达");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交回复" }).ClickAsync();
        await department.GetByText("已回复，等待监察人员审核").WaitForAsync();
        Assert.Equal(noticeUrl, new Uri(department.Url).AbsolutePath);

        // The supervisor reviews the reply and closes the notice.
        await supervisor.GotoAsync(noticeUrl);
        await supervisor.GetByLabel("审核意见").FillAsync("回复属实，整改到位");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审核通过，办结" }).ClickAsync();
        await supervisor.GetByText("督办单已办结").WaitForAsync();
        Assert.Contains("已办结", await supervisor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(supervisor, "64-supervision-notice-closed");
    }

    [Fact]
    public async Task A_citizen_complains_anonymously_and_reads_the_answer_with_the_code()
    {
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "效能投诉" }).ClickAsync();
        await citizen.GetByLabel("窗口", new() { Exact = true }).CheckAsync();
        await citizen.GetByLabel("窗口或工作人员（投诉窗口、人员时填写）").FillAsync("B01 民政窗口");
        await citizen.GetByLabel("投诉内容").FillAsync("上午十点窗口无人，等候四十分钟");
        await citizen.GetByLabel("匿名投诉（不留姓名和电话）").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        var code = await citizen.Locator(".tracking-code").InnerTextAsync();
        Assert.Matches("^TS[0-9A-Z]{10}$", code);
        await AppServer.ScreenshotAsync(citizen, "66-complaint-filed");

        var supervisor = await app.NewPageAsync();
        await AppServer.SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync("/supervision/complaints");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "受理并调查" }).ClickAsync();
        await supervisor.GetByText("已受理。").WaitForAsync();
        await supervisor.GetByLabel("投诉成立（计入绩效考核）").CheckAsync();
        await supervisor.GetByLabel("调查核实情况").FillAsync("调取监控，窗口人员离岗 40 分钟属实");
        await supervisor.GetByLabel("答复投诉人").FillAsync("投诉属实，已批评教育并落实 AB 岗，感谢监督");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "办结并答复" }).ClickAsync();
        await supervisor.GetByText("投诉已办结并答复。").WaitForAsync();

        await citizen.GotoAsync("/complaints/track?code=" + code);
        Assert.Contains("落实 AB 岗", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AppServer.ScreenshotAsync(citizen, "67-complaint-answered");

        await supervisor.GotoAsync("/supervision/assessment?kind=Department");
        await supervisor.GetByRole(AriaRole.Cell, new() { Name = "临武县民政局" }).WaitForAsync();
        await supervisor.Locator("details").First.ClickAsync();
        // The period field has no type attribute: it is styled like every other text input, not left to the browser.
        var period = supervisor.Locator("input[name=period]");
        Assert.Equal(await supervisor.Locator("select[name=kind]").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"),
            await period.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
        Assert.Equal("8px", await period.EvaluateAsync<string>("e => getComputedStyle(e).paddingTop"));
        await AppServer.ScreenshotAsync(supervisor, "68-assessment");
    }

    [Fact]
    public async Task The_big_screen_fills_1920_by_1080_with_its_charts()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/screen");
        await page.Locator("#trend-chart canvas").WaitForAsync();
        await page.Locator("#ranking-chart canvas").WaitForAsync();
        await page.Locator("#status-chart canvas").WaitForAsync();
        Assert.Empty(errors);
        var size = await page.EvaluateAsync<int[]>("() => [document.body.scrollWidth, document.body.scrollHeight]");
        Assert.Equal([1920, 1080], size);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppServer.ScreenshotDir, "65-big-screen.png") });
        await context.CloseAsync();
    }
}
