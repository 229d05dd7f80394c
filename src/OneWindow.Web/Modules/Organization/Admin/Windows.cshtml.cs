using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>Venues and their windows, and the items each window may take in.</summary>
public sealed class WindowsModel(OneWindowDbContext db, ManageOrganization manage) : PageModel
{
    public sealed record WindowRow(Window Window, string? DepartmentName, int Items);

    [BindProperty(SupportsGet = true)] public Guid? Venue { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Window { get; set; }
    [BindProperty] public string Number { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public WindowKind Kind { get; set; } = WindowKind.Department;
    [BindProperty] public WindowCategory Category { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public List<string> ItemCodes { get; set; } = [];

    public IReadOnlyList<SelectListItem> Venues { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public IReadOnlyList<WindowRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> PublishedItems { get; private set; } = [];
    public HashSet<string> Authorized { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            await manage.AddWindowAsync(Venue ?? Guid.Empty, Number, Name, Kind, Category, Kind == WindowKind.Department ? DepartmentId : null, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("窗口已添加。");
            return Redirect($"/admin/org/windows?venue={Venue}");
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostItemsAsync(CancellationToken ct)
    {
        if (Window is not { } windowId)
        {
            return BadRequest();
        }
        try
        {
            await manage.SetWindowItemsAsync(windowId, ItemCodes, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("窗口授权事项已更新。");
            return Redirect($"/admin/org/windows?venue={Venue}&window={windowId}");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Every tier: a town hall's and a village room's counters are placed here like the county center's.
        Venues = await VenuePicks.AllAsync(db, Venue, ct);
        if (Venue is null && Venues.Count > 0)
        {
            Venue = Guid.Parse(Venues[0].Value);
            Venues[0].Selected = true;
        }
        Departments = await PickLists.DepartmentsAsync(db, DepartmentId, "（综合窗口不选）", ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.VenueId == Venue).OrderBy(w => w.Number).Take(500).ToListAsync(ct);
        var ids = windows.Select(w => w.Id).ToList();
        var counts = await db.WindowItems.Where(a => ids.Contains(a.WindowId)).GroupBy(a => a.WindowId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Rows = [.. windows.Select(w => new WindowRow(w, Departments.FirstOrDefault(d => d.Value == w.DepartmentId?.ToString())?.Text, counts.FirstOrDefault(c => c.Key == w.Id)?.Count ?? 0))];
        if (Window is { } selected)
        {
            PublishedItems = await PickLists.PublishedItemsAsync(db, ct);
            Authorized = [.. await db.WindowItems.AsNoTracking().Where(a => a.WindowId == selected).Select(a => a.ItemCode).ToListAsync(ct)];
        }
    }
}
