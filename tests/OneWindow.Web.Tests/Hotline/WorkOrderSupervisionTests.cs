using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// Supervision of work orders end to end (ADR 0028), on the test clock through <c>/api/v1/hotline</c>: each rule raised
/// once, by the sweep or at the unit's late action, about the order and against its lead unit; shown on the order's
/// page and in the unit's inbox; a notice issued on an order.
/// </summary>
public class WorkOrderSupervisionTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static DateTimeOffset Bj(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private async Task<(HttpClient Hotline, HttpClient Market, Guid MarketId)> StaffAt(DateTimeOffset at)
    {
        app.Clock.Set(at);
        var hotline = await app.SignedIn("hotline");
        return (hotline, await app.SignedIn("reviewer.sj"), await UnitAsync(hotline, Market));
    }

    private static async Task<WorkOrderView> DispatchedToMarket(HttpClient hotline, Guid marketId, string content)
    {
        var order = await RegisterAsync(hotline, Call(content));
        return await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId)));
    }

    private async Task<List<SupervisionAlert>> AlertsOf(WorkOrderView order)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.WorkOrder && a.SubjectId == order.Id).OrderBy(a => a.RaisedAt).ToListAsync();
        }
    }

    private async Task<SupervisionWatch?> WatchOf(WorkOrderView order)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionWatches.AsNoTracking().SingleOrDefaultAsync(w => w.SubjectKind == SubjectKind.WorkOrder && w.SubjectId == order.Id);
        }
    }

    private async Task Sweep(DateTimeOffset at)
    {
        app.Clock.Set(at);
        await app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sign_for_limit_passed_is_a_red_card_from_the_sweep_once_against_the_lead_unit_on_the_order_page_and_in_the_inbox()
    {
        var (hotline, _, marketId) = await StaffAt(Bj(11, 23, 9)); // Monday; signing for is due Tuesday 24:00
        var order = await DispatchedToMarket(hotline, marketId, "农贸市场活禽摊位无证经营");
        Assert.Equal(order.SignDueAt, (await WatchOf(order))?.DueAt);

        await Sweep(Bj(11, 24, 23, 59));
        Assert.Empty(await AlertsOf(order));
        await Sweep(Bj(11, 25, 0));
        await Sweep(Bj(11, 25, 1));
        var card = Assert.Single(await AlertsOf(order));
        Assert.Equal((SupervisionRule.WorkOrderSignOverdue, AlertSeverity.Red, marketId), (card.Rule, card.Severity, card.DepartmentId));
        Assert.Equal((order.Number, "食品安全"), (card.SubjectNumber, card.SubjectTitle));
        Assert.Null(card.CaseNumber);
        Assert.Equal(order.SignDueAt, card.TriggeredAt);
        // The department's approver is told; the watch moves on to the reply limit.
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var told = await db.StaffNotifications.AsNoTracking().Where(n => n.AlertId == card.Id).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync();
            Assert.Contains("approver.sj", told);
        }
        Assert.Equal(order.DueAt, (await WatchOf(order))?.DueAt);

        var market = await app.SignedIn("reviewer.sj");
        var page = await market.GetStringAsync($"/hotline/orders/{order.Id}");
        Assert.Contains("工单签收超时", page, StringComparison.Ordinal);
        Assert.Contains($"/workbench/alerts/{card.Id}", page, StringComparison.Ordinal);
        var inbox = await market.GetStringAsync("/hotline/inbox");
        Assert.Contains("监察预警", inbox, StringComparison.Ordinal);
        Assert.Contains($"/workbench/alerts/{card.Id}", inbox, StringComparison.Ordinal);
        // The department answers it on its workbench like any alert.
        var alerts = await (await market.GetAsync("/api/v1/supervision/alerts")).ReadJsonAsync();
        Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("subjectNumber").GetString() == order.Number && a.GetProperty("subjectKind").GetString() == "WorkOrder");
        // The alert's page names the order and leads to it.
        var alertPage = await market.GetStringAsync($"/workbench/alerts/{card.Id}");
        Assert.Contains($"<a href=\"/hotline/orders/{order.Id}\">{order.Number}</a>", alertPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_for_late_is_carded_at_the_signature_and_signing_in_time_is_not()
    {
        var (hotline, _, marketId) = await StaffAt(Bj(11, 23, 9));
        var late = await DispatchedToMarket(hotline, marketId, "超市销售过期食品");
        var inTime = await DispatchedToMarket(hotline, marketId, "餐馆后厨卫生差");
        app.Clock.Set(Bj(11, 24, 17));
        var market = await app.SignedIn("reviewer.sj");
        inTime = await OkAsync(ActAsync(market, inTime, "sign", new RevisionRequest(inTime.Revision)));
        app.Clock.Set(Bj(11, 25, 9));
        market = await app.SignedIn("reviewer.sj");
        late = await OkAsync(ActAsync(market, late, "sign", new RevisionRequest(late.Revision)));
        Assert.True(late.SignedLate);
        Assert.Equal(SupervisionRule.WorkOrderSignOverdue, Assert.Single(await AlertsOf(late)).Rule); // no sweep ran: raised at the action
        Assert.Empty(await AlertsOf(inTime));
        await Sweep(Bj(11, 25, 10));
        Assert.Single(await AlertsOf(late));
        Assert.Empty(await AlertsOf(inTime));
    }

    [Fact]
    public async Task The_reply_limit_is_carded_against_the_extended_limit_when_an_extension_was_approved()
    {
        var (hotline, market, marketId) = await StaffAt(Bj(11, 23, 9));
        var order = await DispatchedToMarket(hotline, marketId, "药店无执业药师");
        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        order = await OkAsync(ActAsync(market, order, "extend", new ExtendRequest(order.Revision, 2, "需现场核查")));
        order = await OkAsync(ActAsync(hotline, order, "decide-extension", new DecideExtensionRequest(order.Revision, true)));
        Assert.Equal(Bj(12, 3, 0).UtcDateTime, order.DueAt); // five working days to 30 November, two more
        Assert.Equal(order.DueAt, (await WatchOf(order))?.DueAt);

        await Sweep(Bj(12, 1, 10)); // the limit without the extension has passed
        Assert.Empty(await AlertsOf(order));
        await Sweep(Bj(12, 3, 0));
        await Sweep(Bj(12, 3, 9));
        var card = Assert.Single(await AlertsOf(order));
        Assert.Equal((SupervisionRule.WorkOrderReplyOverdue, AlertSeverity.Red), (card.Rule, card.Severity));
        Assert.Contains("经批准延期 2 个工作日", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callback_limit_passed_is_a_reminder_from_the_sweep_and_a_callback_in_time_ends_the_watch()
    {
        var (hotline, market, marketId) = await StaffAt(Bj(11, 23, 9));
        var late = await DispatchedToMarket(hotline, marketId, "菜市场缺斤短两");
        var inTime = await DispatchedToMarket(hotline, marketId, "商场消防通道堵塞");
        foreach (var o in new[] { late, inTime })
        {
            var x = await OkAsync(ActAsync(market, o, "sign", new RevisionRequest(o.Revision)));
            x = await OkAsync(ActAsync(market, x, "reply", new ReplyRequest(x.Revision, ReplyResult.Resolved, "已查处")));
            x = await OkAsync(ActAsync(hotline, x, "review", new ReviewRequest(x.Revision, true)));
            Assert.Equal(Bj(11, 26, 0).UtcDateTime, x.CallbackDueAt); // Tuesday and Wednesday
            if (o == inTime)
            {
                await OkAsync(ActAsync(hotline, x, "callback", new CallbackRequest(x.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied)));
            }
        }
        Assert.Null(await WatchOf(inTime));
        await Sweep(Bj(11, 26, 9));
        var card = Assert.Single(await AlertsOf(late));
        Assert.Equal((SupervisionRule.WorkOrderCallbackOverdue, AlertSeverity.Reminder, marketId), (card.Rule, card.Severity, card.DepartmentId));
        Assert.Empty(await AlertsOf(inTime));
    }

    [Fact]
    public async Task Returned_twice_sent_back_twice_and_reopened_twice_are_yellow_cards_at_the_second_time_each_once()
    {
        var (hotline, market, marketId) = await StaffAt(Bj(11, 23, 9));
        var town = await app.SignedIn(Seeding.HotlineSeed.TownUserName);
        var townId = await UnitAsync(hotline, Town);
        var order = await RegisterAsync(hotline, Call("小区门口占道经营"));
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, townId)));
        order = await OkAsync(ActAsync(town, order, "return", new ReasonRequest(order.Revision, "占道经营属市场监管")));
        Assert.Empty(await AlertsOf(order));
        order = await OkAsync(ActAsync(hotline, order, "rule", new RuleRequest(order.Revision, ReturnRuling.Redispatch, marketId, "改派市场监管")));
        order = await OkAsync(ActAsync(market, order, "return", new ReasonRequest(order.Revision, "占道经营属城管")));
        var returned = Assert.Single(await AlertsOf(order));
        Assert.Equal((SupervisionRule.WorkOrderReturned, AlertSeverity.Yellow, marketId), (returned.Rule, returned.Severity, returned.DepartmentId));
        order = await OkAsync(ActAsync(hotline, order, "rule", new RuleRequest(order.Revision, ReturnRuling.AssignByRuling, marketId, "指定市场监管承办")));
        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));

        for (var i = 1; i <= 3; i++)
        {
            order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, $"第 {i} 次答复")));
            order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, false, $"第 {i} 次退回")));
            Assert.Equal(i >= 2 ? 1 : 0, (await AlertsOf(order)).Count(a => a.Rule == SupervisionRule.WorkOrderReplySentBack));
        }
        for (var i = 1; i <= 3; i++)
        {
            order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已清理")));
            order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
            order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, false, Satisfaction.Unsatisfied)));
            order = await OkAsync(ActAsync(hotline, order, "reopen", new ReasonRequest(order.Revision, "仍有占道")));
            Assert.Equal(i >= 2 ? 1 : 0, (await AlertsOf(order)).Count(a => a.Rule == SupervisionRule.WorkOrderReopened));
        }
        var all = await AlertsOf(order);
        Assert.Equal(3, all.Count);
        Assert.All(all, a => Assert.Equal((AlertSeverity.Yellow, marketId), (a.Severity, a.DepartmentId)));
    }
}
