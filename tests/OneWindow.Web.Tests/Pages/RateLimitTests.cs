using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>Sign-in attempts and public lookups are limited per address; reading the forms is not counted.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["RateLimits:SignInPerMinute"] = "3",
        ["RateLimits:PublicPerMinute"] = "5",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_is_refused_with_429_and_a_retry_time()
    {
        var client = _app.Anonymous();
        var form = await client.GetStringAsync("/account/login");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await Forms.PostWithTokenAsync(client, OneWindowFactory.AntiforgeryToken(form), "/account/login",
                new Dictionary<string, string> { ["UserName"] = "nobody", ["Password"] = "wrong-password-" + i });
            Assert.True(i < 3 ? last.StatusCode == HttpStatusCode.OK : last.StatusCode == HttpStatusCode.TooManyRequests, $"attempt {i + 1}: {last.StatusCode}");
        }
        Assert.Equal("60", last!.Headers.RetryAfter?.ToString());
        Assert.Contains("请一分钟后再试", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Public_tracking_lookups_are_limited_too()
    {
        var client = _app.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await client.GetAsync($"/complaints/track?code=TSNOTHING{i}")).StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], codes);
        // Other pages are not counted against it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guides")).StatusCode);
    }

    [Fact]
    public async Task Certificate_verification_is_limited_per_address()
    {
        var client = _app.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await client.GetAsync($"/verify/431025-20261122-0000{i}?result=X-{i}")).StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task The_public_complaint_and_rating_apis_are_limited_per_address_like_their_pages()
    {
        var client = _app.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await client.GetAsync($"/api/v1/complaints/track/TSNOTHING{i}")).StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, 5), HttpStatusCode.TooManyRequests], codes);

        // The same address files and rates no more: one limit for the public lookups and submissions, as on the pages.
        var filing = await client.PostAsJsonAsync("/api/v1/complaints", new { about = "Other", content = "排队太久", anonymous = true });
        Assert.Equal(HttpStatusCode.TooManyRequests, filing.StatusCode);
        Assert.Equal("60", filing.Headers.RetryAfter?.ToString());
        Assert.Equal("rate-limited", (await filing.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/v1/ratings/online", new { number = "431025-20261122-00001", tail = "0000", level = "Satisfied" })).StatusCode);
        var db = _app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.EfficiencyComplaints.AnyAsync(c => c.Content == "排队太久"));
        }
    }
}
