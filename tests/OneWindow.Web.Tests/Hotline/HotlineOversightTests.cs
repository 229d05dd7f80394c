using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Assessment;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Assessment;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The hotline seen by the supervision center (ADR 0028), each test on a database of its own: the dashboard's and the
/// big screen's figures with their links, the read-only lists behind them, and the hotline indicators of the assessment.
/// </summary>
public sealed class HotlineOversightTests : IDisposable
{
    private readonly OneWindowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset Bj(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task<FigurePanel> FiguresAsync()
    {
        using var scope = _app.Services.CreateScope();
        var panel = Assert.Single(scope.ServiceProvider.GetServices<IDashboardPanel>());
        return await panel.ComputeAsync(scope.ServiceProvider.GetRequiredService<OneWindowDbContext>(), _app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    private static int Figure(FigurePanel panel, string label) => Assert.Single(panel.Figures, f => f.Label == label).Value;

    private async Task<List<SupervisionAlert>> AlertsOfAsync(Guid orderId)
    {
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.SupervisionAlerts.AsNoTracking().Where(a => a.SubjectKind == SubjectKind.WorkOrder && a.SubjectId == orderId).ToListAsync();
        }
    }

    private async Task SweepAsync(DateTimeOffset at)
    {
        _app.Clock.Set(at);
        await _app.Services.GetRequiredService<SupervisionSweep>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_dashboard_and_the_big_screen_show_todays_orders_the_open_by_state_and_the_overdue_with_their_lists()
    {
        _app.Clock.Set(Bj(11, 23, 9));
        var hotline = await _app.SignedIn("hotline");
        var marketId = await UnitAsync(hotline, Market);
        await RegisterAsync(hotline, Call("路灯不亮"));
        var dispatched = await RegisterAsync(hotline, Call("菜市场噪声扰民"));
        dispatched = await OkAsync(ActAsync(hotline, dispatched, "dispatch", new DispatchRequest(dispatched.Revision, marketId)));

        var morning = await FiguresAsync();
        Assert.Equal((2, 2, 1, 1, 0), (Figure(morning, "今日来电"), Figure(morning, "今日登记工单"), Figure(morning, "待处置"), Figure(morning, "待签收"), Figure(morning, "签收超时")));

        _app.Clock.Set(Bj(11, 25, 9)); // the limit to sign for ended on Tuesday at 24:00
        var later = await FiguresAsync();
        Assert.Equal((0, 1, 1), (Figure(later, "今日登记工单"), Figure(later, "待签收"), Figure(later, "签收超时")));
        Assert.Equal("/hotline/oversight/SignOverdue", Assert.Single(later.Figures, f => f.Label == "签收超时").Link);

        var supervisor = await _app.SignedIn("supervisor");
        var dashboard = await supervisor.GetStringAsync("/supervision");
        Assert.Contains("12345 热线", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/hotline/oversight/SignOverdue\"", dashboard, StringComparison.Ordinal);
        var list = await supervisor.GetStringAsync("/hotline/oversight/SignOverdue");
        Assert.Contains(dispatched.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/hotline/orders/{dispatched.Id}", list, StringComparison.Ordinal); // a supervisor oversees, the order's page is the handlers'
        var api = await (await supervisor.GetAsync($"{Root}/oversight/SignOverdue")).ReadAsync<WorkOrderPage>();
        Assert.Equal(dispatched.Number, Assert.Single(api.Items).Number);
        Assert.Empty((await (await supervisor.GetAsync($"{Root}/oversight/ReplyOverdue")).ReadAsync<WorkOrderPage>()).Items);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await _app.SignedIn("reviewer.sj")).GetAsync($"{Root}/oversight/SignOverdue")).StatusCode);

        var screen = await _app.Anonymous().GetStringAsync("/screen");
        Assert.Contains("签收超时", screen, StringComparison.Ordinal);
        Assert.DoesNotContain(dispatched.Number, screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessment_scores_a_unit_that_handled_orders_on_the_hotline_indicators_as_its_configured_share()
    {
        _app.Clock.Set(Bj(11, 23, 9));
        var hotline = await _app.SignedIn("hotline");
        var market = await _app.SignedIn("reviewer.sj");
        var town = await _app.SignedIn(Seeding.HotlineSeed.TownUserName);
        var marketId = await UnitAsync(hotline, Market);
        var townId = await UnitAsync(hotline, Town);

        // Signed for late (a red card at the signature), replied in time, the caller satisfied.
        var first = await RegisterAsync(hotline, Call("超市销售过期食品"));
        first = await OkAsync(ActAsync(hotline, first, "dispatch", new DispatchRequest(first.Revision, marketId)));
        // Returned by the town, re-dispatched, signed in time, reopened once, then fairly satisfied.
        var second = await RegisterAsync(hotline, Call("早餐店无证经营"));
        second = await OkAsync(ActAsync(hotline, second, "dispatch", new DispatchRequest(second.Revision, townId)));
        second = await OkAsync(ActAsync(town, second, "return", new ReasonRequest(second.Revision, "属市场监管职责")));
        second = await OkAsync(ActAsync(hotline, second, "rule", new RuleRequest(second.Revision, ReturnRuling.Redispatch, marketId, "改派")));
        second = await OkAsync(ActAsync(market, second, "sign", new RevisionRequest(second.Revision)));

        _app.Clock.Set(Bj(11, 25, 9));
        hotline = await _app.SignedIn("hotline");
        market = await _app.SignedIn("reviewer.sj");
        first = await OkAsync(ActAsync(market, first, "sign", new RevisionRequest(first.Revision)));
        async Task<WorkOrderView> ReplyAndCallBack(WorkOrderView o, Satisfaction satisfaction)
        {
            o = await OkAsync(ActAsync(market, o, "reply", new ReplyRequest(o.Revision, ReplyResult.Resolved, "已查处")));
            o = await OkAsync(ActAsync(hotline, o, "review", new ReviewRequest(o.Revision, true)));
            return await OkAsync(ActAsync(hotline, o, "callback", new CallbackRequest(o.Revision, CallbackMethod.Phone, true, satisfaction)));
        }
        first = await ReplyAndCallBack(first, Satisfaction.Satisfied);
        second = await ReplyAndCallBack(second, Satisfaction.Unsatisfied);
        second = await OkAsync(ActAsync(hotline, second, "reopen", new ReasonRequest(second.Revision, "仍在经营")));
        second = await ReplyAndCallBack(second, Satisfaction.FairlySatisfied);
        Assert.Equal((WorkOrderStatus.Concluded, WorkOrderStatus.Concluded), (first.Status, second.Status));

        using var scope = _app.Services.CreateScope();
        var scores = await scope.ServiceProvider.GetRequiredService<AssessUnits>().ScoreAsync(AssessedKind.Department, new AssessmentPeriod(PeriodKind.Month, 2026, 11), CancellationToken.None);
        var sj = scores.Single(s => s.Key == marketId.ToString());
        // Counted as the hotline report counts (ADR 0032): two conclusions, both replies accepted in time; two signatures,
        // one in time; three callbacks (the second order's unsatisfied one, then fairly satisfied), two satisfied; one
        // reopening; no return (the town's return is the town's).
        Assert.Equal((2, 1, 2, 3, 2, 1, 2, 0), (sj.Facts.OrdersConcluded, sj.Facts.OrdersSignedOnTime, sj.Facts.OrdersRepliedOnTime, sj.Facts.OrdersRated,
            sj.Facts.OrdersSatisfied, sj.Facts.OrdersReopened, sj.Facts.OrdersSigned, sj.Facts.OrdersReturned));
        Assert.Equal(1, sj.Facts.RedCards);
        // Case indicators 95 (the red card costs 5) × 70 % = 66.5; hotline 20 × ½ + 30 + 30 × ⅔ + 10 × ⅔ + 10 = 76.67,
        // each indicator rounded after its 30 % share: 3 + 9 + 6 + 2 + 3 = 23.
        Assert.Equal(89.5m, sj.Total);
        Assert.Equal(11, sj.Breakdown.Count);
        Assert.Equal(6m, sj.Breakdown.Single(b => b.Indicator == Indicator.SignOnTimeRate).Weight);
        Assert.Equal(3m, sj.Breakdown.Single(b => b.Indicator == Indicator.SignOnTimeRate).Points);
        var zf = scores.Single(s => s.Key == townId.ToString());
        Assert.Equal((1, 0), (zf.Facts.OrdersReturned, zf.Facts.OrdersSigned));
        Assert.Equal(0m, zf.Breakdown.Single(b => b.Indicator == Indicator.ReturnRate).Points); // it returned the one order it was given
        // A department without orders is scored as before, on the case indicators alone.
        Assert.All(scores.Where(s => s.IsScored && s.Key != sj.Key && s.Key != zf.Key), s => Assert.Equal(6, s.Breakdown.Count));

        var page = await (await _app.SignedIn("supervisor")).GetStringAsync("/supervision/assessment?kind=Department&period=2026-11");
        Assert.Contains("按时签收率", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_configured_for_a_unit_applies_to_its_orders_and_a_notice_is_issued_on_an_order()
    {
        _app.Clock.Set(Bj(11, 23, 9));
        var hotline = await _app.SignedIn("hotline");
        var marketId = await UnitAsync(hotline, Market);
        var supervisor = await _app.SignedIn("supervisor");
        var set = await supervisor.PostAsJsonAsync("/api/v1/supervision/rules/settings",
            new RuleSettingRequest(SupervisionRule.WorkOrderSignOverdue, RuleScope.Department, true, AlertSeverity.Yellow, 1, marketId.ToString()), Json.Options);
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        var order = await RegisterAsync(hotline, Call("早餐店无健康证"));
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId)));
        await SweepAsync(Bj(11, 25, 9)); // within the working day of grace
        Assert.Empty(await AlertsOfAsync(order.Id));
        await SweepAsync(Bj(11, 26, 0));
        Assert.Equal(AlertSeverity.Yellow, Assert.Single(await AlertsOfAsync(order.Id)).Severity);

        supervisor = await _app.SignedIn("supervisor");
        var notice = await supervisor.PostAsJsonAsync("/api/v1/supervision/notices",
            new NoticeIssueRequest("工单超时未签收", "请说明未按时签收的原因", 2, order.Number), Json.Options);
        Assert.True(notice.IsSuccessStatusCode, await notice.Content.ReadAsStringAsync());
        var view = await notice.ReadAsync<NoticeView>();
        Assert.Equal((SubjectKind.WorkOrder, order.Number, marketId), (view.SubjectKind, view.SubjectNumber, view.DepartmentId));
        Assert.Null(view.CaseNumber);
    }
}
