using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The region a case's figures belong to: the region of the venue that took it in (a town hall's town, a village room's
/// village), so that figures roll up by code prefix; the case's own region (its county) when it came in online.
/// A case's region is always its county (it is numbered and timed there), so the venue is what places it lower.
/// </summary>
/// <remarks>
/// Every case move asks, so the answer is kept across requests (<see cref="VenueRegionCache"/>) rather than read each
/// time. The check reads every venue afresh (<see cref="LoadAllAsync"/>) and its answers win within its scope.
/// </remarks>
public sealed class VenueRegions(OneWindowDbContext db, VenueRegionCache cache, TimeProvider clock)
{
    private readonly Dictionary<Guid, string> _loaded = [];

    public async Task<string> OfAsync(Case c, CancellationToken ct) =>
        c.ReceivingVenueId is { } venueId ? await OfVenueAsync(venueId, c.RegionCode, ct) : c.RegionCode;

    /// <summary>The venue's region, or <paramref name="fallback"/> for a venue that does not exist.</summary>
    public async Task<string> OfVenueAsync(Guid venueId, string fallback, CancellationToken ct)
    {
        if (_loaded.TryGetValue(venueId, out var region))
        {
            return region;
        }
        var now = clock.GetUtcNow();
        if (cache.TryGet(venueId, now, out region))
        {
            return region;
        }
        region = await db.Venues.AsNoTracking().Where(v => v.Id == venueId).Select(v => v.RegionCode).FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return fallback; // not cached: a venue that does not exist (yet) is asked again next time
        }
        cache.Set(venueId, region, now);
        return region;
    }

    /// <summary>Every venue's region at once, read now (the check reads many cases and must not trust a kept answer).</summary>
    public async Task LoadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var v in await db.Venues.AsNoTracking().Select(v => new { v.Id, v.RegionCode }).ToListAsync(ct))
        {
            _loaded[v.Id] = v.RegionCode;
            cache.Set(v.Id, v.RegionCode, now);
        }
    }
}

/// <summary>
/// The venues' regions kept in this instance for <see cref="Lifetime"/>. A venue's region changes only when the
/// administrator corrects it; until the kept answer expires (on every instance) new moves of its cases still count under
/// the old region, which <c>check-figures --repair</c> finds and moves like any other difference.
/// </summary>
public sealed class VenueRegionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (string Region, DateTimeOffset Until)> _regions = new();

    public bool TryGet(Guid venueId, DateTimeOffset now, out string region)
    {
        if (_regions.TryGetValue(venueId, out var kept) && kept.Until > now)
        {
            region = kept.Region;
            return true;
        }
        region = "";
        return false;
    }

    public void Set(Guid venueId, string region, DateTimeOffset now) => _regions[venueId] = (region, now + Lifetime);
}
