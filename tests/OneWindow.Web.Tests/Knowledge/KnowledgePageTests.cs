using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Knowledge;

/// <summary>The knowledge pages: the list's review flag, a new entry from the editor, and a stale edit keeping what was typed.</summary>
public class KnowledgePageTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task The_list_flags_entries_past_review_and_the_editor_saves_versions_and_keeps_the_text_of_a_stale_edit()
    {
        var hotline = await app.SignedInOnce("hotline");
        var list = await hotline.GetStringAsync("/knowledge");
        Assert.Contains("条知识已过复核日期", list, StringComparison.Ordinal);
        Assert.Contains("待复核", list, StringComparison.Ordinal);

        var department = (await hotline.GetStringAsync("/knowledge/new")).Contains("临武县市场监督管理局", StringComparison.Ordinal);
        Assert.True(department);
        Guid market;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            market = await db.Departments.Where(d => d.Name == "临武县市场监督管理局").Select(d => d.Id).SingleAsync();
        }
        var fields = new Dictionary<string, string>
        {
            ["Question"] = "页面新增的条目", ["Answer"] = "页面答复第一版", ["CategoryCode"] = "SC.03", ["DepartmentId"] = market.ToString(),
            ["Keywords"] = "页面 测试", ["ReviewDue"] = "2027-03-01", ["Revision"] = "0",
        };
        var created = await Forms.PostAsync(hotline, "/knowledge/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var at = created.Headers.Location!.OriginalString;

        var page = await hotline.GetStringAsync(at);
        var token = OneWindowFactory.AntiforgeryToken(page);
        var edited = await Forms.PostWithTokenAsync(hotline, token, at, new Dictionary<string, string>(fields) { ["Answer"] = "页面答复第二版", ["Revision"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        // The same form again, on the revision it was read at: refused, with what was typed still there.
        var stale = await Forms.PostWithTokenAsync(hotline, token, at, new Dictionary<string, string>(fields) { ["Answer"] = "迟到的第三版", ["Revision"] = "1" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("已有人修改了该条目", html, StringComparison.Ordinal);
        Assert.Contains("迟到的第三版", html, StringComparison.Ordinal);
        var latest = await hotline.GetStringAsync(at);
        Assert.Contains("第 2 版", latest, StringComparison.Ordinal);
        Assert.Contains("页面答复第一版", await hotline.GetStringAsync(at + "?version=1"), StringComparison.Ordinal);

        // A department's staff may read another's entry but get no editor for it.
        var other = await (await app.SignedInOnce("clerk.mz")).GetStringAsync(at);
        Assert.Contains("该条目由其他部门维护", other, StringComparison.Ordinal);
        db = app.NewDbContext(out scope);
        using (scope)
        {
            Assert.Equal(2, await db.Set<KnowledgeEntry>().Where(e => e.Question == "页面新增的条目").Select(e => e.Version).SingleAsync());
        }
    }
}

/// <summary>A guide version published through the catalog is in the knowledge search from the same unit on.</summary>
public class KnowledgeGuideIndexTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task Publishing_a_guide_version_indexes_it_for_the_knowledge_search()
    {
        var hotline = await app.SignedInOnce("hotline");
        async Task<OneWindow.Web.Modules.Knowledge.KnowledgeResults> SearchAsync(string q) =>
            await (await hotline.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(q)}")).ReadAsync<OneWindow.Web.Modules.Knowledge.KnowledgeResults>();
        Assert.DoesNotContain((await SearchAsync("烟花爆竹零售点")).Hits, h => h.ItemCode == "431025-MZ-003");

        using (var scope = app.Services.CreateScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<OneWindow.Web.Modules.Catalog.ManageCatalog>();
            var draft = await catalog.StartDraftAsync("431025-MZ-003", "admin", "关键词");
            await catalog.EditDraftAsync("431025-MZ-003", draft.VersionNumber, draft.Revision, draft.Guide with { Keywords = [.. draft.Guide.Keywords, "烟花爆竹零售点"] }, "admin", "关键词");
            await catalog.PublishAsync("431025-MZ-003", "admin");
        }
        var hit = Assert.Single((await SearchAsync("烟花爆竹零售点")).Hits, h => h.ItemCode == "431025-MZ-003");
        Assert.Equal("guide", hit.Kind);
        var db = app.NewDbContext(out var s);
        using (s)
        {
            Assert.Equal(2, await db.Set<OneWindow.Web.Modules.Knowledge.KnowledgeGuide>().Where(g => g.ItemCode == "431025-MZ-003").Select(g => g.VersionNumber).SingleAsync());
        }
    }
}
