using System.Net;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// The Host header is the sender's to choose: no redirect may carry it into a Location (every redirect is a relative
/// path), and with AllowedHosts set, as docs/deploy.md says for production, a foreign host is refused outright.
/// </summary>
public sealed class HostHeaderTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private const string Forged = "evil.example";

    [Fact]
    public async Task No_redirect_carries_a_forged_host_into_its_location()
    {
        var anonymous = app.Anonymous();
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var locations = new List<string>();
        foreach (var (client, url) in new[]
                 {
                     (anonymous, "/workbench"), (anonymous, "/my"), (anonymous, "/supervision/assessment.xlsx"), (anonymous, "/admin/catalog/export"),
                     (applicant, "/workbench/cases"), (applicant, "/admin"), (anonymous, "/lang/en?returnUrl=%2Fguides"),
                 })
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Host = Forged } });
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{url}: {response.StatusCode}");
            locations.Add(response.Headers.Location!.OriginalString);
        }
        var signIn = await Forms.PostAsync(app.Anonymous(), "/account/login", new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = Modules.Organization.DemoCounty.DemoPassword });
        locations.Add(signIn.Headers.Location!.OriginalString);

        Assert.All(locations, location =>
        {
            Assert.DoesNotContain(Forged, location, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("/", location, StringComparison.Ordinal);
            Assert.False(location.StartsWith("//", StringComparison.Ordinal), location);
        });
    }

    [Fact]
    public async Task With_allowed_hosts_set_a_foreign_host_is_refused()
    {
        using var production = OneWindowFactory.WithSettings(new Dictionary<string, string> { ["AllowedHosts"] = "zwfw.linwu.gov.cn;localhost" });
        var client = production.Anonymous();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/workbench") { Headers = { Host = Forged } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/guides") { Headers = { Host = "zwfw.linwu.gov.cn" } })).StatusCode);
    }
}
