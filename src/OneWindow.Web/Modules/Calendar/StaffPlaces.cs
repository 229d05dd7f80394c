using System.Security.Claims;

namespace OneWindow.Web.Modules.Calendar;

/// <summary>
/// Where a member of staff works, as the calendar needs it: the department and venue whose moved records they see (a
/// department's staff their department's; a comprehensive window, with no department, its venue's), and the region of
/// their venue, within which an administrator sets local days. All null for someone with no place (no venue, no department).
/// </summary>
public sealed record StaffPlace(Guid? DepartmentId, Guid? VenueId, string? RegionCode);

/// <summary>
/// Who the signed-in member of staff is and where, for the calendar. The accounts come after the calendar in the
/// modules' order, so they provide it (Accounts' <c>StaffPlaces</c>), as cases provide <see cref="Changes.IDueDateRecords"/>.
/// </summary>
public interface IStaffPlaces
{
    Task<StaffPlace> OfAsync(ClaimsPrincipal user, CancellationToken ct);
}
