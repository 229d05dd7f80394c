using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization;

/// <summary>A venue as the administrator lists it, with how many windows, staff and tier-list lines it has.</summary>
public sealed record VenueRow(Guid Id, string Name, VenueTier Tier, string RegionCode, string? Address, string? OfficeHours, int Windows, int Staff, int ListedItems);

/// <summary>A page of venues ordered by region code and name (<c>next</c>: the key to pass as <c>after</c>).</summary>
public sealed record VenuePage(IReadOnlyList<VenueRow> Items, string? Next);

/// <summary>A venue's tier list (下沉清单).</summary>
/// <param name="OwnDepartmentId">A town hall's own department, which decides its Decide items (null: the county departments do).</param>
public sealed record TierListView(Guid VenueId, string VenueName, VenueTier Tier, IReadOnlyList<VenueItemLine> Lines, Guid? OwnDepartmentId = null, string? OwnDepartmentName = null);

/// <summary>
/// Reads the three tiers for the administrator: the venues of a region (town halls and village rooms among them), paged
/// by region code, and one venue's tier list.
/// </summary>
public sealed class TierLists(OneWindowDbContext db)
{
    public const int PageSize = 50;

    public async Task<VenuePage> VenuesAsync(VenueTier? tier, string? regionPrefix, string? after, CancellationToken ct)
    {
        var q = db.Venues.AsNoTracking();
        if (tier is { } t)
        {
            q = q.Where(v => v.Tier == t);
        }
        if (!string.IsNullOrWhiteSpace(regionPrefix))
        {
            var prefix = regionPrefix.Trim();
            q = q.Where(v => v.RegionCode.StartsWith(prefix));
        }
        if (after?.Split('|', 2) is [var code, var name])
        {
#pragma warning disable CA1309 // Translated to SQL: the database compares, in the order of the keyset.
            q = q.Where(v => string.Compare(v.RegionCode, code) >= 0 && (string.Compare(v.RegionCode, code) > 0 || string.Compare(v.Name, name) > 0));
#pragma warning restore CA1309
        }
        var venues = await q.OrderBy(v => v.RegionCode).ThenBy(v => v.Name).Take(PageSize + 1)
            .Select(v => new VenueRow(v.Id, v.Name, v.Tier, v.RegionCode, v.Address, v.OfficeHours,
                db.Windows.Count(w => w.VenueId == v.Id), db.Users.Count(u => u.VenueId == v.Id && u.IsActive),
                db.Set<VenueItem>().Count(i => i.VenueId == v.Id)))
            .ToListAsync(ct);
        var more = venues.Count > PageSize;
        var page = more ? venues[..PageSize] : venues;
        return new VenuePage(page, more ? page[^1].RegionCode + "|" + page[^1].Name : null);
    }

    public async Task<TierListView> ListAsync(Guid venueId, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("场所不存在。");
        var lines = await db.Set<VenueItem>().AsNoTracking().Where(i => i.VenueId == venueId).OrderBy(i => i.ItemCode)
            .Select(i => new VenueItemLine(i.ItemCode, i.Role)).Take(2000).ToListAsync(ct);
        var own = venue.OwnDepartmentId is { } id ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        return new TierListView(venue.Id, venue.Name, venue.Tier, lines, venue.OwnDepartmentId, own);
    }
}
