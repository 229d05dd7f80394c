using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// 12345 in the browser, the whole loop through the pages: a call registered at the desk (the caller's history shown)
/// and dispatched to a town, returned with an objection, re-dispatched by the center's ruling to the market regulator,
/// signed, extended, replied, sent back once, accepted, called back unsatisfied, reopened, replied and concluded; and
/// the public form and tracking on a phone.
/// </summary>
public class HotlineJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    private static async Task Act(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存" }).WaitForAsync();
    }

    private static async Task Status(IPage page, string status) =>
        await Assertions.Expect(page.Locator("h1 .tag.state").First).ToHaveTextAsync(status);

    [Fact]
    public async Task A_call_goes_round_the_loop_from_the_desk_to_the_conclusion()
    {
        var op = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(op, "hotline");
        await op.GotoAsync("/hotline/desk");
        await op.GetByLabel("来电号码").FillAsync("13907358899");
        await op.GetByLabel("来电号码").PressAsync("Enter"); // the caller's history, at once
        await op.GetByText("该号码没有历史工单。").WaitForAsync();
        await op.GetByLabel("来电人姓名（可不填）").FillAsync("钱先生");
        await op.GetByLabel("诉求类型").SelectOptionAsync("Complaint");
        await op.GetByLabel("诉求分类").SelectOptionAsync("SC.01");
        await op.GetByLabel("所在区划").SelectOptionAsync("431025100001");
        await op.GetByLabel("详细地址").FillAsync("人民路 18 号");
        await op.GetByLabel("诉求内容").FillAsync("人民路一家早餐店无证经营，后厨卫生很差");
        await op.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = "舜峰镇人民政府" });
        await AppServer.ScreenshotAsync(op, "80-hotline-desk");
        await op.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await op.ArriveAtAsync("**/hotline/orders/*");
        await Status(op, "待签收");
        var orderUrl = op.Url;
        var number = (await op.Locator("h1").InnerTextAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        // The town finds it in its inbox and objects: the matter is the market regulator's.
        var town = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(town, "unit.town");
        await town.GotoAsync("/hotline/inbox");
        await AppServer.ScreenshotAsync(town, "81-hotline-unit-inbox");
        await town.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await town.ArriveAtAsync("**/hotline/orders/*");
        await town.GetByLabel("退单理由（为何不属于本单位职责）").FillAsync("无证经营属市场监管部门职责");
        await Act(town, "申请退单");
        await Status(town, "退单待裁定");

        // The center rules: re-dispatched to the market regulator.
        await op.GotoAsync("/hotline/lists/Objections");
        await op.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await op.ArriveAtAsync("**/hotline/orders/*");
        await op.Locator("select[name=Ruling]").SelectOptionAsync("Redispatch");
        await op.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = "临武县市场监督管理局" });
        await op.GetByLabel("裁定意见").FillAsync("无证经营由市场监管局查处，改派");
        await Act(op, "裁定");
        await Status(op, "待签收");

        // The department signs, asks for an extension, which the center approves, and replies.
        var market = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(market, "reviewer.sj");
        await market.GotoAsync(orderUrl);
        await Act(market, "签收");
        await Status(market, "办理中");
        await market.GetByLabel("延期工作日").FillAsync("2");
        await market.GetByLabel("延期理由").FillAsync("需会同卫健部门现场检查");
        await Act(market, "申请延期");
        await op.GotoAsync(orderUrl);
        await op.GetByLabel("审批意见").FillAsync("同意延期");
        await Act(op, "审批延期");
        await Assertions.Expect(op.Locator("main")).ToContainTextAsync("已延期 2 个工作日");
        await market.GotoAsync(orderUrl);
        await market.GetByLabel("答复内容").FillAsync("已责令停业整改");
        await Act(market, "答复");
        await Status(market, "答复待审核");

        // The center sends the reply back once and accepts the second.
        await op.GotoAsync(orderUrl);
        await op.Locator("form:has(input[name=act][value=review]) select[name=Flag]").SelectOptionAsync("false"); // 退回重办 (the consent form has a Flag too)
        await op.GetByLabel("审核意见（退回时必填）").FillAsync("请说明复查安排");
        await Act(op, "提交审核");
        await Status(op, "办理中");
        await market.GotoAsync(orderUrl);
        await market.GetByLabel("答复内容").FillAsync("已责令停业整改，下周一复查");
        await Act(market, "答复");
        await op.GotoAsync(orderUrl);
        await Act(op, "提交审核");
        await Status(op, "待回访");

        // The callback finds the caller unsatisfied; the center reopens the order to the same unit.
        await op.GetByLabel("是否解决").SelectOptionAsync("false");
        await op.GetByLabel("满意度").SelectOptionAsync("Unsatisfied");
        await op.GetByLabel("回访记录").FillAsync("来电人称店铺仍在营业");
        await Act(op, "记录回访");
        await Status(op, "回访不满意");
        await op.GetByLabel("重办理由").FillAsync("请复查并依法处理");
        await Act(op, "重办");
        await Status(op, "办理中");

        await market.GotoAsync(orderUrl);
        await market.GetByLabel("答复内容").FillAsync("复查时已关停，依法立案查处");
        await Act(market, "答复");
        await op.GotoAsync(orderUrl);
        await Act(op, "提交审核");
        await op.GetByLabel("满意度").SelectOptionAsync("Satisfied");
        await op.GetByLabel("回访记录").FillAsync("来电人表示满意");
        await Act(op, "记录回访");
        await Status(op, "已办结");
        await Assertions.Expect(op.Locator("main")).ToContainTextAsync("退单 1 次 · 退回重办 1 次 · 重办 1 次");
        await AppServer.ScreenshotAsync(op, "82-hotline-order-concluded");
        await op.GotoAsync("/hotline/lists/Callback");
        await AppServer.ScreenshotAsync(op, "83-hotline-center-lists");

        // The same order page on a phone, for the unit.
        var phone = await app.NewPageAsync(width: 390, height: 844);
        await AppServer.SignInAsync(phone, "reviewer.sj");
        await phone.GotoAsync(orderUrl);
        await AppServer.ScreenshotAsync(phone, "84-hotline-order-phone");
        await phone.GotoAsync("/hotline/inbox");
        await AppServer.ScreenshotAsync(phone, "85-hotline-inbox-phone");
    }

    [Fact]
    public async Task A_citizen_reports_on_a_phone_and_follows_the_order_with_the_number_and_the_phone_tail()
    {
        var phone = await app.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/hotline/new");
        await phone.GetByLabel("诉求类型").SelectOptionAsync("Help");
        await phone.GetByLabel("诉求分类").SelectOptionAsync("GF.01");
        await phone.GetByLabel("所在区划").SelectOptionAsync("431025100001");
        await phone.GetByLabel("反映内容").FillAsync("韩山社区停水一天了，没有通知");
        await phone.GetByLabel("手机号").FillAsync("13907357788");
        await AppServer.ScreenshotAsync(phone, "86-hotline-public-form-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var number = await phone.Locator(".tracking-code").InnerTextAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "查询进度" }).ClickAsync();
        await phone.GetByLabel("手机号后四位").FillAsync("7788");
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(number);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("待处置");
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync("13907357788");
        await AppServer.ScreenshotAsync(phone, "87-hotline-track-phone");
        var wide = await app.NewPageAsync(width: 1366, height: 768);
        await wide.GotoAsync("/hotline/new");
        await AppServer.ScreenshotAsync(wide, "88-hotline-public-form");
    }

    /// <summary>
    /// The telephony and the knowledge base at the desk: a call reported by the call center makes the desk show the
    /// caller's earlier orders at once; the operator searches the knowledge base from the keyboard (Alt+K, Enter inserts
    /// the answer) and closes the consultation on the spot, the call and the entry recorded on the order.
    /// </summary>
    [Fact]
    public async Task A_reported_call_shows_the_callers_history_and_the_operator_answers_from_the_knowledge_base()
    {
        var admin = await app.ApiAsync("admin");
        var registered = await admin.PostAsync("/api/v1/admin/api-clients", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "呼叫中心话务系统", contact = "呼叫中心 运维 0735-6361299", scopes = new[] { "hotline:calls" },
        }));
        var key = System.Text.Json.JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        var operatorApi = await app.ApiAsync("hotline");
        var earlier = await operatorApi.PostAsync("/api/v1/hotline/orders", System.Net.Http.Json.JsonContent.Create(new
        {
            channel = "Phone", type = "Complaint", categoryCode = "GF.02", content = "上周小区频繁停电", regionCode = "431025100001", callerName = "孙女士", callerPhone = "13907357777",
        }));
        var earlierNumber = System.Text.Json.JsonDocument.Parse(await earlier.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!;

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var op = await app.NewPageAsync(width: width, height: height);
            await AppServer.SignInAsync(op, "hotline");
            await op.GotoAsync("/hotline/desk");
            await Assertions.Expect(op.Locator("#call-panel")).ToHaveAttributeAsync("data-connected", "yes");

            using var telephony = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            telephony.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var callId = $"journey-{width}";
            var rang = await telephony.PostAsync("/api/v1/hotline/calls", System.Net.Http.Json.JsonContent.Create(new { callerNumber = "13907357777", line = "8001", callId, @event = "Ringing" }));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, rang.StatusCode);
            await Assertions.Expect(op.Locator("#call-panel")).ToContainTextAsync(earlierNumber);
            await Assertions.Expect(op.GetByLabel("来电号码")).ToHaveValueAsync("13907357777");

            await op.Keyboard.PressAsync("Alt+k");
            await Assertions.Expect(op.Locator("#kb-q")).ToBeFocusedAsync();
            await op.Keyboard.TypeAsync("停电了怎么查原因");
            await op.Locator(".kb-hit").First.WaitForAsync();
            await AppServer.ScreenshotAsync(op, $"83-hotline-desk-call-and-knowledge-{width}");
            await op.Locator("#kb-q").PressAsync("Enter");
            await Assertions.Expect(op.GetByLabel("答复内容（直接办结时）")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("95598"));
            await Assertions.Expect(op.Locator("input[name=Choice][value=answer]")).ToBeCheckedAsync();

            await op.GetByLabel("来电人姓名（可不填）").FillAsync("孙女士");
            await op.GetByLabel("诉求类型").SelectOptionAsync("Consultation");
            await op.GetByLabel("诉求分类").SelectOptionAsync("GF.02");
            await op.GetByLabel("所在区划").SelectOptionAsync("431025100001");
            await op.GetByLabel("诉求内容").FillAsync("又停电了，问怎么查停电原因");
            await op.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await op.ArriveAtAsync("**/hotline/orders/*");
            await Status(op, "直接办结");
            await Assertions.Expect(op.Locator("main")).ToContainTextAsync(callId);
            await Assertions.Expect(op.GetByRole(AriaRole.Link, new() { Name = "知识库条目" })).ToBeVisibleAsync();
            await AppServer.ScreenshotAsync(op, $"84-hotline-order-from-call-{width}");

            // The list pages 30 at a time by key and the demo has 31 entries: the used one is found by its category, as an operator would.
            await op.GotoAsync("/knowledge?category=GF.02");
            await AppServer.ScreenshotAsync(op, $"85-knowledge-list-{width}");
            await op.GetByRole(AriaRole.Link, new() { Name = "停电了怎么查原因？" }).ClickAsync();
            await op.ArriveAtAsync("**/knowledge/*");
            await Assertions.Expect(op.Locator("main")).ToContainTextAsync(width == 1366 ? "已用于 1 张工单" : "已用于 2 张工单");
            await AppServer.ScreenshotAsync(op, $"86-knowledge-entry-{width}");
        }
    }
}
