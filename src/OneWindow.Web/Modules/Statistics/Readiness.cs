using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Organization;

namespace OneWindow.Web.Modules.Statistics;

/// <summary>
/// The counts behind the three readiness figures (seed 000 「事项到位率 … 人员到位率 … 授权到位率」, the 「两集中、两到位」):
/// a venue's list of items, those of them a window of the venue takes in, those of these a window can also decide, its
/// windows and those with someone (an active account) seated. Counts add up, so a town with its villages and the county with its towns are
/// the sums of their venues; each rate is defined once here (docs/statistics.md).
/// </summary>
public sealed record ReadinessCounts(int ListedItems, int ItemsTakenIn, int ItemsDecided, int Windows, int WindowsStaffed)
{
    public static readonly ReadinessCounts Zero = new(0, 0, 0, 0, 0);

    /// <summary>事项进驻率: items of the venue's list a window of it takes in ÷ items of the list × 100.</summary>
    public decimal? ItemRate => Indicators.Rate(ItemsTakenIn, ListedItems);

    /// <summary>授权到位率: of the items taken in, those a window can also decide (an approver seated at a window that takes it in is authorized for it) ÷ items taken in × 100.</summary>
    public decimal? AuthorizationRate => Indicators.Rate(ItemsDecided, ItemsTakenIn);

    /// <summary>人员到位率: windows with someone seated at them ÷ windows × 100.</summary>
    public decimal? StaffingRate => Indicators.Rate(WindowsStaffed, Windows);

    public ReadinessCounts Plus(ReadinessCounts o) =>
        new(ListedItems + o.ListedItems, ItemsTakenIn + o.ItemsTakenIn, ItemsDecided + o.ItemsDecided, Windows + o.Windows, WindowsStaffed + o.WindowsStaffed);
}

public sealed record ReadinessVenue(Guid VenueId, string Name, VenueTier Tier, string RegionCode, ReadinessCounts Counts);

/// <summary>A place's venues rolled up: a town is its hall and its villages' rooms; the county is every venue in it.</summary>
public sealed record ReadinessPlace(string RegionCode, string Name, ReadinessCounts Counts);

public sealed record ReadinessResult(string? RegionPrefix, int RegionLevel, IReadOnlyList<ReadinessVenue> Venues, IReadOnlyList<ReadinessPlace> Places, ReadinessCounts Total)
{
    /// <summary>The month whose month-end snapshot the figures are (null: the organization as it stands now).</summary>
    public DateOnly? SnapshotMonth { get; init; }
}

