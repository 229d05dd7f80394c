using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Organization.Workbench;

public sealed class IndexModel(UserManager<UserAccount> users, OneWindowDbContext db) : PageModel
{
    public StaffScope Scope { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name, LimitKind Kind, int Promised)> Items { get; private set; } = [];
    public int UnreadNotifications { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await StaffScope.LoadAsync(User, users, db, ct);
        if (scope is null)
        {
            return Challenge();
        }
        Scope = scope;
        var userId = scope.User.Id;
        UnreadNotifications = await db.StaffNotifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        var codes = scope.ItemCodes.ToList();
        Items = [.. (await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published)
            .OrderBy(v => v.ItemCode).Select(v => new { v.ItemCode, v.Name, v.LimitKind, v.PromisedLimitDays }).ToListAsync(ct))
            .Select(v => (v.ItemCode, v.Name, v.LimitKind, v.PromisedLimitDays))];
        return Page();
    }
}
