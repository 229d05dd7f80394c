using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Workbench;

public sealed class IndexModel(UserManager<UserAccount> users, OneWindowDbContext db, ChooseWindow seats) : PageModel
{
    public StaffScope Scope { get; private set; } = null!;
    /// <summary>The window I sit at and those I may choose.</summary>
    public SeatView Seat { get; private set; } = new(null, null, []);
    [BindProperty] public Guid? WindowId { get; set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(string Code, string Name, LimitKind Kind, int Promised)> Items { get; private set; } = [];
    public int UnreadNotifications { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>I sit at this window: the cases I take in from now on are counted against it.</summary>
    public async Task<IActionResult> OnPostWindowAsync(CancellationToken ct)
    {
        try
        {
            var seat = await seats.RunAsync(User, WindowId, ct);
            TempData["Flash"] = Text.Formatted("已选择 {0} 号窗口，此后受理的办件计入该窗口。", seat.Number);
            return RedirectToPage();
        }
        catch (Domain.DomainRuleException e)
        {
            Error = e.Message;
        }
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var scope = await StaffScope.LoadAsync(User, users, db, ct);
        if (scope is null)
        {
            return Challenge();
        }
        Scope = scope;
        Seat = await seats.GetAsync(User, ct);
        WindowId ??= Seat.WindowId;
        var userId = scope.User.Id;
        UnreadNotifications = await db.StaffNotifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        var codes = scope.ItemCodes.ToList();
        Items = [.. (await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published)
            .OrderBy(v => v.ItemCode).Select(v => new { v.ItemCode, v.Name, v.LimitKind, v.PromisedLimitDays }).ToListAsync(ct))
            .Select(v => (v.ItemCode, v.Name, v.LimitKind, v.PromisedLimitDays))];
        return Page();
    }
}
