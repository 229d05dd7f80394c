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
/// Public and without script: it shows the venue's windows a page at a time (two columns of <see cref="RowsPerColumn"/>,
/// which fit 1920×1080) and reloads onto the next page every <see cref="TurnSeconds"/> seconds (every minute when one
/// page holds them all); each page is also a link (<c>?windows=2</c>).
/// </summary>
public sealed class DisplayModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Items named per window on the screen; the rest are counted.</summary>
    public const int ItemsShown = 6;
    public const int RowsPerColumn = 6;
    public const int TurnSeconds = 20;

    public sealed record WindowLine(string Number, string Name, WindowKind Kind, IReadOnlyList<string> Items, int MoreItems, int ServedToday);

    public Venue Venue { get; private set; } = null!;
    public IReadOnlyList<WindowLine> Windows { get; private set; } = [];
    public DateTime Now { get; private set; }
    public ScreenPages Pages { get; private set; } = ScreenPages.Of(0, 2 * RowsPerColumn, 1);

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "windows")] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(Guid venueId, CancellationToken ct)
    {
        Venue = await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == venueId, ct) ?? throw new NotFoundException("场所不存在。");
        Now = clock.GetUtcNow().UtcDateTime;
        var now = Now;
        var all = await db.Windows.AsNoTracking().Where(w => w.VenueId == venueId).OrderBy(w => w.Number).Take(200).ToListAsync(ct);
        Pages = ScreenPages.Of(all.Count, 2 * RowsPerColumn, PageNumber);
        var windows = Pages.OnPage(all).ToList();
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
