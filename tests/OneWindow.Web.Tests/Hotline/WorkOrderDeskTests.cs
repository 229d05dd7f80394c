using System.Globalization;
using System.Net;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The lists beyond the lead unit's inbox (ADR 0034): a co-handler's own inbox, sorted by the handling limit, where it
/// contributes (page and API); and the county government coordinator's read-only list of the orders towns lead.
/// </summary>
public class WorkOrderDeskTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string TownUser = "unit.town";

    private async Task<WorkOrderView> DispatchedAsync(string content, string lead, string[] co, WorkOrderType type = WorkOrderType.Complaint)
    {
        var hotline = await app.SignedInOnce("hotline");
        var order = await RegisterAsync(hotline, Call(content, type: type));
        var coIds = new List<Guid>();
        foreach (var name in co)
        {
            coIds.Add(await UnitAsync(hotline, name));
        }
        return await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, lead), [.. coIds])));
    }

    [Fact]
    public async Task A_co_handler_sees_its_orders_by_the_limit_and_contributes_from_its_inbox()
    {
        var complaint = await DispatchedAsync("协办：市场占道经营（投诉）", Market, [Town]);
        var consultation = await DispatchedAsync("协办：摊位租金标准（咨询）", Market, [Town], WorkOrderType.Consultation);
        var notMine = await DispatchedAsync("协办：与本镇无关", Market, []);
        var town = await app.SignedIn(TownUser);

        var page = await (await town.GetAsync($"{Root}/inbox/co-handling")).ReadAsync<CoHandlingPage>();
        var numbers = page.Items.Select(r => r.Order.Number).ToList();
        Assert.DoesNotContain(notMine.Number, numbers);
        Assert.True(numbers.IndexOf(consultation.Number) < numbers.IndexOf(complaint.Number), string.Join(", ", numbers)); // one working day before five
        Assert.All(page.Items, r => Assert.True(r.MayContribute && r.Contribution is null));
        // Not the lead's inbox: the town leads none of them.
        var inbox = await (await town.GetAsync($"{Root}/inbox")).ReadAsync<WorkOrderPage>();
        Assert.DoesNotContain(inbox.Items, r => r.Number == complaint.Number);

        // From the page: a stale revision keeps the text and says why; the current one is saved for the lead.
        var html = await town.GetStringAsync("/hotline/inbox/co-handling");
        Assert.Contains(complaint.Number, html, StringComparison.Ordinal);
        var token = OneWindowFactory.AntiforgeryToken(html);
        var stale = await Forms.PostWithTokenAsync(town, token, "/hotline/inbox/co-handling?handler=Contribute", new Dictionary<string, string>
        {
            ["id"] = complaint.Id.ToString(), ["revision"] = (complaint.Revision - 1).ToString(CultureInfo.InvariantCulture), ["contribution"] = "本镇已派城管中队核查",
        });
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("未提交", staleHtml, StringComparison.Ordinal);
        Assert.Contains("本镇已派城管中队核查", staleHtml, StringComparison.Ordinal);
        var sent = await Forms.PostWithTokenAsync(town, token, "/hotline/inbox/co-handling?handler=Contribute", new Dictionary<string, string>
        {
            ["id"] = complaint.Id.ToString(), ["revision"] = complaint.Revision.ToString(CultureInfo.InvariantCulture), ["contribution"] = "本镇已派城管中队核查",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var market = await app.SignedInOnce("reviewer.sj");
        var seenByLead = await (await market.GetAsync($"{Root}/orders/{complaint.Id}")).ReadAsync<WorkOrderView>();
        Assert.Contains(seenByLead.CoHandlers, c => c.Contribution == "本镇已派城管中队核查");
        var after = await (await town.GetAsync($"{Root}/inbox/co-handling")).ReadAsync<CoHandlingPage>();
        Assert.Equal("本镇已派城管中队核查", after.Items.Single(r => r.Order.Id == complaint.Id).Contribution);

        // The API twin: the contribution on the same rule.
        var contributed = await OkAsync(ActAsync(town, consultation, "contribute", new ContributeRequest(consultation.Revision, "租金标准见镇政府公示")));

        // A concluded order leaves the co-handler's list.
        var hotline = await app.SignedInOnce("hotline");
        var signed = await OkAsync(ActAsync(market, contributed, "sign", new RevisionRequest(contributed.Revision)));
        var replied = await OkAsync(ActAsync(market, signed, "reply", new ReplyRequest(signed.Revision, ReplyResult.Explained, "已答复租金标准")));
        var accepted = await OkAsync(ActAsync(hotline, replied, "review", new ReviewRequest(replied.Revision, true)));
        await OkAsync(ActAsync(hotline, accepted, "callback", new CallbackRequest(accepted.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied)));
        var last = await (await town.GetAsync($"{Root}/inbox/co-handling")).ReadAsync<CoHandlingPage>();
        Assert.DoesNotContain(last.Items, r => r.Order.Id == consultation.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInOnce("hotline")).GetAsync($"{Root}/inbox/co-handling")).StatusCode);
    }

    [Fact]
    public async Task The_county_coordinator_reads_the_orders_towns_lead()
    {
        var townLed = await DispatchedAsync("乡镇主办：村道路灯不亮", Town, [Market]);
        var departmentLed = await DispatchedAsync("部门主办：超市价格欺诈", Market, [Town]);
        var coordinator = await app.SignedIn("coordinator");

        var list = await (await coordinator.GetAsync($"{Root}/oversight/towns")).ReadAsync<WorkOrderPage>();
        Assert.Contains(list.Items, r => r.Number == townLed.Number && r.LeadUnitName == Town);
        Assert.DoesNotContain(list.Items, r => r.Number == departmentLed.Number);
        var townId = await UnitAsync(await app.SignedInOnce("hotline"), Town);
        var other = await UnitAsync(await app.SignedInOnce("hotline"), "武水镇人民政府");
        Assert.Contains((await (await coordinator.GetAsync($"{Root}/oversight/towns?townId={townId}")).ReadAsync<WorkOrderPage>()).Items, r => r.Number == townLed.Number);
        Assert.DoesNotContain((await (await coordinator.GetAsync($"{Root}/oversight/towns?townId={other}")).ReadAsync<WorkOrderPage>()).Items, r => r.Number == townLed.Number);

        var html = await coordinator.GetStringAsync("/hotline/oversight/towns");
        Assert.Contains(townLed.Number, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/hotline/orders/{townLed.Id}", html, StringComparison.Ordinal); // read-only: no link to act
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"{Root}/orders/{townLed.Id}")).StatusCode);

        // Re-dispatched by ruling to a department: it leaves the towns' list.
        var town = await app.SignedIn(TownUser);
        var returned = await OkAsync(ActAsync(town, townLed, "return", new ReasonRequest(townLed.Revision, "路灯属城管局管护")));
        var hotline = await app.SignedInOnce("hotline");
        await OkAsync(ActAsync(hotline, returned, "rule", new RuleRequest(returned.Revision, ReturnRuling.Redispatch, await UnitAsync(hotline, Market), "改派城管")));
        Assert.DoesNotContain((await (await coordinator.GetAsync($"{Root}/oversight/towns")).ReadAsync<WorkOrderPage>()).Items, r => r.Number == townLed.Number);
    }
}
