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
