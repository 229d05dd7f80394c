using Microsoft.Playwright;

namespace OneWindow.BrowserTests;

/// <summary>
/// Issue 19's last step in the browser (ADR 0028): an order dispatched at the desk, the app's clock moved past the limit
/// to sign for, the sweep raises the red card, and it shows on the supervision dashboard, on the big screen's figures,
/// on the order's page and in the unit's inbox.
/// </summary>
public class HotlineSupervisionJourneyTests(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task The_red_card_for_a_late_sign_for_appears_on_the_dashboard_and_the_order()
    {
        var op = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(op, "hotline");
        await op.GotoAsync("/hotline/desk");
        await op.GetByLabel("来电号码").FillAsync("13907357788");
        await op.GetByLabel("诉求类型").SelectOptionAsync("Complaint");
        await op.GetByLabel("诉求分类").SelectOptionAsync("SC.01");
        await op.GetByLabel("所在区划").SelectOptionAsync("431025100001");
        await op.GetByLabel("诉求内容").FillAsync("农贸市场活禽摊位无证经营，气味很大");
        await op.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = "临武县市场监督管理局" });
        await op.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await op.ArriveAtAsync("**/hotline/orders/*");
        await Assertions.Expect(op.Locator("h1 .tag.state").First).ToHaveTextAsync("待签收");
        var orderUrl = op.Url;
        var number = (await op.Locator("h1").InnerTextAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        // Three weeks pass unsigned: past the one working day even across a long holiday. The sweep runs every two seconds.
        await app.ShiftClockAsync(TimeSpan.FromDays(21));

        var dashboard = await app.NewPageAsync(width: 1366, height: 768);
        await AppServer.SignInAsync(dashboard, "supervisor");
        var card = dashboard.Locator("[data-list=cards] tr", new() { HasText = number }).Filter(new() { HasText = "工单签收超时" });
        for (var tries = 0; tries < 30 && await card.CountAsync() == 0; tries++)
        {
            await dashboard.GotoAsync("/supervision");
            if (await card.CountAsync() == 0)
            {
                await Task.Delay(1000);
            }
        }
        await Assertions.Expect(card).ToContainTextAsync("红牌");
        await Assertions.Expect(dashboard.Locator("[data-list=panels] tr", new() { HasText = "签收超时" })).ToContainTextAsync("1");
        await AppServer.ScreenshotAsync(dashboard, "90-hotline-red-card-dashboard");
        await dashboard.GetByRole(AriaRole.Link, new() { Name = "签收超时", Exact = true }).ClickAsync();
        await dashboard.ArriveAtAsync("**/hotline/oversight/SignOverdue");
        await Assertions.Expect(dashboard.Locator("table")).ToContainTextAsync(number);
        await AppServer.ScreenshotAsync(dashboard, "91-hotline-oversight");

        var phone = await app.NewPageAsync(width: 390, height: 844);
        await AppServer.SignInAsync(phone, "supervisor");
        await phone.GotoAsync("/supervision");
        await Assertions.Expect(phone.Locator("[data-list=cards]")).ToContainTextAsync(number);
        await AppServer.ScreenshotAsync(phone, "92-hotline-red-card-dashboard-phone");

        var screen = await app.NewPageAsync(width: 1920, height: 1080);
        await screen.GotoAsync("/screen");
        await Assertions.Expect(screen.Locator("[data-list=panels] tr", new() { HasText = "签收超时" })).ToContainTextAsync("1");
        await AppServer.ScreenshotAsync(screen, "93-hotline-big-screen");

        // The order's page and the unit's inbox show the card (the earlier sign-ins have expired with the days).
        await AppServer.SignInAsync(op, "hotline");
        await op.GotoAsync(orderUrl);
        await Assertions.Expect(op.Locator(".case-alerts")).ToContainTextAsync("工单签收超时");
        await AppServer.ScreenshotAsync(op, "94-hotline-order-red-card");
        var unit = await app.NewPageAsync(width: 390, height: 844);
        await AppServer.SignInAsync(unit, "reviewer.sj");
        await unit.GotoAsync("/hotline/inbox");
        await Assertions.Expect(unit.Locator(".case-alerts")).ToContainTextAsync(number);
        await AppServer.ScreenshotAsync(unit, "95-hotline-inbox-red-card-phone");
    }
}
