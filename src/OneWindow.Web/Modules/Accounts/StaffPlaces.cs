using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>The calendar's view of a member of staff (<see cref="IStaffPlaces"/>): their department, their venue and its region.</summary>
public sealed class StaffPlaces(UserManager<UserAccount> users, OneWindowDbContext db) : IStaffPlaces
{
    public async Task<StaffPlace> OfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = users.GetUserId(user);
        var account = id is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => new { u.DepartmentId, u.VenueId }).FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return new StaffPlace(null, null, null);
        }
        var region = account.VenueId is { } venue
            ? await db.Venues.AsNoTracking().Where(v => v.Id == venue).Select(v => v.RegionCode).FirstOrDefaultAsync(ct)
            : null;
        return new StaffPlace(account.DepartmentId, account.VenueId, region);
    }
}
