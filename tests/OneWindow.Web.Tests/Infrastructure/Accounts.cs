using System.Net;
using System.Text.RegularExpressions;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>Signing in, up and out through the pages, as a browser without JavaScript does.</summary>
public static partial class Accounts
{
    public const string Password = "citizen2026x";

    /// <summary>One sign-in attempt; a redirect means it succeeded.</summary>
    public static async Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string userName, string password) =>
        await Forms.PostAsync(client, "/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Signs out with the form of the sign-out page.</summary>
    public static async Task SignOutAsync(HttpClient client)
    {
        var response = await Forms.PostAsync(client, "/account/logout", new Dictionary<string, string>());
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-out failed: {response.StatusCode}");
        }
    }

    /// <summary>Step one of signing up: the phone number, for a code.</summary>
    public static Task<HttpResponseMessage> SendSignUpCodeAsync(HttpClient client, string phone) =>
        Forms.PostAsync(client, "/account/register", new Dictionary<string, string> { ["Phone"] = phone }, "/account/register?handler=SendCode");

    /// <summary>Step two: the code from the phone with the real name, ID number and password.</summary>
    public static Task<HttpResponseMessage> CompleteSignUpAsync(HttpClient client, string phone, string code, string name, string idNumber, string password = Password) =>
        Forms.PostAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Phone"] = phone, ["Code"] = code, ["RealName"] = name, ["IdentityNumber"] = idNumber, ["Password"] = password, ["ConfirmPassword"] = password, ["Consent"] = "true",
        });

    /// <summary>Both steps with the code the phone received; the answer of the second.</summary>
    public static async Task<HttpResponseMessage> SignUpAsync(OneWindowFactory app, HttpClient client, string phone, string name, string idNumber, string password = Password)
    {
        var sent = await SendSignUpCodeAsync(client, phone);
        if (sent.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sending the code failed: {sent.StatusCode}");
        }
        return await CompleteSignUpAsync(client, phone, app.Sms.LatestCode(phone), name, idNumber, password);
    }

    /// <summary>A new applicant signed up with a verified phone, and signed in.</summary>
    public static async Task<HttpClient> SignedUpAsync(OneWindowFactory app, string phone, string name, string idNumber)
    {
        var client = app.Anonymous();
        var done = await SignUpAsync(app, client, phone, name, idNumber);
        if (done.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-up of {phone} failed: {AlertOf(await done.Content.ReadAsStringAsync())}");
        }
        return await app.SignedIn(phone, Password);
    }

    /// <summary>The page's error or notice text (role alert or status), or null.</summary>
    public static string? AlertOf(string html) =>
        AlertPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : null;

    /// <summary>The text of the page's &lt;main&gt; without tags, tokens or the given values, to compare two answers.</summary>
    public static string MainText(string html, params string[] without)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        main = TokenInput().Replace(main, "");
        foreach (var value in without)
        {
            main = main.Replace(value, "…", StringComparison.Ordinal);
        }
        return main;
    }

    [GeneratedRegex(@"role=""(?:alert|status)""[^>]*>(.*?)</", RegexOptions.Singleline)]
    private static partial Regex AlertPattern();

    [GeneratedRegex(@"<input name=""__RequestVerificationToken""[^>]*>")]
    private static partial Regex TokenInput();
}
