namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>Posts a page's form as a browser would: the page is read first for its anti-forgery token.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null) =>
        await PostWithTokenAsync(client, OneWindowFactory.AntiforgeryToken(await client.GetStringAsync(page)), action ?? page, fields);

    /// <summary>Posts with a token read earlier, as from a page left open while its state moved on.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string token, string action, IDictionary<string, string> fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
}

/// <summary>The demo's sample answers to an item's application form (一表通), as a page posts them under its prefix.</summary>
public static class FormAnswers
{
    /// <param name="prefix"><c>Form</c> at the window's intake, <c>Form.Answers</c> on the online application.</param>
    public static IEnumerable<KeyValuePair<string, string>> Of(string code, string prefix = "Form") =>
        OneWindow.Web.Modules.Catalog.DemoApplicationForms.SampleAnswers(code).Select(a => new KeyValuePair<string, string>($"{prefix}[{a.Key}]", a.Value ?? ""));

    /// <summary>
    /// The application form's questions a page shows under <paramref name="prefix"/>, answered as a citizen filling them in
    /// would (the demo's sample answers), except those <paramref name="given"/> already answers.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> OnPage(string page, IReadOnlyDictionary<string, string> given, string prefix = "Form.Answers") =>
        System.Text.RegularExpressions.Regex.Matches(page, $@"name=""{System.Text.RegularExpressions.Regex.Escape(prefix)}\[([a-zA-Z0-9.]+)\]""")
            .Select(m => m.Groups[1].Value).Distinct()
            .Select(key => new KeyValuePair<string, string>($"{prefix}[{key}]", OneWindow.Web.Modules.Catalog.DemoApplicationForms.SampleOf(key) ?? ""))
            .Where(a => !given.ContainsKey(a.Key));
}
