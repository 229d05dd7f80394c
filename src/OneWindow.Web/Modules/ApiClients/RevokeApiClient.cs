using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.ApiClients;

public sealed record ApiClientRevocation(string? Reason = null);

/// <summary>
/// Revokes a client's key, with a reason (audited). Keys are checked against their row on every request, so the key
/// stops working at the next request on every instance. Revoking twice is refused (409), keeping the first record.
/// </summary>
public sealed class RevokeApiClient(OneWindowDbContext db, WriteUnit unit, TimeProvider clock)
{
    public async Task<ApiClientView> RunAsync(ClaimsPrincipal actor, Guid id, string? reason, CancellationToken ct)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0 || why.Length > ApiClient.ReasonMax)
        {
            throw new DomainRuleException("api-client.reason-required", "请填写吊销理由（不超过 200 个字）。", "reason");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.ActorName();
        var client = await unit.RunAsync(async t =>
        {
            var c = await db.ApiClients().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, t) ?? throw new NotFoundException("接入应用不存在。");
            if (c.RevokedAt is not null)
            {
                throw new DomainRuleException("api-client.already-revoked", "该接入应用的密钥已经吊销。");
            }
            // Conditional: of two administrators revoking at once, one records the revocation.
            var changed = await db.ApiClients().Where(x => x.Id == id && x.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedBy, by).SetProperty(x => x.RevokeReason, why), t);
            if (changed == 0)
            {
                throw new DomainRuleException("api-client.already-revoked", "该接入应用的密钥已经吊销。");
            }
            db.Audit(now, by, "api-client", id.ToString(), "revoked", new { c.Name, c.KeyPrefix, reason = why });
            c.RevokedAt = now;
            c.RevokedBy = by;
            c.RevokeReason = why;
            return c;
        }, ct);
        var department = client.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return ApiClientView.Of(client, department);
    }
}
