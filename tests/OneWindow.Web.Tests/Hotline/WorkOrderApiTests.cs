using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Seeding;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// Each action of <c>/api/v1/hotline</c> with bad input (400 naming the field, nothing saved), a stale revision (409,
/// nothing overwritten), the wrong party (403), a unit's view (its own orders only; a confidential caller hidden), the
/// numbers under concurrency, and the public form, tracking and rating.
/// </summary>
public class WorkOrderApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<int> CountAsync(string content)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<WorkOrder>().CountAsync(o => o.Content == content);
        }
    }

    [Fact]
    public async Task Bad_input_at_registration_is_refused_for_its_field_and_saves_nothing_and_leaves_no_gap_in_the_numbers()
    {
        var hotline = await app.SignedIn("hotline");
        var first = await RegisterAsync(hotline, Call("编号连续性检查一"));
        foreach (var (form, field) in new (WorkOrderForm, string)[]
        {
            (Call("没有电话") with { CallerPhone = null }, "callerPhone"),
            (Call("不存在的分类", category: "NOPE.01"), "categoryCode"),
            (Call("区划不存在") with { RegionCode = "431025999999" }, "regionCode"),
            (Call("区划不完整") with { RegionCode = "4310" }, "regionCode"),
            (Call("只有纬度") with { Longitude = null }, "latitude"),
            (Call(""), "content"),
            (Call(new string('长', 2001)), "content"),
            (Call("办件不存在") with { RelatedCaseNumber = "431025-20261122-99999" }, "relatedCaseNumber"),
        })
        {
            var problem = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders", form, Json.Options), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
            Assert.Equal(0, await CountAsync(form.Content ?? ""));
        }
        var malformed = await hotline.PostAsync($"{Root}/orders", new StringContent("""{"channel":"Pigeon","type":"Complaint"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var second = await RegisterAsync(hotline, Call("编号连续性检查二"));
        Assert.Equal(long.Parse(first.Number[^5..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(second.Number[^5..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_stale_revision_is_a_conflict_and_overwrites_nothing()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await RegisterAsync(hotline, Call("过期版本检查"));
        var market = await UnitAsync(hotline, Market);
        var dispatched = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, market)));
        // A second operator, still looking at the registered order, answers it on the spot.
        var conflict = await ProblemAsync(ActAsync(hotline, order, "answer", new AnswerRequest(order.Revision, "直接答复")), HttpStatusCode.Conflict);
        Assert.Equal("concurrency.conflict", conflict.GetProperty("code").GetString());
        var now = await (await hotline.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal((WorkOrderStatus.Dispatched, dispatched.Revision, (string?)null), (now.Status, now.Revision, now.Answer));
        // With the current revision the rule of the state speaks: 409 with its code.
        var rule = await ProblemAsync(ActAsync(hotline, now, "answer", new AnswerRequest(now.Revision, "直接答复")), HttpStatusCode.Conflict);
        Assert.Equal("hotline.not-registered", rule.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Each_action_refuses_bad_input_for_its_field_and_the_wrong_party_with_403()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var town = await app.SignedIn(HotlineSeed.TownUserName);
        var marketId = await UnitAsync(hotline, Market);
        var townId = await UnitAsync(hotline, Town);
        var order = await RegisterAsync(hotline, Call("各操作的输入检查"));

        // A unit does not even see an order before it is dispatched to it.
        await ProblemAsync(ActAsync(market, order, "dispatch", new DispatchRequest(order.Revision, marketId)), HttpStatusCode.NotFound);
        Assert.True((await ProblemAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, Guid.NewGuid())), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("leadUnitId", out _));
        Assert.True((await ProblemAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId, [marketId])), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("coHandlerIds", out _));
        Assert.True((await ProblemAsync(ActAsync(hotline, order, "refuse", new RefuseRequest(order.Revision, RefusalGround.OtherProcedure, "已进入诉讼")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("rightChannel", out _));
        Assert.True((await ProblemAsync(ActAsync(hotline, order, "merge", new MergeRequest(order.Revision, "RX000000-00000000-00000")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("masterNumber", out _));
        Assert.True((await ProblemAsync(ActAsync(hotline, order, "answer", new AnswerRequest(order.Revision, " ")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("answer", out _));

        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId, [townId])));
        // The co-handler sees the order and contributes, but may not sign for it.
        Assert.Equal("hotline.lead-only", (await ProblemAsync(ActAsync(town, order, "sign", new RevisionRequest(order.Revision)), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        order = await OkAsync(ActAsync(town, order, "contribute", new ContributeRequest(order.Revision, "该店位于本镇，可配合执法")));
        Assert.Equal(["contribute"], order.AvailableActions);
        Assert.True((await ProblemAsync(ActAsync(market, order, "return", new ReasonRequest(order.Revision, "")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        Assert.True((await ProblemAsync(ActAsync(market, order, "extend", new ExtendRequest(order.Revision, 31, "太久")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("workingDays", out _));
        Assert.True((await ProblemAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.NotResolvableNow, "需改造")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("plan", out _));
        Assert.True((await ProblemAsync(ActAsync(market, order, "contact", new ContactRequest(order.Revision, false, "")), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal("hotline.center-only", (await ProblemAsync(ActAsync(market, order, "close", new NoteRequest(order.Revision, "自行办结")), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var unchanged = await (await market.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal((order.Revision, WorkOrderStatus.Handling), (unchanged.Revision, unchanged.Status));
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_orders_and_never_a_confidential_caller()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var civil = await app.SignedIn("reviewer.mz");
        var marketId = await UnitAsync(hotline, Market);
        var order = await RegisterAsync(hotline, Call("保密来电人检查", phone: "13907350077", confidential: true));
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, marketId)));
        Assert.Equal("13907350077", order.CallerPhone); // the center sees the caller

        var seen = await (await market.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.True(seen.CallerHidden);
        Assert.Null(seen.CallerName);
        Assert.Null(seen.CallerPhone);
        var raw = await (await market.GetAsync($"{Root}/orders/{order.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("13907350077", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("张先生", raw, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await civil.GetAsync($"{Root}/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await market.GetAsync($"{Root}/queues/Registered")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await market.PostAsJsonAsync($"{Root}/caller-history", new CallerHistoryRequest("13907350077"), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk")).GetAsync($"{Root}/inbox")).StatusCode); // a comprehensive window has no department
    }

    [Fact]
    public async Task Numbers_are_unique_and_gap_free_under_concurrent_registrations()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignedIn("hotline")));
        var orders = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => RegisterAsync(clients[i % 4], Call($"并发登记 {i}"))));
        var sequences = orders.Select(o => int.Parse(o.Number[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(24, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequences[0], 24), sequences);
    }

    [Fact]
    public async Task The_public_form_registers_anonymously_and_tracking_needs_the_phone_tail_and_shows_no_personal_data()
    {
        var anonymous = app.Anonymous();
        var categories = await (await anonymous.GetAsync($"{Root}/categories")).ReadAsync<List<CategoryView>>();
        Assert.Contains(categories, c => c.Code == "GF.01" && c.DefaultUnitName == "临武县自来水有限公司");

        var form = new WorkOrderForm(WorkOrderChannel.Phone, WorkOrderType.Help, "GF.01", "韩山社区停水两天", "431025100001", "韩山社区", CallerName: "李女士",
            CallerPhone: "13907354321", Urgency: WorkOrderUrgency.Urgent);
        var created = await anonymous.PostAsJsonAsync($"{Root}/public/orders", form, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.ReadAsync<PublicOrderCreated>()).Number;
        Assert.Contains(number, app.Sms.To("13907354321").Last(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"{Root}/public/track", new PublicTrackRequest(number, "0000"), Json.Options)).StatusCode);
        var response = await anonymous.PostAsJsonAsync($"{Root}/public/track", new PublicTrackRequest(number, "4321"), Json.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("李女士", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13907354321", text, StringComparison.Ordinal);
        var tracked = await response.ReadAsync<TrackedWorkOrder>();
        Assert.Equal(WorkOrderStatus.Registered, tracked.Status);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var saved = await db.Set<WorkOrder>().SingleAsync(o => o.Number == number);
            Assert.Equal((WorkOrderChannel.Web, WorkOrderUrgency.Normal), (saved.Channel, saved.Urgency)); // the public form is the web channel, never urgent
        }
        // Rating before the callback is due is refused by the order's rule.
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync($"{Root}/public/rate", new PublicRateRequest(number, "4321", true, Satisfaction.Satisfied), Json.Options)).StatusCode);

        var nameless = await anonymous.PostAsJsonAsync($"{Root}/public/orders", form with { CallerPhone = null, Content = "匿名反映无电话" }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync($"{Root}/public/orders", form with { CallerPhone = null, Anonymous = true, Content = "匿名反映无电话" }, Json.Options)).StatusCode);
    }
}
