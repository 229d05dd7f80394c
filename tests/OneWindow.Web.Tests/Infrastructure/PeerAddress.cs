using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OneWindow.Web.Tests.Infrastructure;

/// <summary>
/// The in-process host has no network peer; this gives a request the peer address named in its
/// <c>X-Test-Peer</c> header, first in the pipeline, as the socket would (before the forwarded headers are read).
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(IServiceCollection services) => services.AddTransient<IStartupFilter, PeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer, out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }
            return nextMiddleware();
        });
        next(app);
    };

    public static HttpRequestMessage Get(string url, string peer) => new(HttpMethod.Get, url) { Headers = { { Header, peer } } };
}
