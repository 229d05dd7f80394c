using System.Net;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Supervision;

/// <summary>
/// The live streams hold a connection each for as long as a page is open: they are capped per address and in all,
/// counted for the stream's life and released when the client goes, and refused beyond the caps with a retry time.
/// </summary>
public sealed class LiveStreamTests : IDisposable
{
    private readonly OneWindowFactory _app = OneWindowFactory.WithSettings(new Dictionary<string, string>
    {
        ["LiveStreams:PerAddress"] = "3",
        ["LiveStreams:Total"] = "5",
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

        // Another address has its own share, until the server's total is reached; then 503 for everyone.
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "203.0.113.9")).StatusCode);
        var supervisor = await _app.SignedIn("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(supervisor, "/supervision/live", "203.0.113.9")).StatusCode);
        var full = await OpenAsync(client, "/screen/live", "192.0.2.1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Equal(5, _app.Services.GetRequiredService<LiveStreams>().Open);

        // The first stream's page is closed: its place is free again for its address.
        _open[0].Dispose();
        await WaitUntilAsync(() => _app.Services.GetRequiredService<LiveStreams>().Open == 4);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(client, "/screen/live", "198.51.100.7")).StatusCode);
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
