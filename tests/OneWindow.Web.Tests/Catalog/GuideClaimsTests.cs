using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

/// <summary>A guide's claims agree with its process; the public reads the guide, never the center's internal notes.</summary>
public partial class GuideClaimsTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private async Task<ServiceGuide> GuideAsync(string code) =>
        (await (await app.Anonymous().GetAsync("/api/v1/catalog/items/" + code)).ReadAsync<GuideView>()).Guide;

    private async Task<List<string?>> PublishRefusalAsync(string code, ServiceGuide guide)
    {
        var admin = await app.SignedIn("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest(code, guide), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var response = await admin.PostAsync($"/api/v1/catalog/admin/items/{code}/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("guide.invalid", problem.GetProperty("code").GetString());
        return [.. problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString())];
    }

    [Fact]
    public async Task Publication_refuses_a_guide_whose_no_visit_claim_contradicts_its_process()
    {
        // 社会团体成立登记: 最多跑一次, 网上预审, paper originals. Claiming 零跑腿 alone contradicts all of that.
        var guide = await GuideAsync("431025-MZ-001");
        var zeroVisits = await PublishRefusalAsync("T-CLAIM-1", guide with { HallVisits = HallVisits.Zero });
        Assert.Contains("guide.zero-visits-not-online", zeroVisits);
        Assert.Contains("guide.no-visit-original", zeroVisits);

        var fullyOnline = await PublishRefusalAsync("T-CLAIM-2", guide with { OnlineDepth = OnlineDepth.FullyOnline });
        Assert.Contains("guide.online-with-visits", fullyOnline);

        // Both claims, the materials electronic or copies, but the result only at the window: still a visit.
        var electronic = guide.Materials.Select(m => m with { Form = m.Form == MaterialForm.Copy ? MaterialForm.Copy : MaterialForm.Electronic }).ToList();
        var pickupOnly = await PublishRefusalAsync("T-CLAIM-3", guide with
        {
            HallVisits = HallVisits.Zero, OnlineDepth = OnlineDepth.FullyOnline, Materials = electronic, DeliveryMethods = DeliveryMethods.WindowPickup,
        });
        Assert.Equal(["guide.no-visit-pickup-only"], pickupOnly);

        // Consistent: published.
        var admin = await app.SignedIn("admin");
        await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest("T-CLAIM-4", guide with
        {
            HallVisits = HallVisits.Zero, OnlineDepth = OnlineDepth.FullyOnline, Materials = electronic, DeliveryMethods = DeliveryMethods.Mail | DeliveryMethods.Electronic,
        }), Json.Options);
        var published = await admin.PostAsync("/api/v1/catalog/admin/items/T-CLAIM-4/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_editor_says_why_a_no_visit_item_cannot_be_published_with_window_pickup_only()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-SJ-002"; // 个体工商户登记: 零跑腿, 全程网办
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        await Forms.PostWithTokenAsync(admin, OneWindowFactory.AntiforgeryToken(page), $"/admin/catalog/{code}/edit?handler=StartDraft", new Dictionary<string, string>());
        page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        var fields = EditorFields(page).Where(f => f.Key is not ("Form.DeliverMail" or "Form.DeliverElectronic")).ToList();
        var response = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Publish", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“零跑腿”的事项须能邮寄或电子送达结果，不能只有窗口领取", html, StringComparison.Ordinal);
        Assert.Contains("第 1 版", await app.Anonymous().GetStringAsync($"/guides/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_item_that_claims_no_visit_can_be_done_online_without_one()
    {
        var claiming = 0;
        foreach (var seed in DemoCatalog.Items)
        {
            var guide = await GuideAsync(seed.Code);
            Assert.Empty(GuideValidation.Check(guide));
            if (guide.HallVisits == HallVisits.Zero || guide.OnlineDepth == OnlineDepth.FullyOnline)
            {
                claiming++;
                Assert.True(guide.HallVisits == HallVisits.Zero && guide.OnlineDepth == OnlineDepth.FullyOnline, seed.Code);
                Assert.True((guide.DeliveryMethods & (DeliveryMethods.Mail | DeliveryMethods.Electronic)) != 0, seed.Code);
                Assert.All(guide.Materials, m => Assert.True(m.Form is MaterialForm.Copy or MaterialForm.Electronic, $"{seed.Code}: {m.Name}"));
            }
        }
        Assert.True(claiming >= 10, $"{claiming} demo items claim no visit");
    }

    [Fact]
    public async Task The_public_pages_and_API_never_show_internal_notes_or_staff_accounts()
    {
        var client = app.Anonymous();
        var urls = new List<string> { "/", "/guides", "/combined", "/api/v1/catalog/items?limit=100" };
        urls.AddRange(DemoCatalog.Items.SelectMany(i => new[] { $"/guides/{i.Code}", $"/guides/{i.Code}/history", $"/api/v1/catalog/items/{i.Code}" }));
        urls.AddRange(DemoCatalog.Combined.Select(c => $"/combined/{c.Code}"));
        var leaks = new List<string>();
        foreach (var url in urls)
        {
            var text = await client.GetStringAsync(url);
            foreach (Match m in Internal().Matches(text))
            {
                leaks.Add($"{url}: …{text[Math.Max(0, m.Index - 30)..Math.Min(text.Length, m.Index + 30)]}…");
            }
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task Opening_a_small_restaurant_asks_for_what_a_small_restaurant_needs()
    {
        var html = await app.Anonymous().GetStringAsync("/combined/431025-YJS-002");
        var members = (await new HtmlParser().ParseDocumentAsync(html)).QuerySelectorAll("table.cards")[0].QuerySelectorAll("tbody td.card-head").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["个体工商户登记", "食品经营许可", "新办纳税人涉税事项联办（信息确认、发票领用）"], members);
        Assert.DoesNotContain("户外广告", html, StringComparison.Ordinal);
        Assert.DoesNotContain("公共场所卫生许可", html, StringComparison.Ordinal);
    }

    /// <summary>The editor form's fields as posted by a browser (checked boxes only).</summary>
    private static List<KeyValuePair<string, string>> EditorFields(string html)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form[action*=Save]")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var type = element.GetAttribute("type");
            if (type == "file" || (type is "checkbox" or "radio" && !element.HasAttribute("checked")))
            {
                continue;
            }
            var value = element.LocalName switch
            {
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                "textarea" => element.TextContent,
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            fields.Add(new(element.GetAttribute("name")!, value));
        }
        return fields;
    }

    /// <summary>What only the center should read: the seeds' and staff accounts' names (the demo seed publishes as "seed").</summary>
    [GeneratedRegex(@"seed|种子|\badmin\b", RegexOptions.IgnoreCase)]
    private static partial Regex Internal();
}
