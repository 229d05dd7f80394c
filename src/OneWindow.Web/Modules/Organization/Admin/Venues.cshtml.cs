using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>The service network: the county center, town halls and village rooms of one region, paged by key.</summary>
public sealed class VenuesModel(OneWindowDbContext db, ManageOrganization manage) : PageModel
{
    public sealed record Row(Venue Venue, string RegionName, int Windows);

    [BindProperty(SupportsGet = true)] public VenueTier? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public Guid? Id { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public VenueTier NewTier { get; set; } = VenueTier.TownHall;
    [BindProperty] public string RegionCode { get; set; } = "";
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? OfficeHours { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? NextAfter { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(Guid? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is { } id && await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } v)
        {
            (Id, Name, NewTier, RegionCode, Address, OfficeHours, Phone) = (v.Id, v.Name, v.Tier, v.RegionCode, v.Address, v.OfficeHours, v.Phone);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await manage.SaveVenueAsync(Id, Name, NewTier, RegionCode, Address, OfficeHours, Phone, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("场所已保存。");
            return Redirect("/admin/org/venues?tier=" + NewTier);
        }
        catch (Exception e) when (e is DomainRuleException or NotFoundException)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        const int pageSize = 50;
        var query = db.Venues.AsNoTracking();
        if (Tier is { } tier)
        {
            query = query.Where(v => v.Tier == tier);
        }
        if (!string.IsNullOrEmpty(After))
        {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset index.
            query = query.Where(v => string.Compare(v.RegionCode, After) > 0);
#pragma warning restore CA1309
        }
        var rows = await query.OrderBy(v => v.RegionCode).Take(pageSize + 1)
            .Select(v => new Row(v, db.Regions.Where(r => r.Code == v.RegionCode).Select(r => r.Name).FirstOrDefault() ?? v.RegionCode, db.Windows.Count(w => w.VenueId == v.Id)))
            .ToListAsync(ct);
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            NextAfter = rows[^1].Venue.RegionCode;
        }
        Rows = rows;
    }
}
