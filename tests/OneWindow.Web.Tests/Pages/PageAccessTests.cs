using System.Net;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

public class PageAccessTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/", "/guides", "/guides?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7", "/guides?type=AdministrativeLicense&applicant=Enterprise",
        "/guides/431025-SJ-001", "/guides/431025-SJ-001/history", "/guides/431025-SJ-001?version=1",
        "/combined", "/combined/431025-YJS-001", "/calendar", "/calendar?from=2025-09-30&days=5", "/calendar?year=2020",
        "/account/login",
    };

    public static TheoryData<string> AdminPages => new()
    {
        "/admin", "/admin/catalog", "/admin/catalog?q=431025-MZ", "/admin/catalog/new", "/admin/catalog/431025-MZ-001/edit",
        "/admin/catalog/import", "/admin/catalog/combined", "/admin/catalog/combined?edit=431025-YJS-001",
        "/admin/org/regions", "/admin/org/regions?parent=431025000000", "/admin/org/departments", "/admin/org/windows", "/admin/org/venues", "/admin/org/venues?tier=TownHall",
        "/admin/org/staff", "/admin/calendar", "/admin/audit",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_open_without_signing_in(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("临武县", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", string.Join(",", response.Headers.Select(h => h.Key)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_pages_send_the_anonymous_to_sign_in_refuse_a_clerk_and_open_for_an_administrator(string url)
    {
        var anonymous = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var clerk = await (await app.SignedIn("clerk.mz")).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, clerk.StatusCode);
        Assert.StartsWith("/account/denied", clerk.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var admin = await (await app.SignedIn("admin")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task An_unknown_guide_is_a_readable_404_page()
    {
        var response = await app.Anonymous().GetAsync("/guides/NO-SUCH-CODE");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_clerk_sees_only_the_windows_of_their_department_and_venue()
    {
        var html = await (await app.SignedIn("clerk.mz")).GetStringAsync("/workbench");
        Assert.Contains("B01 民政窗口", html, StringComparison.Ordinal);
        Assert.DoesNotContain("B09 市场监管窗口", html, StringComparison.Ordinal);
        Assert.Contains("社会团体成立登记", html, StringComparison.Ordinal);
        Assert.DoesNotContain("企业设立登记", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_town_hall_clerk_sees_the_town_halls_windows_not_the_county_centers()
    {
        var html = await (await app.SignedIn("clerk.town")).GetStringAsync("/workbench");
        Assert.Contains("综合代办窗口", html, StringComparison.Ordinal);
        Assert.Contains("便民服务中心", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A04 市场服务综合受理窗口", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_sent_over_tls_only()
    {
        var plain = await app.Anonymous().GetAsync("/guides");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        var tls = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/guides");
        Assert.Equal("max-age=31536000; includeSubDomains", tls.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("frame-ancestors 'none'", tls.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_a_query_or_form_is_a_400_not_a_database_error()
    {
        var query = await app.Anonymous().GetAsync("/guides?q=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        var client = app.Anonymous();
        var form = await client.GetStringAsync("/account/login");
        var body = "UserName=admin%00&Password=x&__RequestVerificationToken=" + Uri.EscapeDataString(OneWindowFactory.AntiforgeryToken(form));
        var post = await client.PostAsync("/account/login", new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        // A person gets the readable page saying why; the API gets problem details.
        Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求无法处理", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await (await app.SignedIn("clerk")).PostAsync("/api/v1/cases", new StringContent("a=b%00", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        var response = await app.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_shows_the_portal_in_English()
    {
        var client = app.Anonymous();
        var switched = await client.GetAsync("/lang/en?returnUrl=%2Fguides");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/guides", switched.Headers.Location!.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Get, "/guides");
        request.Headers.Add("Cookie", cookie);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("Service guides", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_redirect_through_the_language_switch_is_refused()
    {
        var response = await app.Anonymous().GetAsync("/lang/en?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
