using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>Where an item is handed in nearest to a village, and whether the village's own room advises on it.</summary>
/// <param name="Role">The venue's tier-list role for the item (null at the county center, which takes in every published item).</param>
/// <param name="VillageAdvises">The village's room does not take the item in but explains it (咨询指导).</param>
public sealed record NearestVenueView(string VillageCode, string VillageName, VenueTier Tier, Guid? VenueId, string VenueName, string? Address, string? OfficeHours, string? Phone,
    TierItemRole? Role, bool VillageAdvises);

/// <summary>A village to choose on the guide page: its town's name and its own.</summary>
public sealed record VillageChoice(string Code, string TownName, string Name);

/// <summary>
/// 就近办理: where an applicant of a village hands an item in nearest — the village's room when its tier list takes the
/// item in, else the town's hall when its list does, else the county center (<see cref="TierRules.Nearest"/>). Two
/// indexed reads: the lines of the village's and the town's venues for the item, and the venue chosen.
/// </summary>
public static class NearestVenue
{
    public static async Task<NearestVenueView?> RunAsync(OneWindowDbContext db, string itemCode, string? villageCode, CancellationToken ct)
    {
        if (!RegionCode.TryParse(villageCode, out var village) || village.Level != RegionLevel.Village)
        {
            return null;
        }
        var villageName = await db.Regions.AsNoTracking().Where(r => r.Code == village.Value).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (villageName is null)
        {
            return null;
        }
        var town = village.Parent!.Value.Value;
        var county = village.Parent!.Value.Parent!.Value.Value;
        var lines = await (from i in db.Set<VenueItem>().AsNoTracking()
                           join v in db.Venues.AsNoTracking() on i.VenueId equals v.Id
                           where i.ItemCode == itemCode && (v.RegionCode == village.Value || v.RegionCode == town)
                           select new { v.Id, v.Tier, v.RegionCode, i.Role }).Take(20).ToListAsync(ct);
        TierItemRole? Best(VenueTier tier) => lines.Where(l => l.Tier == tier).Select(l => (TierItemRole?)l.Role).OrderBy(r => TierRules.TakesIn(r) ? 0 : 1).FirstOrDefault();
        var roomRole = Best(VenueTier.VillageRoom);
        var hallRole = Best(VenueTier.TownHall);
        var tier = TierRules.Nearest(roomRole, hallRole);
        var chosenId = tier == VenueTier.CountyCenter ? (Guid?)null : lines.First(l => l.Tier == tier && TierRules.TakesIn(l.Role)).Id;
        var venue = chosenId is { } id
            ? await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct)
            : await db.Venues.AsNoTracking().Where(v => v.Tier == VenueTier.CountyCenter && v.RegionCode == county).OrderBy(v => v.Name).FirstOrDefaultAsync(ct);
        return new NearestVenueView(village.Value, villageName, tier, venue?.Id, venue?.Name ?? "县政务服务中心", venue?.Address, venue?.OfficeHours, venue?.Phone,
            tier == VenueTier.CountyCenter ? null : (tier == VenueTier.VillageRoom ? roomRole : hallRole),
            tier != VenueTier.VillageRoom && roomRole == TierItemRole.Advise);
    }

    /// <summary>The villages of the county a guide's item belongs to, town by town (a county has a few hundred).</summary>
    public static async Task<IReadOnlyList<VillageChoice>> VillagesAsync(OneWindowDbContext db, string countyPrefix, CancellationToken ct)
    {
        var rows = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(countyPrefix) && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village))
            .OrderBy(r => r.Code).Take(2000).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        var towns = rows.Where(r => r.Level == RegionLevel.Town).ToDictionary(r => r.Code, r => r.Name);
        return [.. rows.Where(r => r.Level == RegionLevel.Village).Select(r => new VillageChoice(r.Code, towns.GetValueOrDefault(r.ParentCode ?? "") ?? "", r.Name))];
    }
}
