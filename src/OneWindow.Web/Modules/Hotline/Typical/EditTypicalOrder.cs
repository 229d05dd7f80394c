using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 修改典型工单: a new title, question or answer on the revision the editor loaded (another's change in between is a
/// 409, never an overwrite), screened again; the caller's consent must still stand.
/// </summary>
public sealed class EditTypicalOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, TypicalText text, CancellationToken ct)
    {
        await TypicalScreen.CenterAsync(principal, users, db);
        var typical = await db.Set<TypicalOrder>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("典型工单不存在。");
        if (typical.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Typical order {id} is at revision {typical.Revision}, not {revision}.");
        }
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstAsync(o => o.Id == typical.WorkOrderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        typical.Edit(order, text, await TypicalScreen.ContextAsync(db, order, ct), principal.ActorName(), now);
        await unit.RunAsync(t =>
        {
            db.Audit(now, principal.ActorName(), "TypicalOrder", order.Number, "edited", new { typical.Id, typical.Title, typical.Revision });
            return Task.CompletedTask;
        }, ct);
        return typical;
    }
}
