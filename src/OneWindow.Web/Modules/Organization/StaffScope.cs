using OneWindow.Web.Modules.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Organization;

/// <summary>
/// What one member of staff may see: their venue, their department, the windows they serve and the items they
/// are authorized for. Window clerks, reviewers and approvers see only their own venue and department; the
/// case inboxes will filter by the same scope.
/// </summary>
public sealed record StaffScope(UserAccount User, IReadOnlyList<string> Roles, Venue? Venue, Department? Department, IReadOnlyList<Window> Windows, IReadOnlyList<string> ItemCodes)
{
    public bool IsCaseWorker => Roles.Any(r => r is StaffRoles.WindowClerk or StaffRoles.Reviewer or StaffRoles.Approver);

    public static async Task<StaffScope?> LoadAsync(ClaimsPrincipal principal, UserManager<UserAccount> users, OneWindowDbContext db, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }
        var roles = (await users.GetRolesAsync(user)).ToList();
        var venue = user.VenueId is { } venueId ? await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct) : null;
        var department = user.DepartmentId is { } departmentId ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId, ct) : null;
        var windows = venue is null
            ? []
            : await db.Windows.AsNoTracking()
                .Where(w => w.VenueId == venue.Id && (department == null ? w.Kind == WindowKind.Comprehensive : w.DepartmentId == department.Id))
                .OrderBy(w => w.Number).Take(100).ToListAsync(ct);
        var items = await db.StaffItems.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.ItemCode).OrderBy(c => c).Take(2000).ToListAsync(ct);
        return new StaffScope(user, roles, venue, department, windows, items);
    }
}
