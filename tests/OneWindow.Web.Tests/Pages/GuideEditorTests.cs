using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>The guide editor driven through its HTML form, as a browser without JavaScript would.</summary>
public class GuideEditorTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Fact]
    public async Task An_administrator_revises_a_guide_through_the_form_and_the_portal_shows_the_new_version()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-WL-003";
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        var startDraft = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=StartDraft", Form(page, "form[action*=StartDraft]", new() { ["Note"] = "增加材料" }));
        Assert.Equal(HttpStatusCode.Redirect, startDraft.StatusCode);

        page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        Assert.Contains("正在编辑第 2 版", page, StringComparison.Ordinal);
        // Add a material row without JavaScript, then fill it in and publish.
        var added = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=AddRow", Form(page, "form[action*=Save]", new() { ["section"] = "Materials" }));
        var withRow = await added.Content.ReadAsStringAsync();
        var index = Regex.Count(withRow, @"name=""Form\.Materials\[(\d+)\]\.Name""") - 1;
        var published = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Publish", Form(withRow, "form[action*=Save]", new()
        {
            [$"Form.Materials[{index}].Name"] = "经营场所照片",
            // The item is done wholly online (零跑腿): its materials are electronic files, not paper originals.
            [$"Form.Materials[{index}].Form"] = "Electronic",
            ["Note"] = "增加材料",
        }));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"/guides/{code}", published.Headers.Location!.OriginalString);

        var portal = await app.Anonymous().GetStringAsync($"/guides/{code}");
        Assert.Contains("经营场所照片", portal, StringComparison.Ordinal);
        Assert.Contains("第 2 版", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_promise_longer_than_the_statute_saves_the_draft_but_refuses_publication_with_the_reason()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-TJ-003";
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        await admin.PostAsync($"/admin/catalog/{code}/edit?handler=StartDraft", Form(page, "form[action*=StartDraft]", []));
        page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        var response = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Publish", Form(page, "form[action*=Save]", new() { ["Form.PromisedLimitDays"] = "30" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("承诺办结时限不得超过法定办结时限", html, StringComparison.Ordinal);
        var portal = await app.Anonymous().GetStringAsync($"/guides/{code}");
        Assert.Contains("第 1 版", portal, StringComparison.Ordinal);
        var again = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        Assert.Contains("value=\"30\"", again, StringComparison.Ordinal); // the draft kept what was typed
    }

    [Fact]
    public async Task A_stale_form_does_not_overwrite_a_newer_save_and_keeps_the_typed_input()
    {
        var admin = await app.SignedIn("admin");
        const string code = "431025-TJ-004";
        var page = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        await admin.PostAsync($"/admin/catalog/{code}/edit?handler=StartDraft", Form(page, "form[action*=StartDraft]", []));
        var stale = await admin.GetStringAsync($"/admin/catalog/{code}/edit");
        await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Save", Form(stale, "form[action*=Save]", new() { ["Form.Name"] = "甲保存的名称" }));
        var second = await admin.PostAsync($"/admin/catalog/{code}/edit?handler=Save", Form(stale, "form[action*=Save]", new() { ["Form.Name"] = "乙迟到的名称" }));
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("该草稿已被他人修改", html, StringComparison.Ordinal);
        Assert.Contains("乙迟到的名称", html, StringComparison.Ordinal);
        Assert.Contains("甲保存的名称", await admin.GetStringAsync($"/admin/catalog/{code}/edit"), StringComparison.Ordinal);
    }

    /// <summary>The form's current fields (inputs, selects, textareas, checked boxes) with some values replaced.</summary>
    private static FormUrlEncodedContent Form(string html, string selector, Dictionary<string, string> changes)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException("No form " + selector);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type");
            if (type is "checkbox" or "radio" && !element.HasAttribute("checked"))
            {
                continue;
            }
            var value = element.LocalName switch
            {
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                "textarea" => element.TextContent,
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            if (!changes.ContainsKey(name))
            {
                fields.Add(new(name, value));
            }
        }
        fields.AddRange(changes);
        return new FormUrlEncodedContent(fields);
    }
}
