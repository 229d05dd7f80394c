using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Modules.Supervision;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.ApiClients;

/// <summary>
/// Client keys (ADR 0025): registered by the center administrator, shown once, kept hashed, refused when wrong,
/// unknown or revoked (401), refused without the scope (403), limited per key (429), every request attributed.
/// </summary>
public class ApiClientTests(OneWindowFactory app) : IClassFixture<OneWindowFactory>
{
    private static int _serial;

    private static object Certificate(string number, string item = "431025-MZ-004") =>
        new { number, itemCode = item, holderName = "张三", issuedAt = OneWindowFactory.DefaultNow.UtcDateTime.AddHours(-1) };

    private async Task<Guid> DepartmentAsync(string name)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        }
    }

    private async Task<ApiClientRegistered> RegisterAsync(string[] scopes, string? department = "临武县民政局", int? perMinute = null)
    {
        var admin = await app.SignedInOnce("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-clients", new
        {
            name = $"民政证照系统 {Interlocked.Increment(ref _serial)}",
            contact = "信息中心 李工 0735-6361299",
            departmentId = department is null ? (Guid?)null : await DepartmentAsync(department),
            scopes,
            requestsPerMinute = perMinute,
        }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return await response.ReadAsync<ApiClientRegistered>();
    }

    private HttpClient WithKey(string key, bool bearer = true)
    {
        var client = app.Anonymous();
        if (bearer)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    private async Task<List<JsonElement>> AttributionsAsync(Guid client)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var key = client.ToString();
            var details = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "api-client" && a.EntityKey == key && a.Action == "api-request")
                .OrderBy(a => a.Id).Select(a => a.Details!).ToListAsync();
            return details.Select(d => JsonDocument.Parse(d).RootElement).ToList();
        }
    }

    [Fact]
    public async Task A_department_system_reports_a_certificate_with_its_key_and_the_request_is_attributed_to_it()
    {
        var registered = await RegisterAsync([ApiScopes.CertificatesWrite]);
        Assert.StartsWith("ow_", registered.Key, StringComparison.Ordinal);
        Assert.Equal(46, registered.Key.Length);
        Assert.Equal(registered.Key[..11], registered.Client.KeyPrefix);

        var response = await WithKey(registered.Key).PostAsJsonAsync("/api/v1/certificates", Certificate("KEY-2026-0001"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await response.ReadAsync<CertificateChecked>()).AlertRaised);
        var viaHeader = await WithKey(registered.Key, bearer: false).PostAsJsonAsync("/api/v1/certificates", Certificate("KEY-2026-0002"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, viaHeader.StatusCode);
        // Open311's form field authenticates the same way (here a form posted to a page: a client, so neither sent to
        // sign in nor let in, and the revocation form is refused).
        var viaForm = await app.Anonymous().PostAsync("/admin/api-clients?handler=Revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = registered.Key, ["ClientId"] = registered.Client.Id.ToString(), ["Reason"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, viaForm.StatusCode);
        Assert.Equal("api-key.scope-missing", (await viaForm.ReadJsonAsync()).GetProperty("code").GetString());
        var badForm = await app.Anonymous().PostAsync("/admin/api-clients?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "ow_wrong" }));
        Assert.Equal(HttpStatusCode.Unauthorized, badForm.StatusCode);
        Assert.Equal("api-key.invalid", (await badForm.ReadJsonAsync()).GetProperty("code").GetString());

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var reported = await db.IssuedCertificates.AsNoTracking().SingleAsync(c => c.Number == "KEY-2026-0001");
            Assert.Equal("api:" + registered.Client.Name, reported.ReportedBy);
            Assert.Equal(await DepartmentAsync("临武县民政局"), reported.DepartmentId);
        }
        var attributions = await AttributionsAsync(registered.Client.Id);
        Assert.Equal(3, attributions.Count);
        Assert.All(attributions.Take(2), a =>
        {
            Assert.Equal(registered.Client.Id, a.GetProperty("clientId").GetGuid());
            Assert.Equal(registered.Client.Name, a.GetProperty("clientName").GetString());
            Assert.Equal("/api/v1/certificates", a.GetProperty("path").GetString());
        });
    }

    [Fact]
    public async Task The_key_is_kept_only_as_its_hash_and_its_prefix()
    {
        var registered = await RegisterAsync([ApiScopes.HotlineCalls], department: null);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var cells = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT * FROM \"ApiClients\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    }
                }
            }
            Assert.NotEmpty(cells);
            Assert.DoesNotContain(cells, c => c.Contains(registered.Key[11..], StringComparison.Ordinal));
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(registered.Key))), cells);
            var audit = await db.AuditEntries.AsNoTracking().Select(a => a.Details ?? "").ToListAsync();
            Assert.DoesNotContain(audit, d => d.Contains(registered.Key[11..], StringComparison.Ordinal));
        }
        // Listed and read back without it.
        var admin = await app.SignedInOnce("admin");
        var listed = await admin.GetStringAsync("/api/v1/admin/api-clients");
        Assert.Contains(registered.Client.KeyPrefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(registered.Key[11..], listed, StringComparison.Ordinal);
        Assert.DoesNotContain(registered.Key[11..], await admin.GetStringAsync("/admin/api-clients"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ow_short", "api-key.invalid")]
    [InlineData("not-a-key-at-all", "api-key.invalid")]
    [InlineData("ow_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "api-key.invalid")] // well formed, never issued
    public async Task A_wrong_or_unknown_key_is_401_with_problem_details_and_saves_nothing(string key, string code)
    {
        var response = await WithKey(key).PostAsJsonAsync("/api/v1/certificates", Certificate("BAD-KEY-" + code.Length + key.Length), Json.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.IssuedCertificates.AnyAsync(c => c.Number.StartsWith("BAD-KEY-")));
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_request_and_revoking_twice_at_once_records_one_revocation()
    {
        var registered = await RegisterAsync([ApiScopes.CertificatesWrite]);
        var system = WithKey(registered.Key);
        Assert.Equal(HttpStatusCode.Created, (await system.PostAsJsonAsync("/api/v1/certificates", Certificate("REV-2026-0001"), Json.Options)).StatusCode);

        var admin = await app.SignedInOnce("admin");
        var other = await app.SignedIn("admin");
        var revocations = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/v1/admin/api-clients/{registered.Client.Id}/revoke", new { reason = "系统停用" }, Json.Options),
            other.PostAsJsonAsync($"/api/v1/admin/api-clients/{registered.Client.Id}/revoke", new { reason = "密钥泄露" }, Json.Options));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], revocations.Select(r => r.StatusCode).Order());

        var refused = await system.PostAsJsonAsync("/api/v1/certificates", Certificate("REV-2026-0002"), Json.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("api-key.revoked", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.IssuedCertificates.AnyAsync(c => c.Number == "REV-2026-0002"));
            var key = registered.Client.Id.ToString();
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "api-client" && a.EntityKey == key && a.Action == "revoked"));
        }
        var view = await (await admin.GetAsync($"/api/v1/admin/api-clients/{registered.Client.Id}")).ReadAsync<ApiClientView>();
        Assert.NotNull(view.RevokedAt);
        Assert.Contains(view.RevokeReason, new[] { "系统停用", "密钥泄露" });
    }

    [Fact]
    public async Task A_key_without_the_scope_or_of_another_department_is_forbidden_and_cannot_open_pages()
    {
        var hotline = await RegisterAsync([ApiScopes.HotlineCalls], department: null);
        var noScope = await WithKey(hotline.Key).PostAsJsonAsync("/api/v1/certificates", Certificate("SCOPE-2026-0001"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal("api-key.scope-missing", (await noScope.ReadJsonAsync()).GetProperty("code").GetString());

        var other = await RegisterAsync([ApiScopes.CertificatesWrite], department: "临武县市场监督管理局");
        var outOfScope = await WithKey(other.Key).PostAsJsonAsync("/api/v1/certificates", Certificate("SCOPE-2026-0002"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
        Assert.Equal("certificate.out-of-scope", (await outOfScope.ReadJsonAsync()).GetProperty("code").GetString());

        // A key is no sign-in: the administrator's pages and API refuse it.
        Assert.Equal(HttpStatusCode.Forbidden, (await WithKey(other.Key).GetAsync("/admin/api-clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WithKey(other.Key).GetAsync("/api/v1/admin/api-clients")).StatusCode);
        // Refusals are attributed too, with their status.
        Assert.Equal(403, Assert.Single(await AttributionsAsync(hotline.Client.Id)).GetProperty("status").GetInt32());
        // Also a refusal by the use case (thrown to the error handler): attributed once, with its status, not again for the error page.
        var otherAttributions = await AttributionsAsync(other.Client.Id);
        Assert.Equal(3, otherAttributions.Count);
        Assert.All(otherAttributions, a => Assert.Equal(403, a.GetProperty("status").GetInt32()));
        Assert.Equal("/api/v1/certificates", otherAttributions[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Over_its_limit_a_key_gets_429_with_retry_after_and_other_keys_are_not_held_up()
    {
        var limited = await RegisterAsync([ApiScopes.CertificatesWrite], perMinute: 3);
        var free = await RegisterAsync([ApiScopes.CertificatesWrite]);
        var system = WithKey(limited.Key);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await system.PostAsJsonAsync("/api/v1/certificates", Certificate($"RL-2026-{i:0000}"), Json.Options);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
                Assert.Equal("api-key.rate-limited", (await response.ReadJsonAsync()).GetProperty("code").GetString());
            }
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Created, (await WithKey(free.Key).PostAsJsonAsync("/api/v1/certificates", Certificate("RL-2026-FREE"), Json.Options)).StatusCode);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.IssuedCertificates.AnyAsync(c => c.Number == "RL-2026-0003" || c.Number == "RL-2026-0004"));
        }
        var statuses = (await AttributionsAsync(limited.Client.Id)).Select(a => a.GetProperty("status")).Select(s => s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0).ToList();
        Assert.Equal([0, 0, 0, 429, 429], statuses); // the three saved with their certificates, the refusals on their own
    }

    [Fact]
    public async Task Parallel_requests_of_one_key_are_each_attributed_once_and_last_use_is_written_at_most_once_a_minute()
    {
        var registered = await RegisterAsync([ApiScopes.CertificatesWrite]);
        var system = WithKey(registered.Key);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            system.PostAsJsonAsync("/api/v1/certificates", Certificate($"PAR-2026-{i:0000}"), Json.Options)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(8, (await AttributionsAsync(registered.Client.Id)).Count);

        async Task<DateTime?> LastUsedAsync()
        {
            var db = app.NewDbContext(out var scope);
            using (scope)
            {
                return await db.ApiClients().AsNoTracking().Where(c => c.Id == registered.Client.Id).Select(c => c.LastUsedAt).SingleAsync();
            }
        }
        var first = await LastUsedAsync();
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, first);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await system.PostAsJsonAsync("/api/v1/certificates", Certificate("PAR-2026-0100"), Json.Options);
        Assert.Equal(first, await LastUsedAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await system.PostAsJsonAsync("/api/v1/certificates", Certificate("PAR-2026-0101"), Json.Options);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, await LastUsedAsync());
    }

    [Fact]
    public async Task Registration_refuses_what_it_cannot_keep_and_a_browser_sign_in_of_the_department_still_reports()
    {
        var admin = await app.SignedInOnce("admin");
        async Task<string?> Refusal(object body)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/admin/api-clients", body, Json.Options);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ReadJsonAsync()).GetProperty("code").GetString();
        }
        Assert.Equal("api-client.department-required", await Refusal(new { name = "证照系统", contact = "李工", scopes = new[] { ApiScopes.CertificatesWrite } }));
        Assert.Equal("api-client.scope-unknown", await Refusal(new { name = "证照系统", contact = "李工", scopes = new[] { "admin:all" } }));
        Assert.Equal("api-client.scopes-required", await Refusal(new { name = "证照系统", contact = "李工", scopes = Array.Empty<string>() }));
        Assert.Equal("api-client.name-invalid", await Refusal(new { name = " ", contact = "李工", scopes = new[] { ApiScopes.HotlineCalls } }));
        Assert.Equal("api-client.rate-invalid", await Refusal(new { name = "话务系统", contact = "李工", scopes = new[] { ApiScopes.HotlineCalls }, requestsPerMinute = 0 }));

        var clerk = await app.SignedInOnce("clerk.mz");
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/v1/certificates", Certificate("SIGNIN-2026-0001"), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task The_administrator_registers_on_the_page_sees_the_key_once_and_revokes_it()
    {
        var admin = await app.SignedIn("admin");
        var department = await DepartmentAsync("临武县民政局");
        var page = await Forms.PostAsync(admin, "/admin/api-clients", new Dictionary<string, string>
        {
            ["Name"] = "民政局婚姻登记系统",
            ["Contact"] = "张工 13800000000",
            ["DepartmentId"] = department.ToString(),
            ["Scopes"] = ApiScopes.CertificatesWrite,
        }, "/admin/api-clients?handler=Register");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        var html = await page.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-key\"[^>]*value=\"(ow_[^\"]+)\"").Groups[1].Value;
        Assert.Equal(46, key.Length);
        Assert.Equal(HttpStatusCode.Created, (await WithKey(key).PostAsJsonAsync("/api/v1/certificates", Certificate("PAGE-2026-0001"), Json.Options)).StatusCode);

        var list = await admin.GetStringAsync("/admin/api-clients");
        Assert.Contains("民政局婚姻登记系统", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        // A form with a mistake keeps what was typed.
        var refused = await (await Forms.PostAsync(admin, "/admin/api-clients", new Dictionary<string, string>
        {
            ["Name"] = "无权限的系统", ["Contact"] = "王工",
        }, "/admin/api-clients?handler=Register")).Content.ReadAsStringAsync();
        Assert.Contains("请至少选择一项权限。", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"无权限的系统\"", refused, StringComparison.Ordinal);

        var id = (await (await admin.GetAsync("/api/v1/admin/api-clients")).ReadAsync<ApiClientPage>()).Clients.First(c => c.Name == "民政局婚姻登记系统").Id;
        var revoked = await Forms.PostAsync(admin, "/admin/api-clients", new Dictionary<string, string> { ["ClientId"] = id.ToString(), ["Reason"] = "系统更换" },
            "/admin/api-clients?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(key).PostAsJsonAsync("/api/v1/certificates", Certificate("PAGE-2026-0002"), Json.Options)).StatusCode);
    }
}
