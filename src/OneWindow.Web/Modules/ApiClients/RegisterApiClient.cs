using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.ApiClients;

public sealed record ApiClientRegistration(string? Name = null, string? Contact = null, Guid? DepartmentId = null,
    IReadOnlyList<string>? Scopes = null, int? RequestsPerMinute = null);

/// <summary>The new client and its key: the only time the key is ever shown.</summary>
public sealed record ApiClientRegistered(ApiClientView Client, string Key);

/// <summary>Registers a client application and gives it its key (audited; the key is never stored or logged).</summary>
public sealed class RegisterApiClient(OneWindowDbContext db, WriteUnit unit, TimeProvider clock, IConfiguration configuration)
{
    public const int MaxRequestsPerMinute = 6000;

    public async Task<ApiClientRegistered> RunAsync(ClaimsPrincipal actor, ApiClientRegistration r, CancellationToken ct)
    {
        var name = (r.Name ?? "").Trim();
        if (name.Length == 0 || name.Length > ApiClient.NameMax)
        {
            throw new DomainRuleException("api-client.name-invalid", "请填写应用名称（不超过 60 个字）。", "name");
        }
        var contact = (r.Contact ?? "").Trim();
        if (contact.Length == 0 || contact.Length > ApiClient.ContactMax)
        {
            throw new DomainRuleException("api-client.contact-invalid", "请填写联系人和联系方式（不超过 200 个字）。", "contact");
        }
        var scopes = (r.Scopes ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (scopes.Count == 0)
        {
            throw new DomainRuleException("api-client.scopes-required", "请至少选择一项权限。", "scopes");
        }
        if (scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            throw new DomainRuleException("api-client.scope-unknown", "所选权限不存在。", "scopes");
        }
        if (r.DepartmentId is null && scopes.Any(ApiScopes.NeedDepartment.Contains))
        {
            throw new DomainRuleException("api-client.department-required", "上报证照的接入应用须属于发证部门，请选择所属部门。", "departmentId");
        }
        if (r.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            throw new DomainRuleException("api-client.department-unknown", "所选部门不存在。", "departmentId");
        }
        var perMinute = r.RequestsPerMinute ?? Math.Max(1, configuration.GetValue("ApiClients:RequestsPerMinute", 120));
        if (perMinute < 1 || perMinute > MaxRequestsPerMinute)
        {
            throw new DomainRuleException("api-client.rate-invalid", "每分钟请求上限应在 1 到 6000 之间。", "requestsPerMinute");
        }
        var key = ApiKeys.NewKey();
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Contact = contact,
            DepartmentId = r.DepartmentId,
            Scopes = string.Join(' ', ApiScopes.All.Where(scopes.Contains)),
            KeyPrefix = ApiKeys.PrefixOf(key),
            KeyHash = ApiKeys.Hash(key),
            RequestsPerMinute = perMinute,
            CreatedAt = now,
            CreatedBy = actor.ActorName(),
        };
        await unit.RunAsync(_ =>
        {
            db.ApiClients().Add(client);
            db.Audit(now, client.CreatedBy, "api-client", client.Id.ToString(), "registered",
                new { client.Name, client.Contact, client.DepartmentId, client.Scopes, client.KeyPrefix, client.RequestsPerMinute });
            return Task.CompletedTask;
        }, ct);
        var department = client.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new ApiClientRegistered(ApiClientView.Of(client, department), key);
    }
}
