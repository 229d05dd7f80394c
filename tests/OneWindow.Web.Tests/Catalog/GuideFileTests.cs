using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

/// <summary>Blank forms and samples uploaded with a guide's materials, checked by content, served to the public.</summary>
public partial class GuideFileTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task A_blank_form_uploaded_in_the_editor_is_downloadable_from_the_published_guide()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-JT-002";
        await StartDraftAsync(admin, code);
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        using var form = GuideEditorForm.MultipartFrom(page);
        form.Add(File(pdf, "application/pdf"), "Form.Materials[0].TemplateUpload", "备案表.pdf");
        var published = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Publish", form);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var guide = await app.Anonymous().GetStringAsync($"/guides/{code}");
        var link = FileLink().Match(guide);
        Assert.True(link.Success, "no file link on the guide page");
        var download = await app.Anonymous().GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_accepted_document_is_refused_and_the_draft_is_unchanged()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-WL-005";
        await StartDraftAsync(admin, code);
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        using var form = GuideEditorForm.MultipartFrom(page, new() { ["Form.Name"] = "不应保存的名称" });
        // A script renamed to .pdf is judged by its content.
        form.Add(File("#!/bin/sh\necho owned\n"u8.ToArray(), "application/pdf"), "Form.Materials[0].TemplateUpload", "表格.pdf");
        var response = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Save", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不是可接受的文件", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        Assert.DoesNotContain("value=\"不应保存的名称\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_file_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);
    }

    private static async Task StartDraftAsync(HttpClient admin, string code)
    {
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        var token = OneWindowFactory.AntiforgeryToken(page);
        await admin.PostAsync($"/admin/catalog/{code}/edit?handler=StartDraft", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    private static ByteArrayContent File(byte[] content, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return file;
    }

    [GeneratedRegex(@"/files/[0-9a-f-]{36}")]
    private static partial Regex FileLink();
}
