using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Modules.ApiClients;
using OneWindow.Web.Tests.Infrastructure;

namespace OneWindow.Web.Tests.ApiClients;

/// <summary>Two instances on one database: a key revoked on one is refused by the other at its next request.</summary>
public sealed class TwoInstanceKeyTests : IDisposable
{
    private readonly OneWindowFactory _first = new();
    private readonly OneWindowFactory _second;

    public TwoInstanceKeyTests() => _second = OneWindowFactory.SharingDatabaseOf(_first);

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_the_other_at_once()
    {
        _ = _second.Services;
        Guid department;
        var db = _first.NewDbContext(out var scope);
        using (scope)
        {
            department = await db.Departments.Where(d => d.Name == "临武县民政局").Select(d => d.Id).SingleAsync();
        }
        var admin = await _first.SignedIn("admin");
        var registered = await (await admin.PostAsJsonAsync("/api/v1/admin/api-clients",
            new { name = "民政证照系统", contact = "李工", departmentId = department, scopes = new[] { ApiScopes.CertificatesWrite } }, Json.Options))
            .ReadAsync<ApiClientRegistered>();
        var onSecond = _second.Anonymous();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", registered.Key);
        object Certificate(string number) => new { number, itemCode = "431025-MZ-004", holderName = "张三", issuedAt = OneWindowFactory.DefaultNow.UtcDateTime.AddHours(-1) };

        Assert.Equal(HttpStatusCode.Created, (await onSecond.PostAsJsonAsync("/api/v1/certificates", Certificate("TWO-2026-0001"), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/admin/api-clients/{registered.Client.Id}/revoke", new { reason = "密钥泄露" }, Json.Options)).StatusCode);
        var refused = await onSecond.PostAsJsonAsync("/api/v1/certificates", Certificate("TWO-2026-0002"), Json.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("api-key.revoked", (await refused.ReadJsonAsync()).GetProperty("code").GetString());
    }
}
