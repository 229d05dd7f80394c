using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The center's ruling on an objection (派单异议): re-dispatch to another unit, or assign a unit by ruling, which may
/// then not return the order again (潍坊 §22); the limits start again.
/// </summary>
public sealed class RuleOnReturn(OneWindowDbContext db, ActOnWorkOrder act, UserManager<UserAccount> users)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, ReturnRuling ruling, Guid leadUnitId, IReadOnlyCollection<Guid>? coHandlerIds,
        string? note, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        var order = await act.LoadAsync(id, ct);
        HotlineStaff.EnsureMaySee(by, order);
        var co = coHandlerIds ?? [];
        await HotlineUnits.EnsureUnitsAsync(db, leadUnitId, co, ct);
        var categoryDays = await HotlineUnits.CategoryDaysAsync(db, order.CategoryCode, ct);
        return await act.RunAsync(by, principal.ActorName(), order, revision, "ruled", (o, p, m) =>
            o.RuleOnReturn(ruling, leadUnitId, co, note ?? "", m.Limits.SignFor(o.Urgency), m.Limits.Handling(o.Type, o.Urgency, categoryDays), m.Calendar, p, m.Now), ct);
    }
}
