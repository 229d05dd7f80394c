using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>Staff accounts with their role, venue and department, and the items each may handle.</summary>
public sealed class StaffModel(OneWindowDbContext db, ManageOrganization manage, OneWindow.Web.Modules.Accounts.AccountLimits limits, TimeProvider clock) : PageModel
{
    /// <param name="SignInSlowed">Wrong passwords from strangers' browsers make its next try wait now (ADR 0015).</param>
    public sealed record Row(string Id, string UserName, string DisplayName, string Roles, string? Venue, string? Department, int Items, bool SignInSlowed);

    public string? SelectedUserId { get; private set; }
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Role { get; set; } = StaffRoles.WindowClerk;
    [BindProperty] public Guid VenueId { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public List<string> ItemCodes { get; set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Venues { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> PublishedItems { get; private set; } = [];
    public HashSet<string> Authorized { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? user, CancellationToken ct)
    {
        SelectedUserId = user;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            await manage.AddStaffAsync(UserName, DisplayName, Password, Role, VenueId, DepartmentId, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("人员已添加。");
            return Redirect("/admin/org/staff");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostItemsAsync(string user, CancellationToken ct)
    {
        await manage.SetStaffItemsAsync(user, ItemCodes, User.ActorName(), ct);
        TempData["Flash"] = Text.Translate("人员授权事项已更新。");
        return Redirect("/admin/org/staff?user=" + Uri.EscapeDataString(user));
    }

    /// <summary>
    /// A citizen's account (signed up to apply online) is listed masked like everywhere else: the sign-in name is
    /// the phone, the display name the real name. Staff accounts are staff's working names, shown as they are.
    /// </summary>
    private static Row Masked(UserAccount u, bool citizen) => citizen
        ? new Row(u.Id, PersonalData.MaskPhone(u.UserName ?? ""), PersonalData.MaskName(u.DisplayName), "", null, null, 0, false)
        : new Row(u.Id, u.UserName!, u.DisplayName, "", null, null, 0, false);

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Every tier: a village room's agent (代办员) is a window clerk placed at the room.
        Venues = await VenuePicks.AllAsync(db, VenueId, ct);
        Departments = await PickLists.DepartmentsAsync(db, DepartmentId, "（不属于部门）", ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Take(1000).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where userIds.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var counts = await db.StaffItems.Where(a => userIds.Contains(a.UserId)).GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var keys = users.ToDictionary(u => u.Id, u => AttemptLimiter.KeyOf(limits.SignInAccount, u.NormalizedUserName ?? ""));
        var keyList = keys.Values.ToList();
        var slowed = (await db.Attempts.AsNoTracking().Where(a => keyList.Contains(a.Key) && a.BlockedUntil > now).Select(a => a.Key).ToListAsync(ct)).ToHashSet();
        Rows = [.. users.Select(u => Masked(u, roles.Any(r => r.UserId == u.Id && r.Name == ApplicantRoles.Applicant)) with {
            Roles = string.Join("、", roles.Where(r => r.UserId == u.Id).Select(r => EnumText.RoleName(r.Name!))),
            Venue = Venues.FirstOrDefault(v => v.Value == u.VenueId?.ToString())?.Text, Department = Departments.FirstOrDefault(d => d.Value == u.DepartmentId?.ToString())?.Text,
            Items = counts.FirstOrDefault(c => c.Key == u.Id)?.Count ?? 0, SignInSlowed = slowed.Contains(keys[u.Id]) })];
        if (SelectedUserId is { } selected)
        {
            PublishedItems = await PickLists.PublishedItemsAsync(db, ct);
            Authorized = [.. await db.StaffItems.AsNoTracking().Where(a => a.UserId == selected).Select(a => a.ItemCode).ToListAsync(ct)];
        }
    }
}
