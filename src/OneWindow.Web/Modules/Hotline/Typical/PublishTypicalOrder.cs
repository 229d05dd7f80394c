using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 公开典型工单: the center's staff publish a concluded order the caller consented to, with the title, the question and
/// the answer written in their own words (screened for personal data); an order taken down before is published again
/// on its row. A withdrawal at the same moment cannot be overtaken (<see cref="ActOnTypicalOrder"/> holds the order's row).
/// </summary>
public sealed class PublishTypicalOrder(ActOnTypicalOrder act, OneWindowDbContext db)
{
    public Task<TypicalOrder> RunAsync(ClaimsPrincipal principal, Guid orderId, TypicalText text, CancellationToken ct) =>
        act.RunOnOrderAsync(principal, orderId, "published", async (order, typical, m) =>
        {
            TypicalOrder.EnsureMayPublish(order);
            var screen = await TypicalScreen.ContextAsync(db, order, ct);
            var group = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Code == order.CategoryCode).Select(c => c.ParentCode).FirstOrDefaultAsync(ct);
            if (typical is not null)
            {
                typical.PublishAgain(order, group, text, screen, m.Actor, m.Now);
                return typical;
            }
            typical = TypicalOrder.Publish(order, group, text, screen, m.Actor, m.Now);
            db.Add(typical);
            return typical;
        }, ct);
}
