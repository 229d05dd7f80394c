using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>What the personal-data screen is told of an order: the caller, the exact address, the village the order was filed in.</summary>
public static class TypicalScreen
{
    public static async Task<PersonalDataContext> ContextAsync(OneWindowDbContext db, WorkOrder order, CancellationToken ct)
    {
        var village = order.RegionCode.Length == 12 && !order.RegionCode.EndsWith("000", StringComparison.Ordinal)
            ? await db.Regions.AsNoTracking().Where(r => r.Code == order.RegionCode && r.Level == RegionLevel.Village).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;
        return new PersonalDataContext(order.CallerName, order.CallerPhone, order.Address, village);
    }

    /// <summary>The center's staff only: the hotline operators.</summary>
    public static async Task<HotlineParty> CenterAsync(System.Security.Claims.ClaimsPrincipal principal, Microsoft.AspNetCore.Identity.UserManager<Accounts.UserAccount> users,
        OneWindowDbContext db)
    {
        var by = await HotlineStaff.PartyAsync(principal, users, db);
        return by.IsCenter ? by : throw new Domain.ActionNotAllowedException("hotline.center-only", "只有 12345 热线中心可以编写和公开典型工单。");
    }
}
