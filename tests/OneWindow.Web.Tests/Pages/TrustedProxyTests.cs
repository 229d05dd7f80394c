using System.Net;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// Behind nginx on other hosts (docs/deploy.md), the configured proxies' X-Forwarded-For names the client that the
/// rate limits count; a header from anyone else is ignored, so a client cannot pick its own address.
/// </summary>
public sealed class TrustedProxyTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:SignInPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.11",
        ["ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16, 10.2.0.0/16",
    }, PeerAddress.AddTo);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_configured_proxy_is_believed_so_each_client_has_its_own_sign_in_limit()
    {
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests],
            await SignInAttemptsAsync("10.0.0.11", "203.0.113.5", "203.0.113.5", "203.0.113.5", "203.0.113.5"));
        // Another client behind the same proxy is not blocked by the first one.
        Assert.Equal([HttpStatusCode.BadRequest], await SignInAttemptsAsync("10.0.0.11", "203.0.113.6"));
        // The same client through a proxy of a configured network is still that client: its limit is spent.
        Assert.Equal([HttpStatusCode.TooManyRequests], await SignInAttemptsAsync("10.2.3.4", "203.0.113.5"));
    }

    [Fact]
    public async Task Anyone_else_s_forwarded_header_is_ignored_so_a_client_cannot_choose_its_address()
    {
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests],
            await SignInAttemptsAsync("10.0.0.99", "198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"));
    }

    [Fact]
    public async Task The_scheme_a_configured_proxy_reports_turns_on_HSTS_and_nobody_else_s_does()
    {
        var client = _app.Anonymous();
        Assert.True((await client.SendAsync(Request("10.1.0.5", "203.0.113.8", "https"))).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await client.SendAsync(Request("10.0.0.99", "203.0.113.8", "https"))).Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>Sign-in posts (without a token: refused, but counted) from a proxy, for the clients it names.</summary>
    private async Task<List<HttpStatusCode>> SignInAttemptsAsync(string proxy, params string[] clients)
    {
        var codes = new List<HttpStatusCode>();
        foreach (var client in clients)
        {
            var request = Request(proxy, client, "http", HttpMethod.Post, "/account/login");
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "nobody", ["Password"] = "wrong-password" });
            codes.Add((await _app.Anonymous().SendAsync(request)).StatusCode);
        }
        return codes;
    }

    private static HttpRequestMessage Request(string proxy, string client, string scheme, HttpMethod? method = null, string url = "/guides") =>
        new(method ?? HttpMethod.Get, url) { Headers = { { PeerAddress.Header, proxy }, { "X-Forwarded-For", client }, { "X-Forwarded-Proto", scheme } } };
}
