using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Records;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Seeding;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The whole loop through <c>/api/v1/hotline</c> on the test clock: a call registered, dispatched to a town, returned
/// with an objection, re-dispatched by ruling, signed, extended, replied, sent back, accepted, called back unsatisfied,
/// reopened, replied again and rated online by the caller.
/// </summary>
public class WorkOrderLoopTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static DateTimeOffset Bj(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task An_order_goes_round_the_whole_loop_with_its_limits_on_the_legal_clock()
    {
        app.Clock.Set(Bj(11, 23, 9)); // Monday
        var hotline = await app.SignedIn("hotline");
        var town = await app.SignedIn(HotlineSeed.TownUserName);
        var market = await app.SignedIn("reviewer.sj");
        var townId = await UnitAsync(hotline, Town);
        var marketId = await UnitAsync(hotline, Market);

        var earlier = await RegisterAsync(hotline, Call("上次反映的噪声问题", phone: "13907359876", category: "HJ.01"));
        var order = await RegisterAsync(hotline, Call("舜峰镇人民路一家早餐店无证经营、卫生差", phone: "13907359876"));
        Assert.Equal(WorkOrderStatus.Registered, order.Status);
        Assert.Matches(@"^RX431025-20261123-\d{5}$", order.Number);
        Assert.Equal(["answer", "refer", "refuse", "merge", "dispatch", "consent", "files"], order.AvailableActions);
        // The operator's screen shows the caller's earlier orders by the phone number.
        var history = await (await hotline.PostAsJsonAsync($"{Root}/caller-history", new CallerHistoryRequest("13907359876"), Json.Options)).ReadAsync<List<WorkOrderRow>>();
        Assert.Equal([order.Number, earlier.Number], history.Select(h => h.Number));

        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, townId)));
        Assert.Equal(WorkOrderStatus.Dispatched, order.Status);
        Assert.Equal(Bj(11, 25, 0).UtcDateTime, order.SignDueAt); // one working day: Tuesday 24 November
        Assert.Equal(Bj(12, 1, 0).UtcDateTime, order.DueAt); // five: 24–27 and 30 November
        Assert.Equal("1 个工作日", order.SignLimit);
        var inbox = await (await town.GetAsync($"{Root}/inbox")).ReadAsync<WorkOrderPage>();
        Assert.Contains(inbox.Items, i => i.Number == order.Number);

        order = await OkAsync(ActAsync(town, order, "return", new ReasonRequest(order.Revision, "无证经营属市场监管职责，不属于镇政府")));
        Assert.Equal(WorkOrderStatus.ReturnRequested, order.Status);
        var objections = await (await hotline.GetAsync($"{Root}/queues/Objections")).ReadAsync<WorkOrderPage>();
        Assert.Contains(objections.Items, i => i.Number == order.Number);

        app.Clock.Set(Bj(11, 23, 14));
        order = await OkAsync(ActAsync(hotline, order, "rule", new RuleRequest(order.Revision, ReturnRuling.Redispatch, marketId, "无证经营由市场监管局查处，改派", [townId])));
        Assert.Equal((WorkOrderStatus.Dispatched, marketId, false), (order.Status, order.LeadUnitId, order.AssignedByRuling));
        Assert.Equal(Town, Assert.Single(order.CoHandlers).UnitName);

        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        Assert.Equal(WorkOrderStatus.Handling, order.Status);
        Assert.False(order.SignedLate);
        order = await OkAsync(ActAsync(market, order, "contact", new ContactRequest(order.Revision, true, "已电话联系来电人，约定现场核查")));
        order = await OkAsync(ActAsync(market, order, "extend", new ExtendRequest(order.Revision, 3, "需联合卫健部门现场检查")));
        order = await OkAsync(ActAsync(hotline, order, "decide-extension", new DecideExtensionRequest(order.Revision, true, 2, "同意延期 2 个工作日")));
        Assert.Equal(Bj(12, 3, 0).UtcDateTime, order.DueAt); // 1 and 2 December
        Assert.Equal(2, order.ExtendedWorkingDays);

        app.Clock.Set(Bj(11, 26, 10));
        hotline = await app.SignedIn("hotline"); // a sign-in lasts eight hours
        market = await app.SignedIn("reviewer.sj");
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已责令停业整改")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, false, "未说明后续跟踪检查安排")));
        Assert.Equal((WorkOrderStatus.Handling, 1), (order.Status, order.SendBackCount));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已责令停业整改，12 月 1 日复查")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
        Assert.Equal(WorkOrderStatus.AwaitingCallback, order.Status);
        Assert.Equal(Bj(12, 1, 0).UtcDateTime, order.CallbackDueAt); // two working days after Thursday: 27 and 30 November

        order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, false, Satisfaction.Unsatisfied, "店铺仍在营业")));
        Assert.Equal(WorkOrderStatus.Unsatisfied, order.Status);
        order = await OkAsync(ActAsync(hotline, order, "reopen", new ReasonRequest(order.Revision, "来电人反映仍在营业，请复查")));
        Assert.Equal((WorkOrderStatus.Handling, 1, marketId), (order.Status, order.ReopenCount, order.LeadUnitId));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "复查已关停，依法立案查处")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));

        var anonymous = app.Anonymous();
        var rated = await anonymous.PostAsJsonAsync($"{Root}/public/rate", new PublicRateRequest(order.Number, "9876", true, Satisfaction.Satisfied), Json.Options);
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        var tracked = await rated.ReadAsync<TrackedWorkOrder>();
        Assert.Equal(WorkOrderStatus.Concluded, tracked.Status);
        Assert.Equal(Satisfaction.Satisfied, tracked.Satisfaction);

        // Every step is on the order's record, sealed in one chain.
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var events = await db.Set<WorkOrderEvent>().Where(e => e.WorkOrderId == order.Id).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(["registered", "dispatched", "return-requested", "redispatched", "signed", "caller-contacted", "extension-requested", "extension-approved",
                "replied", "reply-sent-back", "replied", "reply-accepted", "called-back", "reopened", "replied", "reply-accepted", "called-back"], events.Select(e => e.Action));
            Assert.True(EventChain.Verify(events, TestRecordKeys.Ring).IsIntact);
            var saved = await db.Set<WorkOrder>().SingleAsync(o => o.Id == order.Id);
            Assert.Equal(events[^1].Hash, saved.LastEventHash);
        }
    }
}
