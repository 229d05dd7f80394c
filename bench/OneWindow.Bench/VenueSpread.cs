using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;

namespace OneWindow.Bench;

/// <summary>
/// Where the generated cases are taken in: of every 100, 60 at the county center (where the templates were made), 25 at
/// one of the town halls and 15 at one of the village rooms, each chosen from the copy's number alone so that a run
/// with the same seed makes the same load. A town or village case is taken in at the venue's counter window when it has
/// one (the demo staffs a few), else with no window, as an agent's proxy intake is recorded.
/// </summary>
internal sealed class VenueSpread(Guid center, (Guid Venue, Guid? Window)[] towns, (Guid Venue, Guid? Window)[] villages)
{
    public Guid Center { get; } = center;

    public static async Task<VenueSpread> LoadAsync(OneWindowDbContext db)
    {
        var venues = await db.Venues.AsNoTracking().Select(v => new { v.Id, v.Tier, v.RegionCode }).OrderBy(v => v.RegionCode).ToListAsync();
        var windows = (await db.Windows.AsNoTracking().Select(w => new { w.VenueId, w.Id }).ToListAsync())
            .GroupBy(w => w.VenueId).ToDictionary(g => g.Key, g => g.Min(w => w.Id));
        (Guid, Guid?)[] Of(VenueTier tier) => [.. venues.Where(v => v.Tier == tier).Select(v => (v.Id, windows.TryGetValue(v.Id, out var w) ? w : (Guid?)null))];
        return new VenueSpread(venues.First(v => v.Tier == VenueTier.CountyCenter).Id, Of(VenueTier.TownHall), Of(VenueTier.VillageRoom));
    }

    public (Guid Venue, Guid? Window) For(long n)
    {
        var h = (ulong)(n * 2654435761L) ^ ((ulong)n >> 7);
        var share = h % 100;
        var pick = (int)(h / 100 % 100_003);
        return share switch
        {
            < 60 => (Center, null),
            < 85 when towns.Length > 0 => towns[pick % towns.Length],
            _ when villages.Length > 0 => villages[pick % villages.Length],
            _ => (Center, null),
        };
    }
}
