using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>撤下典型工单: off the public page, on the revision the staff saw; it can be published again while the consent stands.</summary>
public sealed class UnpublishTypicalOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, CancellationToken ct)
    {
        await TypicalScreen.CenterAsync(principal, users, db);
        var typical = await db.Set<TypicalOrder>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("典型工单不存在。");
        if (typical.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Typical order {id} is at revision {typical.Revision}, not {revision}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        typical.Unpublish(principal.ActorName(), now);
        var number = await db.Set<WorkOrder>().AsNoTracking().Where(o => o.Id == typical.WorkOrderId).Select(o => o.Number).FirstAsync(ct);
        await unit.RunAsync(t =>
        {
            db.Audit(now, principal.ActorName(), "TypicalOrder", number, "unpublished", new { typical.Id });
            return Task.CompletedTask;
        }, ct);
        return typical;
    }
}
