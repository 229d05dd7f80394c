using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// 派单: to a lead unit with optional co-handlers, each a hotline unit; the limits by the order's type and urgency, or
/// the category's longer statutory limit, start now.
/// </summary>
public sealed class DispatchWorkOrder(OneWindowDbContext db, ActOnWorkOrder act, UserManager<UserAccount> users)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, Guid leadUnitId, IReadOnlyCollection<Guid>? coHandlerIds, string? note, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        var order = await act.LoadAsync(id, ct);
        HotlineStaff.EnsureMaySee(by, order);
        var co = coHandlerIds ?? [];
        await HotlineUnits.EnsureUnitsAsync(db, leadUnitId, co, ct);
        var categoryDays = await HotlineUnits.CategoryDaysAsync(db, order.CategoryCode, ct);
        return await act.RunAsync(by, principal.ActorName(), order, revision, "dispatched", (o, p, m) =>
            o.Dispatch(leadUnitId, co, m.Limits.SignFor(o.Urgency), m.Limits.Handling(o.Type, o.Urgency, categoryDays), m.Calendar, p, m.Now, note), ct);
    }
}
