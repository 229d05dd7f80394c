using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Ledger;

/// <summary>The counter a member of staff keeps the ledger of: their town hall or village room.</summary>
public sealed record LedgerCounter(string UserId, string StaffName, Venue Venue)
{
    /// <summary>The signed-in member of staff's venue, when it is a town hall or a village room; 403 <c>ledger.not-a-tier-venue</c> otherwise.</summary>
    public static async Task<LedgerCounter> OfAsync(ClaimsPrincipal principal, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var id = users.GetUserId(principal) ?? throw new ForbiddenException("auth.required", "请先登录。");
        var found = await (from u in db.Users.AsNoTracking()
                           where u.Id == id && u.IsActive
                           join v in db.Venues.AsNoTracking() on u.VenueId equals (Guid?)v.Id
                           select new { u.DisplayName, Venue = v }).FirstOrDefaultAsync(ct);
        if (found is null || found.Venue.Tier == VenueTier.CountyCenter)
        {
            throw new ForbiddenException("ledger.not-a-tier-venue", "服务台帐由乡镇便民服务中心和村便民服务站的工作人员、代办员填写。");
        }
        return new LedgerCounter(id, found.DisplayName, found.Venue);
    }
}
