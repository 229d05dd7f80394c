using System.Net;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Seeding;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// The hotline pages drive the same use cases as the API: the desk registers and dispatches in one form and shows the
/// caller's history, the unit signs from its inbox, a stale form shows the reason and saves nothing, the public form
/// gives a number that tracks with the phone's last four digits; a confidential caller never reaches the unit's page.
/// </summary>
public class HotlinePageTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<WorkOrder> OrderAsync(string content)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<WorkOrder>().AsNoTracking().SingleAsync(o => o.Content == content);
        }
    }

    private static Dictionary<string, string> Desk(string content, string phone, bool confidential = false) => new()
    {
        ["CallerPhone"] = phone, ["CallerName"] = "王女士", ["Channel"] = "Phone", ["Type"] = "Complaint", ["CategoryCode"] = "SC.03", ["Urgency"] = "Normal",
        ["RegionCode"] = "431025100001", ["Address"] = "韩山社区", ["Details"] = content, ["Choice"] = "dispatch", ["LeadUnitId"] = "",
        ["Confidential"] = confidential ? "true" : "false", ["Anonymous"] = "false",
    };

    [Fact]
    public async Task The_desk_registers_and_dispatches_in_one_form_and_the_unit_signs_from_its_inbox()
    {
        var hotline = await app.SignedIn("hotline");
        var first = await Forms.PostAsync(hotline, "/hotline/desk", Desk("页面登记：网购退款被拒", "13907355501", confidential: true));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var order = await OrderAsync("页面登记：网购退款被拒");
        Assert.Equal($"/hotline/orders/{order.Id}", first.Headers.Location?.OriginalString);
        Assert.Equal(WorkOrderStatus.Dispatched, order.Status); // to the category's default unit, the market regulator

        // The caller's history, with what was typed kept.
        var history = await Forms.PostAsync(hotline, "/hotline/desk", Desk("第二次来电", "13907355501"), "/hotline/desk?handler=History");
        var html = await history.Content.ReadAsStringAsync();
        Assert.Contains(order.Number, html, StringComparison.Ordinal);
        Assert.Contains("第二次来电", html, StringComparison.Ordinal);

        var market = await app.SignedIn("reviewer.sj");
        var inbox = await market.GetStringAsync("/hotline/inbox");
        Assert.Contains(order.Number, inbox, StringComparison.Ordinal);
        var page = await market.GetStringAsync($"/hotline/orders/{order.Id}");
        Assert.DoesNotContain("13907355501", page, StringComparison.Ordinal);
        Assert.DoesNotContain("王女士", page, StringComparison.Ordinal);
        var token = OneWindowFactory.AntiforgeryToken(page);
        var signed = await Forms.PostWithTokenAsync(market, token, $"/hotline/orders/{order.Id}", new Dictionary<string, string> { ["act"] = "sign", ["Revision"] = order.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        // The same form again, on the revision it was read at: the reason is shown and nothing is saved.
        var stale = await Forms.PostWithTokenAsync(market, token, $"/hotline/orders/{order.Id}", new Dictionary<string, string>
        {
            ["act"] = "return", ["Revision"] = order.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Text"] = "不属于本单位",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("该工单已被他人处理", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WorkOrderStatus.Handling, (await OrderAsync("页面登记：网购退款被拒")).Status);

        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync("/hotline/lists/Handling")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await market.GetAsync("/hotline/desk")).StatusCode); // to the access-denied page
    }

    [Fact]
    public async Task The_public_form_gives_a_number_that_tracks_with_the_phone_tail_only()
    {
        var citizen = app.Anonymous();
        var sent = await Forms.PostAsync(citizen, "/hotline/new", new Dictionary<string, string>
        {
            ["Type"] = "Suggestion", ["CategoryCode"] = "JT.01", ["RegionCode"] = "431025100001", ["Details"] = "建议增开城乡公交夜班车", ["CallerName"] = "赵先生",
            ["CallerPhone"] = "13907356602", ["Anonymous"] = "false", ["Confidential"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var order = await OrderAsync("建议增开城乡公交夜班车");
        Assert.Contains(order.Number, await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await Forms.PostAsync(citizen, "/hotline/track", new Dictionary<string, string> { ["Number"] = order.Number, ["PhoneTail"] = "1111" });
        Assert.Contains("没有找到该工单", Accounts.AlertOf(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var right = await (await Forms.PostAsync(citizen, "/hotline/track", new Dictionary<string, string> { ["Number"] = order.Number, ["PhoneTail"] = "6602" })).Content.ReadAsStringAsync();
        Assert.Contains("待处置", right, StringComparison.Ordinal);
        Assert.DoesNotContain("赵先生", right, StringComparison.Ordinal);
        Assert.DoesNotContain("13907356602", right, StringComparison.Ordinal);

        var blank = await Forms.PostAsync(citizen, "/hotline/new", new Dictionary<string, string>
        {
            ["Type"] = "Suggestion", ["CategoryCode"] = "JT.01", ["RegionCode"] = "431025100001", ["Details"] = "没留电话的实名反映", ["Anonymous"] = "false",
        });
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.NotNull(Accounts.AlertOf(blankHtml));
        Assert.Contains("没留电话的实名反映", blankHtml, StringComparison.Ordinal); // what was typed is kept
    }
}
