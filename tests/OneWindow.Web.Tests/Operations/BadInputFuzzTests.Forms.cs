using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.Operations;

/// <summary>
/// Bodies the form reader cannot read — malformed multipart (a boundary that never comes, a truncated part, no
/// boundary parameter, an oversized header, garbage) and urlencoded forms beyond the reader's limits — sent to pages
/// and APIs, anonymous and signed in. Each must be a 400 (problem details on the API, the readable error page
/// otherwise), never a 500, and nothing may be saved.
/// </summary>
public sealed partial class BadInputFuzzTests
{
    [Fact]
    public async Task Malformed_form_and_multipart_bodies_are_400_everywhere_and_change_nothing()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var admin = await app.SignedIn("admin");
        var received = await CaseApi.Register(clerk, "431025-MZ-002", "表单模糊测试");
        var started = await applicant.PostAsync("/api/v1/my/cases", JsonBody("""{"itemCode":"431025-SJ-003","phone":"13907350001"}"""));
        var draftId = (await started.ReadJsonAsync()).GetProperty("id").GetString();

        var targets = new (HttpClient Client, string Url)[]
        {
            (app.Anonymous(), "/account/login"), (app.Anonymous(), "/account/register"), (app.Anonymous(), "/complaints/new"),
            (app.Anonymous(), "/track"), (app.Anonymous(), "/api/v1/cases"), (app.Anonymous(), "/no-such-page"),
            (clerk, "/workbench/cases/new?item=431025-MZ-002"), (clerk, $"/workbench/cases/{received.Number}"),
            (clerk, $"/workbench/cases/{received.Number}?handler=Reveal"), (clerk, "/api/v1/cases"), (clerk, $"/api/v1/cases/{received.Number}/accept"),
            (applicant, "/my/apply?item=431025-SJ-003"), (applicant, $"/my/cases/{draftId}?handler=Save"), (applicant, "/api/v1/my/cases"),
            (admin, "/admin/catalog/import"), (admin, "/admin/org/staff?handler=Add"), (admin, "/api/v1/catalog/admin/items"),
        };
        var before = await FingerprintAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (client, url) in targets)
        {
            foreach (var (label, content) in UnreadableBodies())
            {
                sent++;
                HttpResponseMessage response;
                try
                {
                    response = await client.PostAsync(url, content);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The in-process host hands a server error that escaped every handler to the client as it was.
                    failures.Add($"POST {url} [{label}] → unhandled {e.GetType().Name}: {e.Message}");
                    continue;
                }
                using var _ = response;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                var expected = url.StartsWith("/api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html";
                var body = await response.Content.ReadAsStringAsync();
                // A person reads why on the error page; a program reads the problem's code.
                var explained = expected == "text/html" ? body.Contains("请求无法处理", StringComparison.Ordinal) : body.Contains("\"code\":\"input.unreadable\"", StringComparison.Ordinal);
                if (status != 400 || type != expected || !explained)
                {
                    failures.Add($"POST {url} [{label}] → {status} as {type ?? "no body"}: {Shorten(body)}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} unreadable bodies were mishandled:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_post_to_a_page_that_is_not_a_form_is_a_400_even_with_a_valid_token()
    {
        var clerk = await app.SignedIn("clerk.mz");
        var applicant = await app.SignedIn(Modules.Organization.DemoCounty.DemoApplicant.Phone);
        var admin = await app.SignedIn("admin");
        var before = await FingerprintAsync();
        var failures = new List<string>();
        foreach (var (client, url) in new[]
                 {
                     (clerk, "/workbench/cases/new?item=431025-MZ-002"), (applicant, "/my/apply?item=431025-SJ-003"),
                     (admin, "/admin/catalog/import"), (admin, "/admin/org/staff"), (app.Anonymous(), "/complaints/new"),
                 })
        {
            // The page's own token, sent in the header a script would use: only the body is wrong.
            var token = OneWindowFactory.AntiforgeryToken(await client.GetStringAsync(url));
            foreach (var content in new HttpContent?[] { JsonBody("""{"Phone":"13800000000"}"""), new StringContent("Phone=13800000000"), new ByteArrayContent([1, 2, 3]), null })
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content, Headers = { { "RequestVerificationToken", token } } };
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 400 || response.Content.Headers.ContentType?.MediaType != "text/html" || !body.Contains("请求无法处理", StringComparison.Ordinal))
                {
                    failures.Add($"POST {url} as {content?.Headers.ContentType?.MediaType ?? "no body"} → {(int)response.StatusCode}: {Shorten(body)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync());
    }

    private const string Boundary = "----OneWindowFuzz7MA4YWxkTrZu0gW";

    /// <summary>Every way a body can be beyond the form reader, each labelled.</summary>
    private static IEnumerable<(string Label, HttpContent Content)> UnreadableBodies()
    {
        var part = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Phone\"\r\n\r\n13800000000\r\n";
        var file = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"m0\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n";
        var end = $"--{Boundary}--\r\n";
        yield return ("boundary that never comes", Multipart("--someOtherBoundary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--someOtherBoundary--\r\n"));
        yield return ("truncated part", Multipart(part + file[..^3]));
        yield return ("truncated before the last boundary", Multipart(part + file));
        yield return ("missing boundary parameter", Raw(part + end, "multipart/form-data"));
        yield return ("empty boundary", Raw(part + end, "multipart/form-data; boundary=\"\""));
        yield return ("boundary over 70 characters", Raw(part + end, "multipart/form-data; boundary=" + new string('b', 200)));
        yield return ("huge part header", Multipart($"--{Boundary}\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Padding: {new string('h', 40_000)}\r\n\r\ny\r\n" + end));
        yield return ("too many part headers", Multipart($"--{Boundary}\r\nContent-Disposition: form-data; name=\"x\"\r\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"X-H{i}: v\r\n")) + "\r\ny\r\n" + end));
        yield return ("part without a content disposition", Multipart($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\ny\r\n" + end));
        yield return ("part header without a colon", Multipart($"--{Boundary}\r\nContent-Disposition form-data name=x\r\n\r\ny\r\n" + end));
        yield return ("garbage", Multipart(Encoding.Latin1.GetString([.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7919 % 251))])));
        yield return ("only a boundary line", Multipart($"--{Boundary}\r\n"));
        yield return ("urlencoded key over the limit", Raw(new string('k', 5000) + "=v", "application/x-www-form-urlencoded"));
        yield return ("urlencoded: too many values", Raw(string.Join('&', Enumerable.Range(0, 2000).Select(i => $"k{i}=v")), "application/x-www-form-urlencoded"));
        yield return ("urlencoded NUL", Raw("UserName=a%00b&Password=x", "application/x-www-form-urlencoded"));
    }

    private static ByteArrayContent Multipart(string body) => Raw(body, $"multipart/form-data; boundary={Boundary}");

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
