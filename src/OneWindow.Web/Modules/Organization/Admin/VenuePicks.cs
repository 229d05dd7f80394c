using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Organization.Admin;

/// <summary>
/// The venues an administrator places windows and staff in: the county center, every town hall and every village room,
/// in region-code order (so each town's rooms follow its hall), grouped by tier. A county has a few hundred.
/// </summary>
public static class VenuePicks
{
    public const int Limit = 1000;

    public static async Task<IReadOnlyList<SelectListItem>> AllAsync(OneWindowDbContext db, Guid? selected, CancellationToken ct)
    {
        var venues = await db.Venues.AsNoTracking().OrderBy(v => v.Tier).ThenBy(v => v.RegionCode).Take(Limit)
            .Select(v => new { v.Id, v.Name, v.Tier }).ToListAsync(ct);
        var groups = Enum.GetValues<VenueTier>().ToDictionary(t => t, t => new SelectListGroup { Name = Infrastructure.EnumText.Of(t) });
        return [.. venues.Select(v => new SelectListItem(v.Name, v.Id.ToString(), v.Id == selected) { Group = groups[v.Tier] })];
    }
}
