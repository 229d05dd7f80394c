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

/// <summary>
/// 公开典型工单: the center's staff publish a concluded order the caller consented to, with the title, the question and
/// the answer written in their own words (screened for personal data); an order taken down before is published again
/// on its row. The order's row is held in the transaction (a no-op update on it, still concluded and consented), so a
/// withdrawal at the same moment either comes first and nothing is published, or waits and then takes it down.
/// </summary>
public sealed class PublishTypicalOrder(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid orderId, TypicalText text, CancellationToken ct)
    {
        await TypicalScreen.CenterAsync(principal, users, db);
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException("工单不存在。");
        TypicalOrder.EnsureMayPublish(order);
        var screen = await TypicalScreen.ContextAsync(db, order, ct);
        var group = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == order.CategoryCode).Select(c => c.ParentCode).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = principal.ActorName();
        var typical = await db.Set<TypicalOrder>().FirstOrDefaultAsync(t => t.WorkOrderId == orderId, ct);
        if (typical is null)
        {
            typical = TypicalOrder.Publish(order, group, text, screen, actor, now);
            db.Add(typical);
        }
        else
        {
            typical.PublishAgain(order, group, text, screen, actor, now);
        }
        await unit.RunAsync(async t =>
        {
            var held = await db.Set<WorkOrder>().Where(o => o.Id == orderId && o.PublicationConsent == true && o.Status == WorkOrderStatus.Concluded)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Revision, o => o.Revision), t);
            if (held == 0)
            {
                throw new DomainRuleException("hotline.consent-required", "来电人没有同意公开（或已撤回同意），不能公开或修改。");
            }
            db.Audit(now, actor, "TypicalOrder", order.Number, "published", new { typical.Id, typical.Title });
        }, ct);
        return typical;
    }
}
