using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;

namespace OneWindow.Web.Modules.Cases;

/// <summary>A case opened by a member of staff: it must be in their scope (their department's, or their venue's for a comprehensive window).</summary>
public sealed class OpenCase(OneWindowDbContext db, UserManager<UserAccount> users)
{
    public async Task<Case> LoadForAsync(System.Security.Claims.ClaimsPrincipal principal, string number, CancellationToken ct) =>
        (await LoadWithStaffAsync(principal, number, ct)).Case;

    /// <summary>A case the signed-in member of staff may open, with them as the case sees them.</summary>
    public async Task<StaffCase> LoadWithStaffAsync(System.Security.Claims.ClaimsPrincipal principal, string number, CancellationToken ct)
    {
        var staff = await CaseStaff.LoadAsync(principal, users, db);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number, ct) ?? throw new NotFoundException($"案件 {number} 不存在。");
        staff.EnsureMaySee(c);
        return new StaffCase(c, staff);
    }
}

/// <summary>A case and the member of staff who opened or acted on it.</summary>
public sealed record StaffCase(Case Case, CaseStaff Staff)
{
    /// <summary>What this person may do with the case now.</summary>
    public IReadOnlyList<string> AvailableActions => Case.AvailableActions(Staff.Roles, Staff.User.Id);
}
