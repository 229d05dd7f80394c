using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Which proxies' X-Forwarded-For and X-Forwarded-Proto are believed: loopback always (nginx on the app server
/// itself), and the addresses and networks in <c>ForwardedHeaders:KnownProxies</c> and
/// <c>ForwardedHeaders:KnownNetworks</c> (nginx on other hosts). The client address they give is what the rate
/// limits and the live-stream caps count, so a proxy left out makes every client one address: one attacker could
/// then block sign-in for everyone. A header from anyone else is ignored: a client cannot choose its own address.
/// Each setting is a list (<c>KnownProxies:0</c>, <c>:1</c>…) or one comma-separated value.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration.GetSection("ForwardedHeaders:KnownProxies"))
            .Select(v => IPAddress.TryParse(v, out var address) ? address : throw Invalid("KnownProxies", v, "an IP address such as 10.0.0.11")).ToList();
        var networks = Values(configuration.GetSection("ForwardedHeaders:KnownNetworks"))
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw Invalid("KnownNetworks", v, "a network in CIDR notation such as 10.0.0.0/24")).ToList();
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Added to the defaults (127.0.0.0/8 and ::1), which stay.
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? "") : (section.Value ?? "").Split(','))
            .Select(v => v.Trim()).Where(v => v.Length > 0);

    // A wrong address must stop the start, not leave the proxy untrusted and every client in one bucket.
    private static InvalidOperationException Invalid(string setting, string value, string expected) =>
        new($"ForwardedHeaders:{setting}: \"{value}\" is not {expected}.");
}
