using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The signed-in person as the hotline sees them: the center (a hotline operator), or a unit's staff acting for their
/// department (a window clerk, reviewer or approver of a department, as for cases). The order itself checks which
/// of them may take each action; here only who they are and what they may see.
/// </summary>
public static class HotlineStaff
{
    public static async Task<HotlineParty> PartyAsync(ClaimsPrincipal principal, UserManager<UserAccount> users, OneWindowDbContext db)
    {
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        if (staff.Roles.Contains(StaffRoles.HotlineOperator))
        {
            return HotlineParty.Center(new Actor(staff.User.Id, staff.User.DisplayName, StaffRoles.HotlineOperator));
        }
        if (staff.User.DepartmentId is { } department && StaffRoles.CaseRoles.FirstOrDefault(staff.Roles.Contains) is { } role)
        {
            return HotlineParty.Unit(new Actor(staff.User.Id, staff.User.DisplayName, role), department);
        }
        throw new ForbiddenException("hotline.not-hotline-staff", "只有 12345 热线坐席和承办单位的工作人员可以处理工单。");
    }

    /// <summary>The center sees every order; a unit only the orders it leads or co-handles (404 otherwise, so numbers are not probed).</summary>
    public static void EnsureMaySee(HotlineParty by, WorkOrder order)
    {
        if (by == HotlineParty.Caller)
        {
            return; // the caller, who proved the number and the phone's last four digits
        }
        if (!by.IsCenter && (by.UnitId is not { } unit || !order.Involves(unit)))
        {
            throw new NotFoundException("工单不存在。");
        }
    }

    /// <summary>Whether the viewer may see who the caller is: never a unit when the caller asked for confidentiality.</summary>
    public static bool MaySeeCaller(HotlineParty by, WorkOrder order) => by.IsCenter || !order.Confidential;
}
