using System.Net;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// The live streams hold a connection each for as long as a page is open: they are capped per client (an IPv6 client
/// by its /64) and in all, the public screen and the supervision dashboard each in a budget of its own, counted for
/// the stream's life and released when the client goes, and refused beyond the caps with a retry time.
/// </summary>
public sealed class LiveStreamTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["LiveStreams:PerAddress"] = "3",
        ["LiveStreams:Total"] = "5",
        ["LiveStreams:SupervisionPerAddress"] = "2",
        ["LiveStreams:SupervisionTotal"] = "3",
    }, PeerAddress.AddTo);

    private readonly List<HttpResponseMessage> _open = [];

    public void Dispose()
    {
        foreach (var stream in _open)
        {
            stream.Dispose(); // the client goes: the server's stream ends
        }
        _app.Dispose();
    }

    [Fact]
    public async Task Streams_are_capped_per_address_and_in_all_and_released_when_the_client_goes()
    {
        var client = _app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "198.51.100.7")).StatusCode);
        }
        var fourth = await OpenAsync(client, "/screen/live", "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);

        // Another address has its own share, until the screens' total is reached; then 503 for every screen.
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "192.0.2.1")).StatusCode);
        var full = await OpenAsync(client, "/screen/live", "192.0.2.2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Equal(5, _app.Services.GetRequiredService<LiveStreams>().OpenOf(LiveStreamKind.Screen));

        // The first stream's page is closed: its place is free again for its address.
        _open[0].Dispose();
        await WaitUntilAsync(() => _app.Services.GetRequiredService<LiveStreams>().Open == 4);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task Public_screens_filling_their_budget_leave_the_supervision_dashboard_its_own()
    {
        var client = _app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", $"198.51.100.{i}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await OpenAsync(client, "/screen/live", "198.51.100.9")).StatusCode);
        var supervisor = await _app.SignedIn("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(supervisor, "/supervision/live", "198.51.100.9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(supervisor, "/supervision/live", "198.51.100.9")).StatusCode);
        // Its own budget has its own caps (two per address here).
        Assert.Equal(HttpStatusCode.TooManyRequests, (await OpenAsync(supervisor, "/supervision/live", "198.51.100.9")).StatusCode);
        Assert.Equal(7, _app.Services.GetRequiredService<LiveStreams>().Open);
    }

    [Fact]
    public async Task An_IPv6_client_is_counted_by_its_64_prefix_not_by_each_of_its_addresses()
    {
        var client = _app.Anonymous();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", $"2001:db8:0:1::{i}")).StatusCode);
        }
        // Another address of the same /64 is the same client.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await OpenAsync(client, "/screen/live", "2001:db8:0:1:ffff:ffff:ffff:ffff")).StatusCode);
        // Another /64 is another client.
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "2001:db8:0:2::1")).StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_streams_never_exceed_the_caps()
    {
        var client = _app.Anonymous();
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => OpenAsync(client, "/screen/live", $"198.51.100.{i % 4}")));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True(a.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable, a.StatusCode.ToString()));
        Assert.Equal(5, _app.Services.GetRequiredService<LiveStreams>().Open);
    }

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, string url, string peer)
    {
        var response = await client.SendAsync(PeerAddress.Get(url, peer), HttpCompletionOption.ResponseHeadersRead);
        _open.Add(response);
        return response;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition(), "the closed stream was not released");
    }
}
