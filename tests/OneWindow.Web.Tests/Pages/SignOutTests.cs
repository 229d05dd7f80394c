using System.Net;
using System.Text.RegularExpressions;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>The header's 退出 is a form like any other: it carries its anti-forgery token, and posting it ends the sign-in.</summary>
public sealed partial class SignOutTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    [Theory]
    [InlineData("clerk", "/workbench")]
    [InlineData("13907350001", "/my")]
    public async Task The_headers_sign_out_form_ends_the_sign_in(string user, string home)
    {
        var client = await app.SignedIn(user);
        var page = await client.GetStringAsync(home);
        var form = HeaderSignOut().Match(page);
        Assert.True(form.Success, "no sign-out form in the header");
        var fields = HiddenInput().Matches(form.Groups["body"].Value)
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);

        var action = FormAction().Match(form.Groups["tag"].Value).Groups[1].Value;
        Assert.Equal("/account/logout", action);
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var after = await client.GetAsync(home);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath);
    }

    [GeneratedRegex(@"<header class=""site-header"">.*?(?<tag><form[^>]*class=""inline-form""[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex HeaderSignOut();

    [GeneratedRegex(@"action=""([^""]+)""")]
    private static partial Regex FormAction();

    [GeneratedRegex(@"<input name=""(?<name>[^""]+)"" type=""hidden"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInput();
}
