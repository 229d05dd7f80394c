using System.Net;
using System.Net.Http.Json;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The caller's texts at the later steps (ADR 0034): dispatched (naming the unit), the reply accepted, reopened and
/// concluded, each with the tracking hint, through the outbox; none for an anonymous caller without a phone; a retried
/// action sends nothing twice.
/// </summary>
public class WorkOrderSmsTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_caller_is_told_at_each_later_step_once()
    {
        const string phone = "13907358801";
        var hotline = await app.SignedInOnce("hotline");
        var market = await app.SignedInOnce("reviewer.sj");
        var order = await RegisterAsync(hotline, Call("短信：超市出售过期牛奶", phone));
        var dispatch = new DispatchRequest(order.Revision, await UnitAsync(hotline, Market));
        order = await OkAsync(ActAsync(hotline, order, "dispatch", dispatch));
        // The same dispatch again (a retried request): refused as stale, no second text.
        await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders/{order.Id}/dispatch", dispatch, Json.Options), HttpStatusCode.Conflict);
        var texts = app.Sms.To(phone);
        Assert.Equal(1, texts.Count(t => t.Contains("已转交临武县市场监督管理局办理", StringComparison.Ordinal) && t.Contains(order.Number, StringComparison.Ordinal)));
        Assert.Contains("手机号后四位", texts.Last(), StringComparison.Ordinal);

        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        order = await OkAsync(ActAsync(market, order, "progress", new NoteRequest(order.Revision, "已到现场检查")));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已下架并立案")));
        Assert.DoesNotContain(app.Sms.To(phone), t => t.Contains("已有办理答复", StringComparison.Ordinal)); // not before the center accepts it
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
        Assert.Contains(app.Sms.To(phone), t => t.Contains("已有办理答复", StringComparison.Ordinal));
        order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, false, Satisfaction.Unsatisfied)));
        order = await OkAsync(ActAsync(hotline, order, "reopen", new ReasonRequest(order.Revision, "来电人称仍在销售")));
        Assert.Contains(app.Sms.To(phone), t => t.Contains("已重新交临武县市场监督管理局办理", StringComparison.Ordinal));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已全部下架")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
        order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied)));
        Assert.Equal(WorkOrderStatus.Concluded, order.Status);

        texts = app.Sms.To(phone);
        Assert.Equal(1, texts.Count(t => t.Contains("已办结", StringComparison.Ordinal)));
        Assert.Equal(2, texts.Count(t => t.Contains("已有办理答复", StringComparison.Ordinal)));
        Assert.Equal(1, texts.Count(t => t.Contains("已转交", StringComparison.Ordinal)));
        Assert.DoesNotContain(texts, t => t.Contains("已到现场检查", StringComparison.Ordinal)); // progress notes are not texted
    }

    [Fact]
    public async Task An_anonymous_caller_without_a_phone_gets_no_text()
    {
        var hotline = await app.SignedInOnce("hotline");
        var before = app.Sms.Sent.Count;
        var order = await RegisterAsync(hotline, Call("短信：匿名反映噪声") with { Anonymous = true, CallerPhone = null, CallerName = null });
        await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, Market))));
        Assert.DoesNotContain(app.Sms.Sent.Skip(before), s => s.Text.Contains(order.Number, StringComparison.Ordinal));
    }
}
