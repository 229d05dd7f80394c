using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>The choices of the hotline forms: categories grouped under their parents, the county's towns and villages, the units.</summary>
public static class HotlinePickLists
{
    public static async Task<List<SelectListItem>> CategoriesAsync(OneWindowDbContext db, string? selected, CancellationToken ct)
    {
        var all = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var groups = all.Where(c => c.ParentCode is null).ToDictionary(c => c.Code, c => new SelectListGroup { Name = c.Name });
        var items = new List<SelectListItem> { new(Text.Translate("（请选择）"), "") };
        items.AddRange(all.Where(c => c.ParentCode is not null).Select(c => new SelectListItem(c.Name, c.Code, c.Code == selected)
        {
            Group = groups.GetValueOrDefault(c.ParentCode!),
        }));
        return items;
    }

    public static async Task<List<SelectListItem>> RegionsAsync(OneWindowDbContext db, string? selected, CancellationToken ct)
    {
        var county = await db.Venues.AsNoTracking().Where(v => v.Tier == VenueTier.CountyCenter).OrderBy(v => v.Name).Select(v => v.RegionCode).FirstOrDefaultAsync(ct) ?? "";
        var prefix = county.Length >= 6 ? county[..6] : county;
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var towns = regions.Where(r => r.Level == RegionLevel.Town).ToDictionary(r => r.Code, r => new SelectListGroup { Name = r.Name });
        var items = new List<SelectListItem>();
        foreach (var r in regions)
        {
            var group = r.Level == RegionLevel.Village && r.ParentCode is { } p ? towns.GetValueOrDefault(p) : null;
            var label = r.Level == RegionLevel.Town ? r.Name + Text.Translate("（全镇/乡）") : r.Name;
            items.Add(new SelectListItem(label, r.Code, r.Code == (selected ?? county)) { Group = group });
        }
        return items;
    }

    public static async Task<List<SelectListItem>> UnitsAsync(OneWindowDbContext db, Guid? selected, string empty, CancellationToken ct)
    {
        var units = await HotlineUnits.AllAsync(db, ct);
        var groups = new Dictionary<HotlineUnitKind, SelectListGroup>
        {
            [HotlineUnitKind.Department] = new() { Name = Text.Translate("县直部门") },
            [HotlineUnitKind.Town] = new() { Name = Text.Translate("乡镇") },
            [HotlineUnitKind.PublicService] = new() { Name = Text.Translate("公共服务企业") },
        };
        var items = new List<SelectListItem> { new(Text.Translate(empty), "") };
        items.AddRange(units.Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == selected) { Group = groups[u.Kind] }));
        return items;
    }
}
