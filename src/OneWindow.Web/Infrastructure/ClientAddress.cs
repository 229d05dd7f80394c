using System.Net;
using System.Net.Sockets;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// One client as the per-address limits count it (rate limits, live streams, codes and wrong passwords per address):
/// an IPv4 address as it is, and an IPv6 address by its /64 prefix. One subscriber, home or hall is given a whole
/// /64 — 2^64 addresses it may pick from at will — so counting IPv6 clients per address let one client open a new
/// budget with every request. An IPv4 address mapped into IPv6 (<c>::ffff:198.51.100.7</c>) is its IPv4 address.
/// </summary>
public static class ClientAddress
{
    /// <summary>The request's client (after the trusted proxies' X-Forwarded-For), as counted: <c>198.51.100.7</c>, <c>2001:db8:1:2::/64</c>.</summary>
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
