using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Modules.Organization;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

public class CatalogApiTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_demo_county_publishes_every_item_the_seeds_name()
    {
        var client = app.Anonymous();
        var codes = new List<string>();
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/catalog/items?limit=7&q=431025{(after is null ? "" : "&after=" + after)}")).ReadAsync<GuideListResponse>();
            Assert.True(page.Items.Count <= 7);
            codes.AddRange(page.Items.Select(i => i.Code));
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        foreach (var seed in DemoCatalog.Items)
        {
            Assert.Contains(seed.Code, codes);
        }
        // Seed 002's 32 items of eight departments are all there.
        Assert.Equal(32, DemoCatalog.Items.Count(i => i.Dept is "MZ" or "TJ" or "ZJ" or "ZR" or "JT" or "WJ" or "CG" or "WL") - 2); // + 结婚登记, + 临时救助申请（小额） (a town-own item, ADR 0035)
    }

    [Fact]
    public async Task Keyword_search_finds_an_item_by_the_seeds_old_name()
    {
        var page = await (await app.Anonymous().GetAsync("/api/v1/catalog/items?q=" + Uri.EscapeDataString("垃圾准运证"))).ReadAsync<GuideListResponse>();
        var hit = Assert.Single(page.Items);
        Assert.Equal("城市建筑垃圾处置核准", hit.Name);
    }

    [Fact]
    public async Task Filters_narrow_by_type_applicant_and_theme()
    {
        var client = app.Anonymous();
        var persons = await (await client.GetAsync("/api/v1/catalog/items?applicant=Person&type=AdministrativeConfirmation&limit=100")).ReadAsync<GuideListResponse>();
        Assert.NotEmpty(persons.Items);
        Assert.All(persons.Items, i =>
        {
            Assert.True(i.ApplicantTypes.HasFlag(ApplicantTypes.Person));
            Assert.Equal(ItemType.AdministrativeConfirmation, i.ItemType);
        });
        var theme = await (await client.GetAsync("/api/v1/catalog/items?theme=" + Uri.EscapeDataString("婚育") + "&limit=100")).ReadAsync<GuideListResponse>();
        Assert.Contains(theme.Items, i => i.Name == "内地居民结婚登记");
        Assert.DoesNotContain(theme.Items, i => i.Name == "企业设立登记");
    }

    [Theory]
    [InlineData("/api/v1/catalog/items?type=NoSuchType", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/catalog/items?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task API_errors_are_problem_details_never_an_HTML_page(string url, HttpStatusCode status)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_guide_carries_every_element()
    {
        var guide = await (await app.Anonymous().GetAsync("/api/v1/catalog/items/431025-BDC-001")).ReadAsync<GuideView>();
        var g = guide.Guide;
        Assert.Equal("临武县不动产登记中心", guide.DepartmentName);
        Assert.Equal(30, g.StatutoryLimitDays);
        Assert.Equal(5, g.PromisedLimitDays);
        Assert.NotEmpty(g.Materials);
        Assert.NotEmpty(g.AcceptanceConditions);
        Assert.NotEmpty(g.ProcessNodes);
        Assert.Contains(g.SpecialProcedures, p => p.Name == "公示" && !p.CountsTowardLimit);
        Assert.Contains(g.Fees, f => f.Amount == 80m);
        Assert.NotNull(g.ConsultationPhone);
        Assert.NotNull(g.SupervisionPhone);
        Assert.NotEmpty(g.Faqs);
        Assert.NotEmpty(guide.AuthorizedWindows);
        Assert.Single(guide.History);
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/catalog/items/NO-SUCH-ITEM");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Catalog_administration_refuses_the_anonymous_and_other_roles()
    {
        var request = new CreateItemRequest("T-ANON-1", await SampleGuideAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/catalog/admin/items", request, Json.Options)).StatusCode);
        var clerk = await app.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/catalog/admin/items", request, Json.Options)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_drafts_publishes_and_supersedes_a_version_and_every_step_is_audited()
    {
        var admin = await app.SignedIn("admin");
        var guide = await SampleGuideAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest("T-FLOW-1", guide), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v1 = await created.ReadAsync<VersionResponse>();
        Assert.Equal(VersionStatus.Draft, v1.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/catalog/items/T-FLOW-1")).StatusCode);

        var published = await (await admin.PostAsync("/api/v1/catalog/admin/items/T-FLOW-1/publish", null)).ReadAsync<VersionResponse>();
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.Equal(new DateOnly(2026, 11, 22), published.ValidFrom);

        // A published version never changes.
        var edit = await admin.PutAsJsonAsync("/api/v1/catalog/admin/items/T-FLOW-1/versions/1", new EditDraftRequest(published.Revision, guide with { Name = "改名" }, null), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("catalog.version-not-draft", (await edit.ReadJsonAsync()).GetProperty("code").GetString());

        var draftResponse = await admin.PostAsync("/api/v1/catalog/admin/items/T-FLOW-1/drafts", null);
        Assert.True(draftResponse.IsSuccessStatusCode, await draftResponse.Content.ReadAsStringAsync());
        var v2 = await draftResponse.ReadAsync<VersionResponse>();
        Assert.Equal(2, v2.VersionNumber);
        var edited = await admin.PutAsJsonAsync("/api/v1/catalog/admin/items/T-FLOW-1/versions/2", new EditDraftRequest(v2.Revision, guide with
        {
            Name = "测试事项（第二版）",
            PromisedLimitDays = 3,
            ProcessNodes = [new() { Name = "受理", ActingRole = "WindowClerk" }, new() { Name = "审查", ActingRole = "Reviewer", LimitWorkingDays = 1 }, new() { Name = "决定", ActingRole = "Approver", LimitWorkingDays = 2 }],
        }, "压缩时限"), Json.Options);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(1));
        admin = await app.SignedIn("admin"); // the eight-hour sign-in has expired meanwhile
        var second = await admin.PostAsync("/api/v1/catalog/admin/items/T-FLOW-1/publish", null);
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());

        var current = await (await app.Anonymous().GetAsync("/api/v1/catalog/items/T-FLOW-1")).ReadAsync<GuideView>();
        Assert.Equal(2, current.VersionNumber);
        Assert.Equal("测试事项（第二版）", current.Guide.Name);
        Assert.Equal([2, 1], current.History.Select(h => h.VersionNumber));
        Assert.Equal(VersionStatus.Superseded, current.History[1].Status);
        Assert.Equal(new DateOnly(2026, 11, 23), current.History[1].ValidTo);
        var old = await (await app.Anonymous().GetAsync("/api/v1/catalog/items/T-FLOW-1?version=1")).ReadAsync<GuideView>();
        Assert.Equal(guide.Name, old.Guide.Name);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OneWindowDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "ServiceItem" && a.EntityKey == "T-FLOW-1").OrderBy(a => a.Id).Select(a => a.Action + "@" + a.Actor).ToListAsync();
        Assert.Equal(["created@admin", "published@admin", "draft-started@admin", "draft-edited@admin", "published@admin"], actions);
        app.Clock.Set(OneWindowFactory.DefaultNow);
    }

    [Fact]
    public async Task Two_editors_of_one_draft_cannot_overwrite_each_other()
    {
        var admin = await app.SignedIn("admin");
        var guide = await SampleGuideAsync();
        var v1 = await (await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest("T-RACE-1", guide), Json.Options)).ReadAsync<VersionResponse>();
        var first = await admin.PutAsJsonAsync("/api/v1/catalog/admin/items/T-RACE-1/versions/1", new EditDraftRequest(v1.Revision, guide with { Name = "甲的修改" }, null), Json.Options);
        var second = await admin.PutAsJsonAsync("/api/v1/catalog/admin/items/T-RACE-1/versions/1", new EditDraftRequest(v1.Revision, guide with { Name = "乙的修改" }, null), Json.Options);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("concurrency.conflict", (await second.ReadJsonAsync()).GetProperty("code").GetString());
        var draft = await (await admin.GetAsync("/api/v1/catalog/items/T-RACE-1?version=1")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/catalog/items/T-RACE-1")).StatusCode); // still a draft
        _ = draft;
    }

    [Fact]
    public async Task An_incomplete_guide_cannot_be_published_and_the_problems_are_listed()
    {
        var admin = await app.SignedIn("admin");
        var guide = await SampleGuideAsync() with { PromisedLimitDays = 30, StatutoryLimitDays = 20, ConsultationPhone = null, Materials = [] };
        await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest("T-BAD-1", guide), Json.Options);
        var response = await admin.PostAsync("/api/v1/catalog/admin/items/T-BAD-1/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        var codes = problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("guide.promise-exceeds-statute", codes);
        Assert.Contains("guide.materials-required", codes);
        Assert.Contains("guide.consultation-phone-required", codes);
        Assert.True(problem.GetProperty("errors").TryGetProperty("PromisedLimitDays", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_changes_nothing()
    {
        var admin = await app.SignedIn("admin");
        var response = await admin.PostAsync("/api/v1/catalog/admin/items", new StringContent("{\"code\": \"T-MAL-1\", \"guide\": {", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/catalog/items/T-MAL-1?version=1")).StatusCode);
    }

    [Theory]
    [InlineData("""{"code":"T-NULL-1","guide":null}""")]
    [InlineData("""{"code":"T-NULL-2"}""")]
    [InlineData("""{"code":null,"guide":GUIDE}""")]
    [InlineData("""{"guide":GUIDE}""")]
    [InlineData("""{"code":"T-NULL-3","guide":GUIDE}""", "name", null)]
    [InlineData("""{"code":"T-NULL-4","guide":GUIDE}""", "materials", "null")]
    [InlineData("""{"code":"T-NULL-5","guide":GUIDE}""", "materials", "[null]")]
    [InlineData("""{"code":"T-NULL-6","guide":GUIDE}""", "keywords", "[null]")]
    [InlineData("""{"code":"T-NULL-7","guide":GUIDE}""", "processNodes", "[null]")]
    [InlineData("""{"code":"T-NULL-8","guide":GUIDE}""", "acceptanceConditions", "null")]
    [InlineData("""{"code":"T-NULL-9","guide":GUIDE}""", "faqs", "[{\"question\":null,\"answer\":\"x\"}]")]
    public async Task A_null_or_missing_required_part_is_a_400_and_creates_nothing(string body, string? field = null, string? value = "null")
    {
        var admin = await app.SignedIn("admin");
        var guide = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(await SampleGuideAsync(), Json.Options))!.AsObject();
        if (field is not null)
        {
            guide[field] = System.Text.Json.Nodes.JsonNode.Parse(value ?? "null");
        }
        var response = await admin.PostAsync("/api/v1/catalog/admin/items", new StringContent(body.Replace("GUIDE", guide.ToJsonString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ServiceItems, i => i.Code.StartsWith("T-NULL")));
        }
    }

    [Fact]
    public async Task A_draft_edit_with_a_null_guide_is_a_400()
    {
        var admin = await app.SignedIn("admin");
        var v1 = await (await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest("T-NULLEDIT-1", await SampleGuideAsync()), Json.Options)).ReadAsync<VersionResponse>();
        var response = await admin.PutAsync("/api/v1/catalog/admin/items/T-NULLEDIT-1/versions/1",
            new StringContent($$"""{"revision":{{v1.Revision}},"guide":null}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ServiceGuide> SampleGuideAsync()
    {
        var guide = await (await app.Anonymous().GetAsync("/api/v1/catalog/items/431025-MZ-001")).ReadAsync<GuideView>();
        return guide.Guide with { Name = "测试事项" };
    }
}
