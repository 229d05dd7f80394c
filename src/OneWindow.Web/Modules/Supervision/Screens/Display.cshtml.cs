using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Catalog;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision.Screens;

/// <summary>
/// 窗口显示屏: the screen at a venue's entrance: each window, what it handles, and how many it has served today.
/// Public; it refreshes itself every minute without script.
/// </summary>
public sealed class DisplayModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Items named per window on the screen; the rest are counted.</summary>
    public const int ItemsShown = 6;

    public sealed record WindowLine(string Number, string Name, WindowKind Kind, IReadOnlyList<string> Items, int MoreItems, int ServedToday);

    public Venue Venue { get; private set; } = null!;
    public IReadOnlyList<WindowLine> Windows { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(Guid venueId, CancellationToken ct)
    {
        Venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("场所不存在。");
        Now = clock.GetUtcNow().UtcDateTime;
        var now = Now;
        var windows = await db.Windows.AsNoTracking().Where(w => w.VenueId == venueId).OrderBy(w => w.Number).Take(200).ToListAsync(ct);
        var ids = windows.Select(w => w.Id).ToList();
        var served = await DashboardFigures.ServedTodayAsync(db, now, ids, ct); // counted as the dashboard counts
        var authorized = await db.WindowItems.AsNoTracking().Where(a => ids.Contains(a.WindowId))
            .Join(db.ServiceItemVersions.Where(v => v.Status == VersionStatus.Published), a => a.ItemCode, v => v.ItemCode, (a, v) => new { a.WindowId, v.ItemCode, v.Name })
            .OrderBy(x => x.ItemCode).Take(5000).ToListAsync(ct);
        Windows = [.. windows.Select(w =>
        {
            var items = authorized.Where(a => a.WindowId == w.Id).Select(a => a.Name).ToList();
            return new WindowLine(w.Number, w.Name, w.Kind, [.. items.Take(ItemsShown)], Math.Max(0, items.Count - ItemsShown), served.GetValueOrDefault(w.Id));
        })];
    }
}
