namespace OneWindow.Web.Tests.Infrastructure;

public static class GuideEditorForm
{
    /// <summary>The editor form's fields as multipart content, as a browser posts a form with file inputs.</summary>
    public static MultipartFormDataContent MultipartFrom(string html, Dictionary<string, string>? changes = null)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = document.QuerySelector("form[action*=Save]")!;
        var content = new MultipartFormDataContent();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type");
            if (type == "file" || (type is "checkbox" or "radio" && !element.HasAttribute("checked")) || changes?.ContainsKey(name) == true)
            {
                continue;
            }
            var value = element.LocalName switch
            {
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                "textarea" => element.TextContent,
                _ => element.GetAttribute("value") ?? (type == "checkbox" ? "on" : ""),
            };
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, value) in changes ?? [])
        {
            content.Add(new StringContent(value), name);
        }
        return content;
    }
}
