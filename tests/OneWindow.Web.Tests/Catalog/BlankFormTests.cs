using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Modules.Catalog;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

/// <summary>Blank forms (空白表格) and samples (示范文本) are downloadable on every guide that lists them.</summary>
public class BlankFormTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The text of a downloaded Word document, one paragraph a line; the document must be well-formed OOXML.</summary>
    private static string DocxText(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("_rels/.rels"));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var document = XDocument.Load(stream);
        return string.Join("\n", document.Descendants(W + "p").Select(p => string.Concat(p.Descendants(W + "t").Select(t => t.Value))));
    }

    [Fact]
    public async Task Every_demo_guide_that_lists_a_form_offers_its_blank_form_and_sample_as_files()
    {
        var client = app.Anonymous();
        var forms = 0;
        foreach (var seed in DemoCatalog.Items)
        {
            var guide = (await (await client.GetAsync("/api/v1/catalog/items/" + seed.Code)).ReadAsync<GuideView>()).Guide;
            var html = await client.GetStringAsync("/guides/" + seed.Code);
            foreach (var m in guide.Materials.Where(m => m.TemplateFile is not null || m.SampleFile is not null))
            {
                forms++;
                Assert.True(m.TemplateFileId is not null && m.SampleFileId is not null, $"{seed.Code}: {m.Name} lists a form without its files");
                Assert.Contains($"href=\"/files/{m.TemplateFileId}\"", html, StringComparison.Ordinal);
                Assert.Contains($"href=\"/files/{m.SampleFileId}\"", html, StringComparison.Ordinal);
                var blank = await client.GetAsync($"/files/{m.TemplateFileId}");
                Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
                Assert.Equal(FormDocument.DocxContentType, blank.Content.Headers.ContentType?.MediaType);
                var text = DocxText(await blank.Content.ReadAsByteArrayAsync());
                Assert.Contains("申请事项：" + seed.Name, text, StringComparison.Ordinal);
                Assert.Contains("空白表格", text, StringComparison.Ordinal);
                Assert.Contains("示范文本", DocxText(await client.GetByteArrayAsync($"/files/{m.SampleFileId}")), StringComparison.Ordinal);
            }
        }
        Assert.True(forms >= 25, $"only {forms} forms in the demo catalog");
    }

    [Fact]
    public async Task The_food_licence_form_has_its_fields_blank_and_the_sample_fills_them()
    {
        var guide = (await (await app.Anonymous().GetAsync("/api/v1/catalog/items/431025-SJ-003")).ReadAsync<GuideView>()).Guide;
        var form = guide.Materials.Single(m => m.Name == "食品经营许可申请书");
        var blank = DocxText(await app.Anonymous().GetByteArrayAsync($"/files/{form.TemplateFileId}"));
        var sample = DocxText(await app.Anonymous().GetByteArrayAsync($"/files/{form.SampleFileId}"));
        foreach (var label in new[] { "食品经营许可申请书", "经营者名称", "经营场所", "主体业态", "经营项目", "统一社会信用代码（公民身份号码）", "申请人（签字或盖章）" })
        {
            Assert.Contains(label, blank, StringComparison.Ordinal);
            Assert.Contains(label, sample, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("小型餐馆", blank, StringComparison.Ordinal);
        Assert.Contains("小型餐馆", sample, StringComparison.Ordinal);
        var download = await app.Anonymous().GetAsync($"/files/{form.TemplateFileId}");
        Assert.Contains("食品经营许可申请书", Uri.UnescapeDataString(download.Content.Headers.ContentDisposition!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_uploads_a_form_a_draft_names_it_and_the_published_guide_serves_it()
    {
        var admin = await app.SignedIn("admin");
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var uploaded = await admin.PostAsJsonAsync("/api/v1/catalog/admin/files", new UploadGuideFileRequest("备案表.pdf", Convert.ToBase64String(pdf)), Json.Options);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = await uploaded.ReadAsync<GuideFileResponse>();
        Assert.Equal("application/pdf", file.ContentType);

        const string code = "T-FILE-1";
        var guide = (await (await admin.GetAsync("/api/v1/catalog/items/431025-TJ-002")).ReadAsync<GuideView>()).Guide with { Name = "测试上传表格" };
        var unknown = guide with { Materials = [guide.Materials[0] with { TemplateFileId = Guid.NewGuid() }, .. guide.Materials.Skip(1)] };
        var refused = await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest(code, unknown), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("catalog.file-unknown", (await refused.ReadJsonAsync()).GetProperty("code").GetString());

        var named = guide with { Materials = [guide.Materials[0] with { TemplateFile = "变更申请公函（格式）", TemplateFileId = file.Id }, .. guide.Materials.Skip(1)] };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/catalog/admin/items", new CreateItemRequest(code, named), Json.Options)).StatusCode);
        Assert.True((await admin.PostAsync($"/api/v1/catalog/admin/items/{code}/publish", null)).IsSuccessStatusCode);

        var html = await app.Anonymous().GetStringAsync("/guides/" + code);
        var link = (await new HtmlParser().ParseDocumentAsync(html)).QuerySelector($"table.materials a[href='/files/{file.Id}']");
        Assert.NotNull(link);
        Assert.Equal(pdf, await app.Anonymous().GetByteArrayAsync(link!.GetAttribute("href")!));

        var bad = await admin.PostAsJsonAsync("/api/v1/catalog/admin/files", new UploadGuideFileRequest("x.pdf", "not base64!"), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("clerk")).PostAsJsonAsync("/api/v1/catalog/admin/files",
            new UploadGuideFileRequest("备案表.pdf", Convert.ToBase64String(pdf)), Json.Options)).StatusCode);
    }
}
