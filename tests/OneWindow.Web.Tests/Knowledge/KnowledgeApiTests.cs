using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Modules.Hotline;
using OneWindow.Web.Modules.Knowledge;
using OneWindow.Web.Tests.Infrastructure;
using static OneWindow.Web.Tests.Hotline.HotlineApi;

namespace OneWindow.Web.Tests.Knowledge;

/// <summary>
/// <c>/api/v1/knowledge</c>: the search over entries and guides (ranking by the terms matched), versions and the 409 on
/// a stale revision, the review-day flag, a department writing its own entries only, withdrawal, bad input, and the use
/// count after 直接办结 with an entry.
/// </summary>
public class KnowledgeApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Root = "/api/v1/knowledge";
    private static readonly DateOnly Today = DateOnly.FromDateTime(OneWindowFactory.DefaultNow.UtcDateTime.AddHours(8));

    private async Task<Guid> DepartmentAsync(string name)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        }
    }

    private async Task<SaveEntryRequest> DraftAsync(string question, string answer, string department = Market, string category = "SC.03", int revision = 0) =>
        new(question, answer, category, await DepartmentAsync(department), null, ["测试"], Today.AddDays(90), null, revision);

    private static async Task<KnowledgeResults> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"{Root}/search?q={Uri.EscapeDataString(q)}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<KnowledgeResults>();
    }

    private static async Task<KnowledgeEntryView> CreateAsync(HttpClient client, SaveEntryRequest draft)
    {
        var response = await client.PostAsJsonAsync($"{Root}/entries", draft, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<KnowledgeEntryView>();
    }

    [Fact]
    public async Task The_search_ranks_by_the_terms_matched_and_finds_the_catalogs_guides_from_the_same_box()
    {
        var hotline = await app.SignedInOnce("hotline");
        var food = await SearchAsync(hotline, "开饭店要办什么证");
        Assert.Equal("想开个小饭店，要办什么证？", food.Hits[0].Title);
        Assert.Equal("entry", food.Hits[0].Kind);
        Assert.True(food.Hits.Zip(food.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "ranked by score");

        var marriage = await SearchAsync(hotline, "结婚登记");
        Assert.Contains(marriage.Hits, h => h.Kind == "guide" && h.ItemCode == "431025-MZ-004" && h.Answer.Contains("/guides/431025-MZ-004", StringComparison.Ordinal));
        Assert.Contains(marriage.Hits, h => h.Kind == "entry" && h.Title.StartsWith("结婚登记", StringComparison.Ordinal));

        // A text that shares a single pair with a long query is not offered; an empty query finds nothing.
        Assert.DoesNotContain((await SearchAsync(hotline, "网上买的东西坏了想退货怎么办")).Hits, h => h.Title.Contains("路灯", StringComparison.Ordinal));
        Assert.Empty((await SearchAsync(hotline, "  ")).Hits);
        // A department's staff search too; a citizen does not.
        Assert.NotEmpty((await SearchAsync(await app.SignedInOnce("reviewer.sj"), "停电")).Hits);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"{Root}/search?q=停电")).StatusCode);
    }

    [Fact]
    public async Task An_edit_makes_a_new_version_the_old_stays_readable_and_a_stale_revision_is_a_conflict()
    {
        var hotline = await app.SignedInOnce("hotline");
        var created = await CreateAsync(hotline, await DraftAsync("快递柜收费合理吗", "版本一的答复：快递柜超时收费应当明示。"));
        Assert.Equal(1, created.Version);
        var edit = await DraftAsync("快递柜超时收费合理吗", "版本二的答复：智能快件箱超时收费须事先告知。", revision: created.Revision);
        var edited = await (await hotline.PutAsJsonAsync($"{Root}/entries/{created.Id}", edit, Json.Options)).ReadAsync<KnowledgeEntryView>();
        Assert.Equal(2, edited.Version);
        Assert.Equal([2, 1], edited.Versions.Select(v => v.Version));
        var first = await (await hotline.GetAsync($"{Root}/entries/{created.Id}/versions/1")).ReadAsync<KnowledgeVersionView>();
        Assert.Equal("版本一的答复：快递柜超时收费应当明示。", first.Answer);
        Assert.False(first.Current);

        // Someone else saved in between: the edit on the old revision is refused and changes nothing.
        var stale = await ProblemAsync(hotline.PutAsJsonAsync($"{Root}/entries/{created.Id}", edit with { Answer = "过期的修改" }, Json.Options), HttpStatusCode.Conflict);
        Assert.Equal("concurrency.conflict", stale.GetProperty("code").GetString());
        var now = await (await hotline.GetAsync($"{Root}/entries/{created.Id}")).ReadAsync<KnowledgeEntryView>();
        Assert.Equal(2, now.Version);
        Assert.StartsWith("版本二", now.Answer, StringComparison.Ordinal);

        // The index follows the edit: the new words are found, the words only the old version had are not.
        Assert.Contains((await SearchAsync(hotline, "智能快件箱")).Hits, h => h.EntryId == created.Id);
        Assert.DoesNotContain((await SearchAsync(hotline, "应当明示")).Hits, h => h.EntryId == created.Id);
    }

    [Fact]
    public async Task Entries_past_their_review_day_are_flagged_on_the_list_and_a_new_one_is_not()
    {
        var hotline = await app.SignedInOnce("hotline");
        var due = await (await hotline.GetAsync($"{Root}/entries?due=true")).ReadAsync<KnowledgePage>();
        Assert.Contains(due.Items, r => r.Question.Contains("施工太吵", StringComparison.Ordinal));
        Assert.All(due.Items, r => Assert.True(r.DueForReview && r.ReviewDue < Today));
        var fresh = await CreateAsync(hotline, await DraftAsync("新条目复核日期", "新条目的答复。"));
        Assert.False(fresh.DueForReview);
        Assert.DoesNotContain(due.Items, r => r.Id == fresh.Id);
        // The owner's view: the environment bureau's overdue entry shows on its own list.
        var environment = await DepartmentAsync("郴州市生态环境局临武分局");
        var own = await (await hotline.GetAsync($"{Root}/entries?department={environment}&due=true")).ReadAsync<KnowledgePage>();
        Assert.Single(own.Items);
    }

    [Fact]
    public async Task The_list_runs_by_category_and_question_across_its_pages_and_the_overdue_list_longest_overdue_first()
    {
        var hotline = await app.SignedInOnce("hotline");
        // Two entries of one category whose questions sort before and after each other, made in the other order.
        await CreateAsync(hotline, await DraftAsync("排序测试：乙条目", "答复。", category: "SC.01"));
        await CreateAsync(hotline, await DraftAsync("排序测试：甲条目", "答复。", category: "SC.01"));
        var read = new List<KnowledgeRow>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await (await hotline.GetAsync($"{Root}/entries" + (after is null ? "" : $"?after={after}"))).ReadAsync<KnowledgePage>();
            Assert.True(page.Items.Count <= KnowledgeQueries.PageSize);
            read.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null && pages < 20);
        Assert.True(pages >= 2, "the demo's entries and this test's fill more than one page");
        Assert.Equal(read.Count, read.Select(r => r.Id).Distinct().Count()); // no entry twice across pages
        var expected = read.OrderBy(r => r.CategoryCode, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal).Select(r => r.Id);
        Assert.Equal(expected, read.Select(r => r.Id));
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(await db.Set<KnowledgeEntry>().CountAsync(), read.Count); // and none left out
        }

        // The overdue list: the oldest review day first. A malformed key starts at the beginning, as the page's link never sends one.
        var due = await (await hotline.GetAsync($"{Root}/entries?due=true&after=not-a-key")).ReadAsync<KnowledgePage>();
        Assert.NotEmpty(due.Items);
        Assert.Equal(due.Items.OrderBy(r => r.ReviewDue).Select(r => r.Id), due.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_department_writes_its_own_entries_only_and_a_withdrawn_entry_leaves_the_search()
    {
        var market = await app.SignedInOnce("reviewer.sj");
        var own = await CreateAsync(market, await DraftAsync("电动车充电桩收费标准", "充电服务费由经营者明码标价。"));
        var other = await ProblemAsync(market.PostAsJsonAsync($"{Root}/entries", await DraftAsync("民政的条目", "答复", "临武县民政局"), Json.Options), HttpStatusCode.Forbidden);
        Assert.Equal("knowledge.other-department", other.GetProperty("code").GetString());

        Assert.Contains((await SearchAsync(market, "充电桩收费")).Hits, h => h.EntryId == own.Id);
        var withdrawn = await (await market.PostAsJsonAsync($"{Root}/entries/{own.Id}/withdraw", new { revision = own.Revision }, Json.Options)).ReadAsync<KnowledgeEntryView>();
        Assert.Equal(KnowledgeStatus.Withdrawn, withdrawn.Status);
        Assert.DoesNotContain((await SearchAsync(market, "充电桩收费")).Hits, h => h.EntryId == own.Id);
        Assert.Equal("电动车充电桩收费标准", (await (await market.GetAsync($"{Root}/entries/{own.Id}")).ReadAsync<KnowledgeEntryView>()).Question);
        await (await market.PostAsJsonAsync($"{Root}/entries/{own.Id}/publish", new { revision = withdrawn.Revision }, Json.Options)).ReadAsync<KnowledgeEntryView>();
        Assert.Contains((await SearchAsync(market, "充电桩收费")).Hits, h => h.EntryId == own.Id);
    }

    [Fact]
    public async Task Bad_input_is_refused_for_its_field_and_saves_nothing()
    {
        var hotline = await app.SignedInOnce("hotline");
        var good = await DraftAsync("坏输入检查", "答复");
        foreach (var (draft, field) in new (SaveEntryRequest, string)[]
        {
            (good with { Question = " " }, "question"),
            (good with { Answer = new string('长', 2001) }, "answer"),
            (good with { CategoryCode = "NOPE.01" }, "categoryCode"),
            (good with { DepartmentId = Guid.NewGuid() }, "departmentId"),
            (good with { ServiceItemCode = "431025-XX-999" }, "serviceItemCode"),
            (good with { ReviewDue = Today }, "reviewDue"),
            (good with { Keywords = [.. Enumerable.Range(0, 11).Select(i => "词" + i)] }, "keywords"),
        })
        {
            var problem = await ProblemAsync(hotline.PostAsJsonAsync($"{Root}/entries", draft, Json.Options), HttpStatusCode.BadRequest);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{field}: {problem}");
        }
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.Equal(0, await db.Set<KnowledgeEntry>().CountAsync(e => e.Question == "坏输入检查"));
        }
    }

    [Fact]
    public async Task Closing_an_order_on_the_spot_with_an_entry_records_it_on_the_order_and_counts_its_use_in_the_same_unit()
    {
        var hotline = await app.SignedInOnce("hotline");
        var entry = (await SearchAsync(hotline, "停电了怎么查原因")).Hits.First(h => h.Kind == "entry");
        var before = (await (await hotline.GetAsync($"{Root}/entries/{entry.EntryId}")).ReadAsync<KnowledgeEntryView>()).UseCount;

        var order = await RegisterAsync(hotline, Call("家里停电了，问问原因", category: "GF.02", type: WorkOrderType.Consultation));
        var answered = await OkAsync(ActAsync(hotline, order, "answer", new { revision = order.Revision, answer = entry.Answer, knowledgeEntryId = entry.EntryId }));
        Assert.Equal(WorkOrderStatus.AnsweredOnTheSpot, answered.Status);
        Assert.Equal(entry.EntryId, answered.KnowledgeEntryId);
        Assert.Equal(before + 1, (await (await hotline.GetAsync($"{Root}/entries/{entry.EntryId}")).ReadAsync<KnowledgeEntryView>()).UseCount);

        // A withdrawn entry: refused, the order stays to be handled and nothing is counted.
        var market = await app.SignedInOnce("reviewer.sj");
        var gone = await CreateAsync(market, await DraftAsync("即将撤回的条目", "旧口径"));
        await (await market.PostAsJsonAsync($"{Root}/entries/{gone.Id}/withdraw", new { revision = gone.Revision }, Json.Options)).ReadAsync<KnowledgeEntryView>();
        var second = await RegisterAsync(hotline, Call("用撤回的条目答复", type: WorkOrderType.Consultation));
        var refused = await ProblemAsync(ActAsync(hotline, second, "answer", new { revision = second.Revision, answer = "旧口径", knowledgeEntryId = gone.Id }), HttpStatusCode.BadRequest);
        Assert.Equal("knowledge.entry-unavailable", refused.GetProperty("code").GetString());
        var still = await (await hotline.GetAsync($"{Root.Replace("knowledge", "hotline", StringComparison.Ordinal)}/orders/{second.Id}")).ReadAsync<WorkOrderView>();
        Assert.Equal(WorkOrderStatus.Registered, still.Status);
        Assert.Null(still.KnowledgeEntryId);
        Assert.Equal(0, (await (await hotline.GetAsync($"{Root}/entries/{gone.Id}")).ReadAsync<KnowledgeEntryView>()).UseCount);
    }
}
