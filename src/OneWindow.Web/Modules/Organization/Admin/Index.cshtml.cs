using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Organization.Admin;

public sealed class IndexModel(OneWindowDbContext db) : PageModel
{
    public int Items { get; private set; }
    public int Drafts { get; private set; }
    public int Combined { get; private set; }
    public int Departments { get; private set; }
    public int Windows { get; private set; }
    public int Staff { get; private set; }
    public int Regions { get; private set; }
    public int Venues { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await db.ServiceItems.CountAsync(ct);
        Drafts = await db.ServiceItemVersions.CountAsync(v => v.Status == VersionStatus.Draft, ct);
        Combined = await db.CombinedItems.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        Windows = await db.Windows.CountAsync(ct);
        Staff = await db.Users.CountAsync(ct);
        Regions = await db.Regions.CountAsync(ct);
        Venues = await db.Venues.CountAsync(ct);
    }
}
