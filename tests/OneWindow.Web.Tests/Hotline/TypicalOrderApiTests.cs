using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Hotline;

/// <summary>
/// Typical orders over the API and the pages (ADR 0037): consent required and only concluded orders; the personal-data
/// screen refusing each pattern it knows with its field (and nothing saved); the caller's and the operator's withdrawal
/// unpublishing at once; no caller data in any public answer; paging by key; a stale edit a 409 that keeps the text.
/// </summary>
public class TypicalOrderApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Public = "/api/v1/public/hotline/typical";

    private static TypicalRequest Text(string title = "商户噪音扰民经调解后整改") =>
        new(title, "群众反映一商户夜间经营噪音扰民，影响休息。", "市场监管局会同乡镇现场核查，责令商户调整营业时间并加装隔音设施，复查达标。");

    /// <summary>An order through the whole loop to 已办结, the caller's consent as given at the registration.</summary>
    private async Task<WorkOrderView> ConcludedAsync(string content, bool? consent = true, string phone = "13907358801")
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var order = await RegisterAsync(hotline, Call(content, phone) with { PublicationConsent = consent });
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, Market))));
        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已责令整改，复查达标")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
        order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied)));
        Assert.Equal(WorkOrderStatus.Concluded, order.Status);
        return order;
    }

    private static async Task<TypicalOrderView> PublishAsync(HttpClient hotline, WorkOrderView order, TypicalRequest text)
    {
        var response = await hotline.PostAsJsonAsync($"{Root}/orders/{order.Id}/typical", text, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<TypicalOrderView>();
    }

    private async Task<string> RegionNameAsync(string code)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleAsync();
        }
    }

    private async Task<List<PublicTypicalOrder>> AllPublicAsync()
    {
        var client = app.CreateClient();
        return (await (await client.GetAsync($"{Public}?limit=50")).ReadAsync<PublicTypicalPage>()).Items.ToList();
    }

    [Fact]
    public async Task Only_a_concluded_order_with_the_callers_consent_is_published()
    {
        var hotline = await app.SignedIn("hotline");
        var open = await RegisterAsync(hotline, Call("典型：尚未办结的工单") with { PublicationConsent = true });
        var notConcluded = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders/{open.Id}/typical", Text(), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("hotline.typical-not-concluded", notConcluded.GetProperty("code").GetString());

        var notAsked = await ConcludedAsync("典型：未征询公开意愿", consent: null);
        var candidates = await (await hotline.GetAsync($"{Root}/typical/candidates?limit=50")).ReadAsync<TypicalCandidatePage>();
        Assert.DoesNotContain(candidates.Items, c => c.Id == notAsked.Id);
        var noConsent = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders/{notAsked.Id}/typical", Text(), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("hotline.consent-required", noConsent.GetProperty("code").GetString());

        // Asked at the callback's moment on the order, by the operator: now it is a candidate, and is published.
        var consented = await OkAsync(ActAsync(hotline, notAsked, "consent", new ConsentRequest(notAsked.Revision, true, "回访时征得同意")));
        Assert.Equal(true, consented.PublicationConsent);
        Assert.Equal(("consent-given", "何晓"), (consented.History[^1].Action, consented.History[^1].ActorName.Split(' ')[^1]));
        candidates = await (await hotline.GetAsync($"{Root}/typical/candidates?limit=50")).ReadAsync<TypicalCandidatePage>();
        Assert.Contains(candidates.Items, c => c.Id == notAsked.Id);
        var typical = await PublishAsync(hotline, consented, Text("噪音扰民问题经核查整改"));
        Assert.Equal(("431025100000", Market, true), (typical.PlaceCode, typical.HandlingUnitName, typical.Published));
        candidates = await (await hotline.GetAsync($"{Root}/typical/candidates?limit=50")).ReadAsync<TypicalCandidatePage>();
        Assert.DoesNotContain(candidates.Items, c => c.Id == notAsked.Id);
        // Units do not publish.
        var market = await app.SignedIn("reviewer.sj");
        Assert.Equal(HttpStatusCode.Forbidden, (await market.PostAsJsonAsync($"{Root}/orders/{notAsked.Id}/typical", Text(), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task The_callback_records_the_consent_the_operator_asked_for()
    {
        var hotline = await app.SignedIn("hotline");
        var market = await app.SignedIn("reviewer.sj");
        var order = await RegisterAsync(hotline, Call("典型：回访时征询"));
        Assert.Null(order.PublicationConsent);
        order = await OkAsync(ActAsync(hotline, order, "dispatch", new DispatchRequest(order.Revision, await UnitAsync(hotline, Market))));
        order = await OkAsync(ActAsync(market, order, "sign", new RevisionRequest(order.Revision)));
        order = await OkAsync(ActAsync(market, order, "reply", new ReplyRequest(order.Revision, ReplyResult.Resolved, "已处理")));
        order = await OkAsync(ActAsync(hotline, order, "review", new ReviewRequest(order.Revision, true)));
        order = await OkAsync(ActAsync(hotline, order, "callback", new CallbackRequest(order.Revision, CallbackMethod.Phone, true, Satisfaction.Satisfied, null, true)));
        Assert.Equal((WorkOrderStatus.Concluded, true), (order.Status, order.PublicationConsent));
        Assert.Equal(["called-back", "consent-given"], order.History.TakeLast(2).Select(h => h.Action));
    }

    public static TheoryData<string, string> PersonalData() => new()
    {
        { "来电人张先生反映商户噪音", "caller-name" },
        { "群众（13907358802）反映商户噪音", "caller-phone" },
        { "可联系 139-0735-0000 了解详情", "mobile" },
        { "身份证 440524188001010014 的商户", "resident-id" },
        { "舜峰镇韩山社区人民路 12 号商户噪音", "address" },
        { "{village}一商户噪音扰民", "village" },
    };

    [Theory]
    [MemberData(nameof(PersonalData))]
    public async Task A_text_with_personal_data_is_refused_naming_the_field_and_nothing_is_published(string question, string kind)
    {
        var hotline = await app.SignedIn("hotline");
        var order = await ConcludedAsync($"典型：个人信息 {kind}", phone: "13907358802");
        question = question.Replace("{village}", await RegionNameAsync("431025100001"), StringComparison.Ordinal);
        var refused = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders/{order.Id}/typical", Text() with { Question = question }, Json.Options),
            HttpStatusCode.BadRequest);
        Assert.Equal("hotline.typical-personal-data", refused.GetProperty("code").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("question", out _), refused.ToString());
        var candidates = await (await hotline.GetAsync($"{Root}/typical/candidates?limit=50")).ReadAsync<TypicalCandidatePage>();
        Assert.Null(Assert.Single(candidates.Items, c => c.Id == order.Id).TypicalOrderId); // nothing saved
        // The same order in the staff's own words is accepted.
        await PublishAsync(hotline, order, Text($"整改 {kind}"));
    }

    [Fact]
    public async Task The_callers_withdrawal_on_the_tracking_page_unpublishes_at_once_and_so_does_the_operators()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await ConcludedAsync("典型：来电人撤回", phone: "13907358803");
        var typical = await PublishAsync(hotline, order, Text("撤回测试：噪音整改"));
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{Public}/{typical.Id}")).StatusCode);

        var wrong = await anonymous.PostAsJsonAsync($"{Root}/public/withdraw-consent", new PublicWithdrawConsentRequest(order.Number, "0000"), Json.Options);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{Public}/{typical.Id}")).StatusCode);

        // The tracking page's form, as the caller uses it.
        var page = await Forms.PostAsync(anonymous, $"/hotline/track?number={order.Number}", new Dictionary<string, string> { ["Number"] = order.Number, ["PhoneTail"] = "8803" },
            "/hotline/track?handler=Withdraw");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("已撤回公开同意", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Public}/{typical.Id}")).StatusCode);
        Assert.DoesNotContain(await AllPublicAsync(), p => p.Id == typical.Id);
        var staff = await (await hotline.GetAsync($"{Root}/typical/{typical.Id}")).ReadAsync<TypicalOrderView>();
        Assert.False(staff.Published);
        var now = await (await hotline.GetAsync($"{Root}/orders/{order.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal((false, "consent-withdrawn", "来电人"), (now.PublicationConsent, now.History[^1].Action, now.History[^1].ActorName));
        // Withdrawn: not a candidate, and not published again.
        var again = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/orders/{order.Id}/typical", Text(), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("hotline.consent-required", again.GetProperty("code").GetString());
        var twice = await ProblemAsync(anonymous.PostAsJsonAsync($"{Root}/public/withdraw-consent", new PublicWithdrawConsentRequest(order.Number, "8803"), Json.Options),
            HttpStatusCode.Conflict);
        Assert.Equal("hotline.consent-not-given", twice.GetProperty("code").GetString());

        // The operator's withdrawal, told by phone.
        var second = await ConcludedAsync("典型：坐席记录撤回", phone: "13907358804");
        var published = await PublishAsync(hotline, second, Text("撤回测试二：噪音整改"));
        await OkAsync(ActAsync(hotline, second, "consent", new ConsentRequest(second.Revision, false, "来电人来电撤回")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Public}/{published.Id}")).StatusCode);
    }

    [Fact]
    public async Task No_public_answer_carries_caller_data_and_the_answers_are_cacheable_without_sign_in()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await ConcludedAsync("典型：公开答复不含来电人信息", phone: "13907358805");
        var typical = await PublishAsync(hotline, order, Text("公开答复检查：噪音整改"));
        var anonymous = app.CreateClient();
        foreach (var url in new[] { Public, $"{Public}?limit=50", $"{Public}/{typical.Id}", $"{Public}?category=SC" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            var json = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { order.Number, "13907358805", "张先生", "人民路", await RegionNameAsync("431025100001"), order.Id.ToString(), "公开答复不含来电人信息" })
            {
                Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
            }
            foreach (var name in Names(JsonDocument.Parse(json).RootElement))
            {
                Assert.DoesNotMatch("(?i)caller|phone|number|address|workorder|content|latitude|longitude|updatedby", name);
            }
        }
        var one = await (await anonymous.GetAsync($"{Public}/{typical.Id}")).ReadAsync<PublicTypicalOrder>();
        Assert.Equal((await RegionNameAsync("431025100000"), Text("x").Answer), (one.PlaceName, one.Answer));
        var filtered = await (await anonymous.GetAsync($"{Public}?category=SC&limit=50")).ReadAsync<PublicTypicalPage>();
        Assert.Contains(filtered.Items, p => p.Id == typical.Id);
        var other = await (await anonymous.GetAsync($"{Public}?category=CX&limit=50")).ReadAsync<PublicTypicalPage>();
        Assert.DoesNotContain(other.Items, p => p.Id == typical.Id);
        // The public pages too.
        var list = await anonymous.GetStringAsync("/hotline/typical");
        Assert.Contains("公开答复检查：噪音整改", list, StringComparison.Ordinal);
        var detail = await anonymous.GetStringAsync($"/hotline/typical/{typical.Id}");
        Assert.DoesNotContain(order.Number, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("张先生", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_taken_down_or_never_published_is_a_404_page_and_problem_saying_only_that_it_is_not_published()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await ConcludedAsync("典型：撤下后的公开页面", phone: "13907358807");
        var typical = await PublishAsync(hotline, order, Text("撤下检查：噪音整改"));
        Assert.Equal(HttpStatusCode.OK, (await hotline.PostAsJsonAsync($"{Root}/typical/{typical.Id}/unpublish", new RevisionRequest(typical.Revision), Json.Options)).StatusCode);
        var mains = new List<string>();
        foreach (var id in new[] { typical.Id, Guid.CreateVersion7() })
        {
            var page = await app.CreateClient().GetAsync($"/hotline/typical/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            var main = MainOf(await page.Content.ReadAsStringAsync());
            Assert.Contains("该典型工单未公开或已不再公开。", main, StringComparison.Ordinal);
            Assert.Contains("href=\"/hotline/typical\"", main, StringComparison.Ordinal);
            Assert.DoesNotContain("撤下检查", main, StringComparison.Ordinal);
            mains.Add(main);
            var english = await app.CreateClient().GetAsync($"/hotline/typical/{id}?culture=en");
            Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
            Assert.Contains("This typical order is not (or no longer) published.", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var json = await app.CreateClient().GetAsync($"{Public}/{id}");
            Assert.Contains("no-store", json.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            var problem = await ProblemAsync(Task.FromResult(json), HttpStatusCode.NotFound);
            Assert.Equal(("not-found", TypicalOrdersApi.NotPublished), (problem.GetProperty("code").GetString(), problem.GetProperty("title").GetString()));
        }
        Assert.Equal(mains[0], mains[1]); // nothing tells a taken-down order from one that never was
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return html[start..(html.IndexOf("</main>", start, StringComparison.Ordinal) + 7)];
    }

    private static IEnumerable<string> Names(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Names),
        _ => [],
    };

    [Fact]
    public async Task The_public_list_and_the_candidates_are_paged_by_key_newest_first()
    {
        var hotline = await app.SignedIn("hotline");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            var order = await ConcludedAsync($"典型：分页 {i}", phone: $"1390735881{i}");
            ids.Add((await PublishAsync(hotline, order, Text($"分页检查 {i}：噪音整改"))).Id);
        }
        var anonymous = app.CreateClient();
        var seen = new List<PublicTypicalOrder>();
        string? after = null;
        do
        {
            var page = await (await anonymous.GetAsync($"{Public}?limit=2" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"))).ReadAsync<PublicTypicalPage>();
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Select(s => s.Id), seen.Select(s => s.Id));
        Assert.Equal(((IEnumerable<Guid>)ids).Reverse(), seen.Select(s => s.Id).Where(ids.Contains));
        Assert.Equal((await AllPublicAsync()).Select(p => p.Id), seen.Select(s => s.Id));

        var candidates = new List<TypicalCandidate>();
        after = null;
        for (var i = 0; i < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await ConcludedAsync($"典型：候选分页 {i}", phone: $"1390735882{i}");
        }
        do
        {
            var page = await (await hotline.GetAsync($"{Root}/typical/candidates?limit=1" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"))).ReadAsync<TypicalCandidatePage>();
            candidates.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(candidates.OrderByDescending(c => c.ConcludedAt).ThenByDescending(c => c.Id).Select(c => c.Id), candidates.Select(c => c.Id));
        Assert.Equal(candidates.Count, candidates.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_the_api_overwrites_nothing_and_the_page_keeps_what_was_typed()
    {
        var hotline = await app.SignedIn("hotline");
        var order = await ConcludedAsync("典型：并发修改", phone: "13907358806");
        var typical = await PublishAsync(hotline, order, Text("并发检查：噪音整改"));
        var token = OneWindowFactory.AntiforgeryToken(await hotline.GetStringAsync($"/hotline/typical-orders/{order.Id}"));
        var first = await hotline.PutAsJsonAsync($"{Root}/typical/{typical.Id}",
            new TypicalEditRequest(typical.Revision, "并发检查：第一位编辑", typical.Question, typical.Answer), Json.Options);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var conflict = await ProblemAsync(hotline.PutAsJsonAsync($"{Root}/typical/{typical.Id}",
            new TypicalEditRequest(typical.Revision, "并发检查：第二位编辑", typical.Question, typical.Answer), Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("concurrency.conflict", conflict.GetProperty("code").GetString());
        var now = await (await hotline.GetAsync($"{Root}/typical/{typical.Id}")).ReadAsync<TypicalOrderView>();
        Assert.Equal("并发检查：第一位编辑", now.Title);

        // The page left open on the old revision: refused, the text typed kept on the page.
        var page = await Forms.PostWithTokenAsync(hotline, token, $"/hotline/typical-orders/{order.Id}", new Dictionary<string, string>
        {
            ["act"] = "save", ["Revision"] = typical.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = "并发检查：页面上的修改", ["Question"] = "页面上改写的问题概述", ["Answer"] = typical.Answer,
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("已被他人修改或撤下", html, StringComparison.Ordinal);
        Assert.Contains("并发检查：页面上的修改", html, StringComparison.Ordinal);
        Assert.Contains("页面上改写的问题概述", html, StringComparison.Ordinal);
        Assert.Equal("并发检查：第一位编辑", (await (await hotline.GetAsync($"{Root}/typical/{typical.Id}")).ReadAsync<TypicalOrderView>()).Title);

        // A personal-data refusal on the page keeps the text too.
        var refused = await Forms.PostAsync(hotline, $"/hotline/typical-orders/{order.Id}", new Dictionary<string, string>
        {
            ["act"] = "save", ["Revision"] = now.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = "并发检查：电话 13907350000", ["Question"] = "页面上改写的问题概述", ["Answer"] = typical.Answer,
        });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("公开内容不能含有个人信息", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("并发检查：电话 13907350000", refusedHtml, StringComparison.Ordinal);

        // Taken down by the staff on the current revision: gone from the public page.
        var down = await hotline.PostAsJsonAsync($"{Root}/typical/{typical.Id}/unpublish", new RevisionRequest(now.Revision), Json.Options);
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"{Public}/{typical.Id}")).StatusCode);
    }
}
