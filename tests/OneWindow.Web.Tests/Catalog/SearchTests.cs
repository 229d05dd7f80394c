using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

/// <summary>Search finds what citizens type: synonyms kept by the administrator, the best matches first, combined items, themes to choose.</summary>
public class SearchTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<GuideListResponse> SearchAsync(string query, int limit = 20) =>
        await (await app.Anonymous().GetAsync($"/api/v1/catalog/items?limit={limit}&{query}")).ReadAsync<GuideListResponse>();

    [Theory]
    [InlineData("开饭店", "食品经营许可")]
    [InlineData("我想开饭店", "食品经营许可")]
    [InlineData("开店卖吃的", "食品经营许可")]
    [InlineData("身份证", "居民身份证申领、换领、补领")]
    [InlineData("生孩子", "生育登记")]
    [InlineData("结婚", "内地居民结婚登记")]
    [InlineData("退休", "城乡居民基本养老保险参保登记")]
    [InlineData("买房", "国有建设用地使用权及房屋所有权转移登记")]
    public async Task A_citizens_words_find_the_item_they_mean(string typed, string item)
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString(typed));
        Assert.Contains(page.Items, i => i.Name == item);
    }

    [Fact]
    public async Task A_search_for_opening_a_restaurant_shows_the_licence_first_the_package_and_what_it_also_looked_for()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("开饭店"));
        Assert.Equal("食品经营许可", page.Items[0].Name); // the synonym's word is the item's whole name
        Assert.Contains("食品经营许可", page.AlsoSearched!);
        Assert.Contains(page.Combined!, c => c.Name == "开办餐饮店一件事");

        var html = await app.Anonymous().GetStringAsync("/guides?q=" + Uri.EscapeDataString("开饭店"));
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Contains("开办餐饮店一件事", document.QuerySelector(".combined-results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("食品经营许可", document.QuerySelector("ul[aria-label=事项列表]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("同时查找了", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_named_with_the_words_come_before_items_found_by_a_keyword()
    {
        // 养老: two names contain it (养老机构备案, 城乡居民基本养老保险参保登记); 单位参加社会保险登记 only has it in a keyword.
        var names = (await SearchAsync("q=" + Uri.EscapeDataString("养老"))).Items.Select(i => i.Name).ToList();
        var keywordOnly = names.IndexOf("单位参加社会保险登记");
        Assert.True(keywordOnly > names.IndexOf("养老机构备案") && keywordOnly > names.IndexOf("城乡居民基本养老保险参保登记"), string.Join(", ", names));
        Assert.True(names.IndexOf("养老机构备案") >= 0 && names.IndexOf("城乡居民基本养老保险参保登记") >= 0);
    }

    [Fact]
    public async Task A_ranked_search_pages_by_key_without_losing_or_repeating_an_item()
    {
        var all = (await SearchAsync("q=" + Uri.EscapeDataString("登记"), limit: 100)).Items.Select(i => i.Code).ToList();
        Assert.True(all.Count > 6);
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await SearchAsync("q=" + Uri.EscapeDataString("登记") + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)), limit: 4);
            Assert.True(page.Items.Count <= 4);
            paged.AddRange(page.Items.Select(i => i.Code));
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Combined_items_are_in_the_results_of_a_search_and_of_a_theme()
    {
        var licence = await SearchAsync("q=" + Uri.EscapeDataString("营业执照"));
        Assert.Contains(licence.Combined!, c => c.Name == "开办企业一件事");
        var theme = await SearchAsync("theme=" + Uri.EscapeDataString("开办企业"));
        Assert.Equal(["开办企业一件事", "开办餐饮店一件事"], theme.Combined!.Select(c => c.Name));
        // Not on the following pages, and not when the filter names something a package is not (an item type).
        Assert.Empty((await SearchAsync("q=" + Uri.EscapeDataString("营业执照") + "&type=AdministrativeLicense")).Combined!);
    }

    [Fact]
    public async Task The_theme_filter_is_a_choice_of_the_themes_that_exist_and_matches_a_whole_theme()
    {
        var themes = await (await app.Anonymous().GetAsync("/api/v1/catalog/themes")).ReadAsync<List<string>>();
        Assert.Contains("婚育", themes);
        Assert.Contains("开办企业", themes);
        Assert.Equal(themes.Distinct().Count(), themes.Count);

        var html = await app.Anonymous().GetStringAsync("/guides?theme=" + Uri.EscapeDataString("婚育"));
        var select = (await new HtmlParser().ParseDocumentAsync(html)).QuerySelector("select#theme");
        Assert.NotNull(select);
        Assert.Equal(themes, select!.QuerySelectorAll("option").Skip(1).Select(o => o.GetAttribute("value")!));
        Assert.Equal("婚育", select.QuerySelector("option[selected]")!.GetAttribute("value"));

        Assert.Empty((await SearchAsync("theme=" + Uri.EscapeDataString("开办"))).Items); // a part of a theme is not a theme
        Assert.Contains((await SearchAsync("theme=" + Uri.EscapeDataString("婚育"))).Items, i => i.Name == "生育登记");
    }

    [Fact]
    public async Task The_administrator_keeps_the_synonyms_through_the_API_and_search_follows_at_once()
    {
        var admin = await app.SignedIn("admin");
        const string term = "开网店";
        Assert.DoesNotContain((await SearchAsync("q=" + Uri.EscapeDataString(term))).Items, i => i.Name == "个体工商户登记");

        var url = "/api/v1/catalog/admin/synonyms/" + Uri.EscapeDataString(term);
        var created = await admin.PutAsJsonAsync(url, new SaveSynonymRequest(["个体工商户登记"]), Json.Options);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var saved = await created.ReadAsync<SynonymView>();
        Assert.Contains((await SearchAsync("q=" + Uri.EscapeDataString(term))).Items, i => i.Name == "个体工商户登记");

        // A second "new" one with the same term, or a stale revision, is a conflict; the current revision replaces the words.
        var again = await admin.PutAsJsonAsync(url, new SaveSynonymRequest(["食品经营许可"]), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("concurrency.conflict", (await again.ReadJsonAsync()).GetProperty("code").GetString());
        var edited = await admin.PutAsJsonAsync(url, new SaveSynonymRequest(["个体工商户登记", "食品经营许可"], saved.Revision), Json.Options);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await admin.PutAsJsonAsync(url, new SaveSynonymRequest(["食品经营许可"], saved.Revision), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var listed = await (await admin.GetAsync("/api/v1/catalog/admin/synonyms?q=" + Uri.EscapeDataString("网店"))).ReadAsync<SynonymPage>();
        Assert.Equal(["个体工商户登记", "食品经营许可"], Assert.Single(listed.Items).Words);

        var invalid = await admin.PutAsJsonAsync("/api/v1/catalog/admin/synonyms/" + Uri.EscapeDataString("店"), new SaveSynonymRequest(["食品经营许可"]), Json.Options);
        Assert.Equal("synonym.term-invalid", (await invalid.ReadJsonAsync()).GetProperty("code").GetString());
        var empty = await admin.PutAsJsonAsync("/api/v1/catalog/admin/synonyms/" + Uri.EscapeDataString("开奶茶店"), new SaveSynonymRequest([" "]), Json.Options);
        Assert.Equal("synonym.words-required", (await empty.ReadJsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        Assert.DoesNotContain((await SearchAsync("q=" + Uri.EscapeDataString(term))).Items, i => i.Name == "个体工商户登记");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(url)).StatusCode);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var actions = await db.AuditEntries.Where(a => a.EntityType == "SearchSynonym" && a.EntityKey == term).OrderBy(a => a.Id).Select(a => a.Action + "@" + a.Actor).ToListAsync();
            Assert.Equal(["saved@admin", "saved@admin", "deleted@admin"], actions);
        }
        var clerk = await app.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync(url, new SaveSynonymRequest(["个体工商户登记"]), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task The_administrator_keeps_the_synonyms_on_the_page_and_a_refused_save_keeps_what_was_typed()
    {
        var admin = await app.SignedIn("admin");
        var saved = await Forms.PostAsync(admin, "/admin/catalog/synonyms", new Dictionary<string, string> { ["Term"] = "开茶馆", ["Words"] = "食品经营许可、个体工商户登记" },
            "/admin/catalog/synonyms?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetStringAsync("/admin/catalog/synonyms?q=" + Uri.EscapeDataString("茶馆"));
        Assert.Contains("食品经营许可、个体工商户登记", list, StringComparison.Ordinal);
        Assert.Contains((await SearchAsync("q=" + Uri.EscapeDataString("开茶馆"))).Items, i => i.Name == "食品经营许可");

        var refused = await Forms.PostAsync(admin, "/admin/catalog/synonyms", new Dictionary<string, string> { ["Term"] = "开奶茶铺", ["Words"] = "" },
            "/admin/catalog/synonyms?handler=Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请至少填写一个事项用语", html, StringComparison.Ordinal);
        Assert.Contains("value=\"开奶茶铺\"", html, StringComparison.Ordinal);

        var demo = await admin.GetStringAsync("/admin/catalog/synonyms?q=" + Uri.EscapeDataString("开饭店"));
        Assert.Contains("食品经营许可", demo, StringComparison.Ordinal); // the demo's set is seeded
    }
}
