using System.Net;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Catalog;

/// <summary>The catalog administrator gives an item its application form (一表通) in the guide editor, like its other elements.</summary>
public class ApplicationFormEditorTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task An_admin_adds_a_question_in_the_editor_and_the_published_guide_the_window_and_the_blank_form_ask_it()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-MZ-002";
        var start = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        await admin.PostAsync($"/admin/catalog/{code}/edit?handler=StartDraft", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = OneWindowFactory.AntiforgeryToken(start) }));

        // "+ 添加字段" posts the form and shows it again with a blank question.
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        Assert.DoesNotContain("Form.FormFields[0].Key", page, StringComparison.Ordinal);
        using (var add = GuideEditorForm.MultipartFrom(page, new() { ["section"] = "FormFields" }))
        {
            var added = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=AddRow", add);
            page = await added.Content.ReadAsStringAsync();
        }
        Assert.Contains("Form.FormFields[0].Key", page, StringComparison.Ordinal);

        // A choice without options is refused, and nothing typed is lost.
        var question = new Dictionary<string, string>
        {
            ["Form.FormFields[0].Key"] = "organization.kind", ["Form.FormFields[0].Label"] = "社会组织类型", ["Form.FormFields[0].Type"] = "Choice",
            ["Form.FormFields[0].Group"] = "组织信息", ["Form.FormFields[0].Required"] = "true", ["Form.FormFields[0].Options"] = "",
        };
        using (var bad = GuideEditorForm.MultipartFrom(page, question))
        {
            var refused = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Save", bad);
            var shown = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("须列出", shown, StringComparison.Ordinal);
            Assert.Contains("value=\"社会组织类型\"", shown, StringComparison.Ordinal);
            page = shown;
        }
        question["Form.FormFields[0].Options"] = "社会团体、民办非企业单位";
        using (var good = GuideEditorForm.MultipartFrom(page, question))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Publish", good)).StatusCode);
        }

        var guide = await app.Anonymous().GetStringAsync($"/guides/{code}");
        Assert.Contains("社会组织类型", guide, StringComparison.Ordinal);
        Assert.Contains("□民办非企业单位", await app.Anonymous().GetStringAsync($"/guides/{code}/application-form"), StringComparison.Ordinal);
        var intake = await (await app.SignedIn("clerk.mz")).GetStringAsync($"/workbench/cases/new?item={code}");
        Assert.Contains("<option value=\"社会团体\">社会团体</option>", intake, StringComparison.Ordinal);
    }
}
