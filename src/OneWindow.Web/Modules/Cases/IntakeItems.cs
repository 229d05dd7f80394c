using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The items the intake form offers a member of staff: the published items they are authorized for and, at the county
/// center, the packages (一件事) their window takes in. At a town hall or village room only the items its tier list
/// (下沉清单) lets it take in (代收代办, 本级办理) are offered — the same rule <see cref="TierRules.CheckIntake"/> applies on
/// submit (and to the API twin), so the form never offers what intake would refuse; packages are on no tier list.
/// </summary>
public sealed class IntakeItems(OneWindowDbContext db)
{
    public async Task<IReadOnlyList<(string Code, string Name)>> ForAsync(UserAccount user, CancellationToken ct)
    {
        var tier = user.VenueId is { } venueId
            ? await db.Venues.AsNoTracking().Where(v => v.Id == venueId).Select(v => (VenueTier?)v.Tier).FirstOrDefaultAsync(ct)
            : null;
        var codes = db.StaffItems.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.ItemCode);
        if (tier is VenueTier.TownHall or VenueTier.VillageRoom)
        {
            var venue = user.VenueId;
            codes = codes.Where(c => db.Set<VenueItem>().Any(i => i.VenueId == venue && i.ItemCode == c
                && (i.Role == TierItemRole.TakeIn || i.Role == TierItemRole.Decide)));
        }
        var items = (await db.ServiceItemVersions.AsNoTracking().Where(v => codes.Contains(v.ItemCode) && v.Status == VersionStatus.Published)
            .OrderBy(v => v.ItemCode).Take(2000).Select(v => new { v.ItemCode, v.Name }).ToListAsync(ct)).Select(v => (v.ItemCode, v.Name));
        if (tier is not (null or VenueTier.CountyCenter))
        {
            return [.. items];
        }
        // Packages (一件事) are taken in at a comprehensive window, or at the lead department's window.
        var department = user.DepartmentId;
        var packages = (await db.CombinedItems.AsNoTracking().Where(x => x.Status == VersionStatus.Published && (department == null || x.LeadDepartmentId == department))
            .OrderBy(x => x.Code).Take(500).Select(x => new { x.Code, x.Name }).ToListAsync(ct)).Select(x => (x.Code, x.Name + "（" + Text.Translate("一件事") + "）"));
        return [.. packages, .. items];
    }
}
