using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>Who takes a typical-order action (the name the audit and the row record) and when.</summary>
public sealed record TypicalMoment(string Actor, DateTime Now);

/// <summary>
/// The common path of the center's actions on typical orders (each use case supplies its own step): the center's staff
/// only; the typical order, or the work order it is written of, loaded (404 when there is none); on a typical order the
/// revision the staff acted on (another's change in between is a 409, never an overwrite); then the step, and in one
/// write unit the audit entry. While the step leaves a text on the public page, the work order's row is held in the
/// transaction (a no-op update on it, still concluded and consented), so a withdrawal at the same moment either comes
/// first and nothing is published, or waits and then takes it down (<see cref="TypicalOrderHook"/>).
/// </summary>
public sealed class ActOnTypicalOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    /// <summary>An action on a typical order at the revision the staff loaded.</summary>
    public async Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string action,
        Func<TypicalOrder, WorkOrder, TypicalMoment, Task> step, CancellationToken ct)
    {
        await TypicalScreen.CenterAsync(principal, users, db);
        var typical = await db.Set<TypicalOrder>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("典型工单不存在。");
        if (typical.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Typical order {id} is at revision {typical.Revision}, not {revision}.");
        }
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstAsync(o => o.Id == typical.WorkOrderId, ct);
        var moment = new TypicalMoment(principal.ActorName(), clock.GetUtcNow().UtcDateTime);
        await step(typical, order, moment);
        await SaveAsync(order, typical, action, moment, ct);
        return typical;
    }

    /// <summary>An action on the work order a typical order is (to be) written of: the step gets its typical order, if any, and returns it.</summary>
    public async Task<TypicalOrder> RunOnOrderAsync(ClaimsPrincipal principal, Guid orderId, string action,
        Func<WorkOrder, TypicalOrder?, TypicalMoment, Task<TypicalOrder>> step, CancellationToken ct)
    {
        await TypicalScreen.CenterAsync(principal, users, db);
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException("工单不存在。");
        var existing = await db.Set<TypicalOrder>().FirstOrDefaultAsync(t => t.WorkOrderId == orderId, ct);
        var moment = new TypicalMoment(principal.ActorName(), clock.GetUtcNow().UtcDateTime);
        var typical = await step(order, existing, moment);
        await SaveAsync(order, typical, action, moment, ct);
        return typical;
    }

    private Task SaveAsync(WorkOrder order, TypicalOrder typical, string action, TypicalMoment moment, CancellationToken ct) =>
        unit.RunAsync(async t =>
        {
            if (typical.Published)
            {
                var held = await db.Set<WorkOrder>().Where(o => o.Id == order.Id && o.PublicationConsent == true && o.Status == WorkOrderStatus.Concluded)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Revision, o => o.Revision), t);
                if (held == 0)
                {
                    throw new DomainRuleException("hotline.consent-required", "来电人没有同意公开（或已撤回同意），不能公开或修改。");
                }
            }
            db.Audit(moment.Now, moment.Actor, "TypicalOrder", order.Number, action, new { typical.Id, typical.Title, typical.Revision });
        }, ct);
}
