using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The region a case's figures belong to: the region of the venue that took it in (a town hall's town, a village room's
/// village), so that figures roll up by code prefix; the case's own region (its county) when it came in online.
/// A case's region is always its county (it is numbered and timed there), so the venue is what places it lower.
/// </summary>
public sealed class VenueRegions(OneWindowDbContext db)
{
    private readonly Dictionary<Guid, string> _known = [];

    public async Task<string> OfAsync(Case c, CancellationToken ct)
    {
        if (c.ReceivingVenueId is not { } venueId)
        {
            return c.RegionCode;
        }
        if (!_known.TryGetValue(venueId, out var region))
        {
            region = await db.Venues.AsNoTracking().Where(v => v.Id == venueId).Select(v => v.RegionCode).FirstOrDefaultAsync(ct) ?? c.RegionCode;
            _known[venueId] = region;
        }
        return region;
    }

    /// <summary>Every venue's region at once (the check reads many cases).</summary>
    public async Task LoadAllAsync(CancellationToken ct)
    {
        foreach (var v in await db.Venues.AsNoTracking().Select(v => new { v.Id, v.RegionCode }).ToListAsync(ct))
        {
            _known[v.Id] = v.RegionCode;
        }
    }
}
