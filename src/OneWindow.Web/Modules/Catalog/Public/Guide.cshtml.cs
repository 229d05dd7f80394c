using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class GuideModel(OneWindowDbContext db) : PageModel
{
    public GuideView View { get; private set; } = null!;

    /// <summary>The village the applicant chose, and where the item is handed in nearest to it (就近办理).</summary>
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    public NearestVenueView? Nearest { get; private set; }
    public IReadOnlyList<VillageChoice> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int? version, CancellationToken ct)
    {
        var view = await GetGuide.RunAsync(db, code, version, ct: ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        var county = await db.Venues.AsNoTracking().Where(v => v.Tier == VenueTier.CountyCenter).OrderBy(v => v.RegionCode).Select(v => v.RegionCode).FirstOrDefaultAsync(ct);
        if (county is not null)
        {
            Villages = await NearestVenue.VillagesAsync(db, county[..6], ct);
        }
        Nearest = await NearestVenue.RunAsync(db, view.Code, Village, ct);
        return Page();
    }
}