/// <summary>
/// 事项进驻率, 授权到位率 and 人员到位率 now, per venue and rolled up by region (code prefix, to 6, 9 or 12 digits). They
/// are states of the organization, not flows, so they are read from it as it stands (the venues, their windows, the
/// windows' authorized items, the tier lists and who sits where), in grouped queries whose results are one row per venue.
/// A venue's list is the published catalog for the county center (it takes in whatever its windows are authorized for)
/// and the take-in and decide lines of its tier list for a town hall or a village room (ADR 0031).
/// </summary>
public sealed class Readiness(OneWindowDbContext db)
{
    public async Task<ReadinessResult> RunAsync(string? regionPrefix, int level, CancellationToken ct)
    {
        level = level is 6 or 9 or 12 ? level : 9;
        var venues = db.Venues.AsNoTracking();
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            venues = venues.Where(v => v.RegionCode.StartsWith(regionPrefix));
        }
        var published = db.ServiceItemVersions.Where(v => v.Status == VersionStatus.Published).Select(v => v.ItemCode);
        var catalog = await published.Distinct().CountAsync(ct);
        var listed = await (from i in db.Set<VenueItem>()
                            join v in venues on i.VenueId equals v.Id
                            where (i.Role == TierItemRole.TakeIn || i.Role == TierItemRole.Decide) && published.Contains(i.ItemCode)
                            group i by i.VenueId into g
                            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var windows = await (from w in db.Windows join v in venues on w.VenueId equals v.Id group w by w.VenueId into g select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // A seat counts while its member of staff's account is active.
        var seats = db.Set<StaffSeat>().Where(s => db.Users.Any(u => u.Id == s.UserId && u.IsActive));
        var staffed = await (from w in db.Windows
                             join v in venues on w.VenueId equals v.Id
                             where seats.Any(s => s.WindowId == w.Id)
                             group w by w.VenueId into g
                             select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // The items of its list a window of the venue takes in: the county center's any published item, a tier venue's its take-in and decide lines.
        var lines = db.Set<VenueItem>().Where(i => i.Role == TierItemRole.TakeIn || i.Role == TierItemRole.Decide);
        var takenIn = from a in db.WindowItems
                      join w in db.Windows on a.WindowId equals w.Id
                      join v in venues on w.VenueId equals v.Id
                      where published.Contains(a.ItemCode)
                            && (v.Tier == VenueTier.CountyCenter || lines.Any(l => l.VenueId == v.Id && l.ItemCode == a.ItemCode))
                      select new { a.WindowId, w.VenueId, a.ItemCode };
        var taken = await takenIn.Select(t => new { t.VenueId, t.ItemCode }).Distinct().GroupBy(t => t.VenueId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Of those, the ones an approver seated at a window that takes the item in is authorized to decide (首席代表 授权到位).
        var approverRole = await db.Roles.AsNoTracking().Where(r => r.Name == StaffRoles.Approver).Select(r => r.Id).FirstOrDefaultAsync(ct) ?? "";
        var deciders = from s in seats
                       join ur in db.UserRoles on s.UserId equals ur.UserId
                       where ur.RoleId == approverRole
                       select s;
        var decided = await takenIn
            .Where(t => deciders.Any(s => s.WindowId == t.WindowId && db.StaffItems.Any(a => a.UserId == s.UserId && a.ItemCode == t.ItemCode)))
            .Select(t => new { t.VenueId, t.ItemCode }).Distinct().GroupBy(t => t.VenueId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var rows = (await venues.Select(v => new { v.Id, v.Name, v.Tier, v.RegionCode }).ToListAsync(ct))
            .Select(v => new ReadinessVenue(v.Id, v.Name, v.Tier, v.RegionCode, new ReadinessCounts(
                v.Tier == VenueTier.CountyCenter ? catalog : listed.GetValueOrDefault(v.Id),
                taken.GetValueOrDefault(v.Id), decided.GetValueOrDefault(v.Id), windows.GetValueOrDefault(v.Id), staffed.GetValueOrDefault(v.Id))))
            .ToList();
        return await ResultAsync(rows, regionPrefix, level, ct);
    }

    /// <summary>
    /// The figures as they stood at the end of <paramref name="month"/>, from its snapshot (<see cref="ReadinessSnapshotSweep"/>),
    /// rolled up as the live figures are; null when no snapshot of the month was taken.
    /// </summary>
    public async Task<ReadinessResult?> AtMonthEndAsync(DateOnly month, string? regionPrefix, int level, CancellationToken ct)
    {
        level = level is 6 or 9 or 12 ? level : 9;
        month = new DateOnly(month.Year, month.Month, 1);
        var snapshot = db.Set<ReadinessSnapshot>().AsNoTracking().Where(s => s.Month == month);
        if (!await snapshot.AnyAsync(ct))
        {
            return null;
        }
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            snapshot = snapshot.Where(s => s.RegionCode.StartsWith(regionPrefix));
        }
        var rows = (await snapshot.ToListAsync(ct))
            .Select(s => new ReadinessVenue(s.VenueId, s.VenueName, s.Tier, s.RegionCode, new ReadinessCounts(s.ListedItems, s.ItemsTakenIn, s.ItemsDecided, s.Windows, s.WindowsStaffed)))
            .ToList();
        return await ResultAsync(rows, regionPrefix, level, ct) with { SnapshotMonth = month };
    }

    private async Task<ReadinessResult> ResultAsync(List<ReadinessVenue> rows, string? regionPrefix, int level, CancellationToken ct)
    {
        rows = [.. rows.OrderBy(v => v.RegionCode, StringComparer.Ordinal).ThenBy(v => v.Tier).ThenBy(v => v.Name, StringComparer.Ordinal)];
        var places = rows.GroupBy(v => v.RegionCode.Length >= level ? v.RegionCode[..level].PadRight(12, '0') : v.RegionCode)
            .Select(g => (Code: g.Key, Counts: g.Aggregate(ReadinessCounts.Zero, (a, v) => a.Plus(v.Counts)))).ToList();
        var codes = places.Select(p => p.Code).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new ReadinessResult(regionPrefix, level, rows,
            [.. places.Select(p => new ReadinessPlace(p.Code, names.GetValueOrDefault(p.Code, p.Code), p.Counts)).OrderBy(p => p.RegionCode, StringComparer.Ordinal)],
            rows.Aggregate(ReadinessCounts.Zero, (a, v) => a.Plus(v.Counts)));
    }
}
