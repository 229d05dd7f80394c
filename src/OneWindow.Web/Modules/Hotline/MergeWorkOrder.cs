using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>重复件: a registered order merged into an open order of the same matter, named by its number.</summary>
public sealed class MergeWorkOrder(OneWindowDbContext db, ActOnWorkOrder act, UserManager<UserAccount> users)
{
    public async Task<WorkOrder> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string? masterNumber, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        var order = await act.LoadAsync(id, ct);
        var number = masterNumber?.Trim() ?? "";
        var master = number.Length is > 0 and <= WorkOrder.MaxNumberLength
            ? await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Number == number, ct)
            : null;
        if (master is null)
        {
            throw new DomainRuleException("hotline.master-unknown", "主工单编号不存在。", "masterNumber");
        }
        return await act.RunAsync(by, principal.ActorName(), order, revision, "merged", (o, p, m) => o.MergeInto(master, p, m.Now), ct);
    }
}
