using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>One version as the public sees it: who published it is the department's business, not the public's (staff accounts are internal).</summary>
public sealed record GuideVersionInfo(int VersionNumber, VersionStatus Status, DateOnly? ValidFrom, DateOnly? ValidTo, DateTime? PublishedAt, string? ChangeNote);

public sealed record WindowInfo(string VenueName, string Number, string Name);

/// <summary>A full guide as the portal and the API show it.</summary>
public sealed record GuideView(
    string Code,
    int VersionNumber,
    VersionStatus Status,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateTime? PublishedAt,
    string DepartmentName,
    string? DepartmentCreditCode,
    ServiceGuide Guide,
    IReadOnlyList<WindowInfo> AuthorizedWindows,
    IReadOnlyList<GuideVersionInfo> History);

public static class GetGuide
{
    /// <summary>The published version of an item, or a given version number; null when there is none.</summary>
    public static async Task<GuideView?> RunAsync(OneWindowDbContext db, string code, int? versionNumber = null, bool includeDrafts = false, CancellationToken ct = default)
    {
        var versions = db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == code);
        if (!includeDrafts)
        {
            versions = versions.Where(v => v.Status != VersionStatus.Draft);
        }
        var version = versionNumber is { } n
            ? await versions.FirstOrDefaultAsync(v => v.VersionNumber == n, ct)
            : await versions.FirstOrDefaultAsync(v => v.Status == VersionStatus.Published, ct);
        if (version is null)
        {
            return null;
        }
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == version.DepartmentId)
            .Select(d => new { d.Name, d.CreditCode }).FirstOrDefaultAsync(ct);
        var windows = await (from a in db.WindowItems.AsNoTracking()
                             join w in db.Windows on a.WindowId equals w.Id
                             join venue in db.Venues on w.VenueId equals venue.Id
                             where a.ItemCode == code
                             orderby venue.Name, w.Number
                             select new WindowInfo(venue.Name, w.Number, w.Name)).ToListAsync(ct);
        var history = await versions.OrderByDescending(v => v.VersionNumber)
            .Select(v => new GuideVersionInfo(v.VersionNumber, v.Status, v.ValidFrom, v.ValidTo, v.PublishedAt, v.ChangeNote))
            .ToListAsync(ct);
        return new GuideView(code, version.VersionNumber, version.Status, version.ValidFrom, version.ValidTo, version.PublishedAt,
            department?.Name ?? "", department?.CreditCode, version.Guide, windows, history);
    }
}
