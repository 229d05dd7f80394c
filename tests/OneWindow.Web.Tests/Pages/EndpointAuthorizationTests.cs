using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Pages;

/// <summary>
/// Walks every endpoint the app maps (pages and API) rather than a hand-written list, so a new endpoint is
/// covered the day it is added: it must be public by name or carry a policy, the anonymous must be sent to
/// sign in (401 on the API), and every signed-in user whose roles the policy does not name must be refused.
/// </summary>
public class EndpointAuthorizationTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    /// <summary>
    /// What anyone may reach. Adding to this list is a decision to review, not a default. A route that is public for
    /// one method and not for another is listed with its method ("POST /api/v1/complaints/": anyone files a
    /// complaint, only the supervision center lists them).
    /// </summary>
    private static readonly HashSet<string> Public =
    [
        "/", "/account/login", "/account/register", "/account/denied", "/account/logout", "/error",
        "/calendar", "/guides", "/guides/{code}", "/guides/{code}/history", "/guides/{code}/application-form", "/combined", "/combined/{code}",
        "/track", "/verify/{number?}", "/complaints/new", "/complaints/track", "/ratings/online", "/screen", "/display/{venueId:guid}",
        "/screen/live", "/files/{id:guid}", "/lang/{culture}", "/health/live", "/health/ready", "/openapi/{documentName}.json",
        "/ratings/online", // the online rating (好差评) the tracking page links to: case number and four characters, limited per address
        "/api/v1/calendar/working-days/{date}", "/api/v1/calendar/due", "/api/v1/catalog/items", "/api/v1/catalog/items/{code}",
        "/api/v1/catalog/themes", // the theme filter's choices, the twin of the /guides select
        "/api/v1/catalog/items/{code}/nearest", // where an item is handed in nearest to a village, the twin of the guide page's 就近办理
        // The twins of /complaints/new, /complaints/track and the tracking page's rating form, limited per address like them.
        "POST /api/v1/complaints/", "/api/v1/complaints/track/{code}", "/api/v1/ratings/online",
        "/api/v1/verify", // the twin of /verify: a result number and optionally its case number, limited per address
        // 12345: the public form ("我要反映"), tracking and rating with the number and the phone's last four digits, and the categories the form offers.
        "/hotline/new", "/hotline/track", "/api/v1/hotline/categories", "/api/v1/hotline/public/orders", "/api/v1/hotline/public/track", "/api/v1/hotline/public/rate",
        // Typical orders (ADR 0037): the public page and its JSON twin, no caller data; the caller's withdrawal of the consent by number and phone tail.
        "/hotline/typical", "/hotline/typical/{id:guid}", "/api/v1/public/hotline/typical/", "/api/v1/public/hotline/typical/{id:guid}",
        "/api/v1/hotline/public/withdraw-consent",
        // Open311 GeoReport v2 (ADR 0027): the reads are public by the spec, limited per address. POST requests is open at
        // routing because the spec answers a missing or wrong key with its own 403: the handler admits only a key of
        // scope open311:write (Open311RefusalTests). The fallback answers the spec's 404 for anything else under the root.
        "/open311/v2/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{code}.{format}", "/open311/v2/requests.{format}",
        "/open311/v2/requests/{id}.{format}", "/open311/v2/tokens/{token}.{format}", "/open311/v2/{**path}",
    ];

    /// <summary>Open to any signed-in user; the handler then checks the user's own scope (the case's parties and staff).</summary>
    private static readonly HashSet<string> ScopedInHandler = ["/case-files/{id:guid}"];

    /// <summary>
    /// Who is meant to reach each part of the site, written here independently of the policies the app declares,
    /// so that widening a policy by mistake (say, the assessment to all staff) fails this test. The longest prefix wins;
    /// an entry with a method ("POST /api/v1/supervision/notices") is for that method on exactly that route and wins over prefixes.
    /// </summary>
    private static readonly (string Prefix, string[] Roles)[] Intended =
    [
        ("/admin", [StaffRoles.CenterAdmin]),
        ("/api/v1/catalog/admin", [StaffRoles.CenterAdmin]),
        ("/api/v1/calendar/admin", [StaffRoles.CenterAdmin]),
        ("/api/v1/admin", [StaffRoles.CenterAdmin]),
        ("/workbench", StaffRoles.All.ToArray()),
        ("/workbench/cases", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/workbench/calendar-changes", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/calendar/workbench", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/cases", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/certificates", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/supervision", [StaffRoles.Leader, StaffRoles.Supervisor]),
        ("/supervision/rules", [StaffRoles.Supervisor]),
        ("/supervision/notices", [StaffRoles.Supervisor]),
        // The statistics reports: leaders, supervisors and the center's administrators.
        ("/statistics", [StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        ("/api/v1/statistics", [StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        // The service ledger: any member of staff reaches it, the handler keeps it to town halls' and village rooms' staff;
        // the assessment of the two tiers is read like the statistics.
        ("/ledger", StaffRoles.All.ToArray()),
        ("/api/v1/ledger", StaffRoles.All.ToArray()),
        ("/api/v1/ledger/assessment", [StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        ("/tiers", [StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        ("/my", [ApplicantRoles.Applicant]),
        ("/api/v1/my", [ApplicantRoles.Applicant]),
        ("/api/v1/workbench", StaffRoles.All.ToArray()), // the window a member of staff sits at
        // The workbench's alerts and notices: every member of staff reads (scoped in the handler); case workers answer, supervisors review and issue.
        ("/api/v1/supervision", StaffRoles.All.ToArray()),
        ("/api/v1/supervision/alerts/{id:guid}/answer", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/supervision/alerts/{id:guid}/close", [StaffRoles.Supervisor]),
        ("/api/v1/supervision/alerts/{id:guid}/send-back", [StaffRoles.Supervisor]),
        ("POST /api/v1/supervision/notices", [StaffRoles.Supervisor]),
        ("/api/v1/supervision/notices/{id:guid}/reply", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/supervision/notices/{id:guid}/close", [StaffRoles.Supervisor]),
        ("/api/v1/supervision/rules", [StaffRoles.Supervisor]),
        // Complaints: the supervision center reads them, supervisors handle them and see the complainant.
        ("/api/v1/complaints", [StaffRoles.Leader, StaffRoles.Supervisor]),
        ("/api/v1/complaints/{id:guid}/accept", [StaffRoles.Supervisor]),
        ("/api/v1/complaints/{id:guid}/refuse", [StaffRoles.Supervisor]),
        ("/api/v1/complaints/{id:guid}/conclude", [StaffRoles.Supervisor]),
        ("/api/v1/complaints/{id:guid}/complainant", [StaffRoles.Supervisor]),
        // Bad ratings: every member of staff (scoped to the department in the handler); supervisors review appeals.
        ("/api/v1/ratings", StaffRoles.All.ToArray()),
        ("/api/v1/ratings/{id:guid}/review", [StaffRoles.Supervisor]),
        // 12345: the center's operators and the units' staff; the center alone registers, reads its queues and a caller's history; units their inbox.
        ("/hotline", [StaffRoles.HotlineOperator, StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/hotline/desk", [StaffRoles.HotlineOperator]),
        ("/hotline/lists", [StaffRoles.HotlineOperator]),
        ("/hotline/inbox", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/hotline", [StaffRoles.HotlineOperator, StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("POST /api/v1/hotline/orders", [StaffRoles.HotlineOperator]),
        ("/api/v1/hotline/queues", [StaffRoles.HotlineOperator]),
        ("/api/v1/hotline/caller-history", [StaffRoles.HotlineOperator]),
        ("/api/v1/hotline/inbox", [StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        // Typical orders (ADR 0037): the center's operators write, edit and take them down.
        ("/hotline/typical-orders", [StaffRoles.HotlineOperator]),
        ("/api/v1/hotline/typical", [StaffRoles.HotlineOperator]),
        ("POST /api/v1/hotline/orders/{id:guid}/typical", [StaffRoles.HotlineOperator]),
        // The supervision center's read-only view of the queues and the overdue (ADR 0028): the operators, leaders and supervisors.
        ("/hotline/oversight", [StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor]),
        ("/api/v1/hotline/oversight", [StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor]),
        // The hotline report and the leaders' brief (ADR 0032): the center's operators, and those who may see the statistics.
        ("/hotline/report", [StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        ("/api/v1/hotline/report", [StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        ("/api/v1/hotline/indicators", [StaffRoles.HotlineOperator, StaffRoles.Leader, StaffRoles.Supervisor, StaffRoles.CenterAdmin]),
        // The desk's call stream: the center's operators.
        ("/hotline/calls/live", [StaffRoles.HotlineOperator]),
        // The knowledge base: the center's operators and the departments' staff (who write their own department's entries).
        ("/knowledge", [StaffRoles.HotlineOperator, StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
        ("/api/v1/knowledge", [StaffRoles.HotlineOperator, StaffRoles.WindowClerk, StaffRoles.Reviewer, StaffRoles.Approver]),
    ];

    /// <summary>One demo account per role, and the demo applicant.</summary>
    private static readonly (string User, string[] Roles)[] Users =
    [
        ("admin", [StaffRoles.CenterAdmin]), ("clerk", [StaffRoles.WindowClerk]), ("reviewer.sj", [StaffRoles.Reviewer]),
        ("approver.sj", [StaffRoles.Approver]), ("supervisor", [StaffRoles.Supervisor]), ("hotline", [StaffRoles.HotlineOperator]),
        ("leader", [StaffRoles.Leader]), (Modules.Organization.DemoCounty.DemoApplicant.Phone, [ApplicantRoles.Applicant]),
    ];

    [Fact]
    public async Task Every_endpoint_is_public_by_name_or_behind_a_policy()
    {
        var endpoints = await EndpointsAsync();
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found");
        var undecided = endpoints.Where(e => !e.Anonymous && e.Policies.Count == 0 && !e.AuthenticatedOnly).Select(e => e.Route).ToList();
        Assert.True(undecided.Count == 0, "endpoints with no authorization decision: " + string.Join(", ", undecided));
        var publicRoutes = endpoints.Where(e => e.Anonymous).Select(e => PublicKey(e, endpoints)).ToHashSet();
        Assert.True(publicRoutes.SetEquals(Public), "public endpoints differ from the reviewed list: "
            + string.Join(", ", publicRoutes.Except(Public).Select(r => "+" + r).Concat(Public.Except(publicRoutes).Select(r => "-" + r))));
        var authenticatedOnly = endpoints.Where(e => !e.Anonymous && e.AuthenticatedOnly).Select(e => e.Route).ToHashSet();
        Assert.True(authenticatedOnly.SetEquals(ScopedInHandler), "signed-in-only endpoints: " + string.Join(", ", authenticatedOnly));
    }

    [Fact]
    public async Task The_anonymous_are_refused_everywhere_but_the_public_endpoints()
    {
        var client = app.Anonymous();
        var checkedCount = 0;
        foreach (var endpoint in (await EndpointsAsync()).Where(e => !e.Anonymous))
        {
            foreach (var method in endpoint.Methods)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), endpoint.SampleUrl) { Content = Body(method) });
                if (endpoint.IsApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {endpoint.SampleUrl}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(RedirectsTo(response, "/account/login"),
                        $"{method} {endpoint.SampleUrl}: {response.StatusCode} {response.Headers.Location}");
                }
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 60, $"only {checkedCount} requests checked");
    }

    [Fact]
    public async Task Every_signed_in_user_outside_the_roles_meant_for_an_endpoint_is_refused()
    {
        var endpoints = (await EndpointsAsync()).Where(e => !e.Anonymous && !ScopedInHandler.Contains(e.Route)).ToList();
        var unplanned = endpoints.Where(e => IntendedRoles(e) is null).Select(e => e.Route).ToList();
        Assert.True(unplanned.Count == 0, "endpoints with no intended roles in this test: " + string.Join(", ", unplanned));
        var refusals = 0;
        foreach (var (user, roles) in Users)
        {
            var client = await app.SignedIn(user);
            foreach (var endpoint in endpoints.Where(e => !IntendedRoles(e)!.Overlaps(roles)))
            {
                foreach (var method in endpoint.Methods)
                {
                    using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), endpoint.SampleUrl) { Content = Body(method) });
                    if (endpoint.IsApi)
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {method} {endpoint.SampleUrl}: {response.StatusCode}");
                    }
                    else
                    {
                        Assert.True(RedirectsTo(response, "/account/denied"),
                            $"{user} {method} {endpoint.SampleUrl}: {response.StatusCode} {response.Headers.Location}");
                    }
                    refusals++;
                }
            }
        }
        // Every role is refused somewhere: an applicant everywhere in the workbench, a clerk in supervision, and so on.
        Assert.True(refusals > 200, $"only {refusals} refusals checked");
    }

    private static HashSet<string>? IntendedRoles(EndpointAccess endpoint) =>
        Intended.Where(i => Covers(i.Prefix, endpoint))
            .OrderByDescending(i => i.Prefix.Contains(' ', StringComparison.Ordinal)).ThenByDescending(i => i.Prefix.Length).Select(i => i.Roles.ToHashSet()).FirstOrDefault();

    private static bool Covers(string entry, EndpointAccess endpoint)
    {
        var route = endpoint.Route;
        if (entry.Split(' ') is [var method, var path])
        {
            return endpoint.Methods.Contains(method) && route.TrimEnd('/') == path;
        }
        return route == entry || route.StartsWith(entry + "/", StringComparison.Ordinal) || route.StartsWith(entry + ".", StringComparison.Ordinal);
    }

    /// <summary>A public endpoint as the reviewed list names it: by route, or with its method when the route is not public for every method.</summary>
    private static string PublicKey(EndpointAccess endpoint, List<EndpointAccess> all) =>
        all.Any(e => e.Route == endpoint.Route && !e.Anonymous) ? string.Join(",", endpoint.Methods) + " " + endpoint.Route : endpoint.Route;

    private static bool RedirectsTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == path;

    private static StringContent? Body(string method) =>
        method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null;

    private async Task<List<EndpointAccess>> EndpointsAsync()
    {
        using var host = app.Anonymous(); // builds the host
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var result = new List<EndpointAccess>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? (isPage ? ["GET", "POST"] : ["GET"]);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var named = new List<string>();
            foreach (var name in authorizeData.Select(d => d.Policy).OfType<string>())
            {
                _ = await policies.GetPolicyAsync(name) ?? throw new InvalidOperationException($"{route} names an unknown policy {name}");
                named.Add(name);
            }
            var rolesNamed = authorizeData.Any(d => d.Roles is not null);
            result.Add(new EndpointAccess(route, SampleUrl(route), methods, anonymous, named, authorizeData.Count > 0 && named.Count == 0 && !rolesNamed));
        }
        return result.DistinctBy(e => (e.Route, string.Join(",", e.Methods))).ToList();
    }

    /// <summary>A URL that reaches the endpoint: route values that match their constraints but name nothing.</summary>
    private static string SampleUrl(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:]+)(:([^}]+))?\}", m => m.Groups[3].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" => "1",
            _ => "none-" + m.Groups[1].Value,
        });

    private sealed record EndpointAccess(string Route, string SampleUrl, string[] Methods, bool Anonymous, List<string> Policies, bool AuthenticatedOnly)
    {
        public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);
    }
}
