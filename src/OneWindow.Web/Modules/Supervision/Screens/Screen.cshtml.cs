using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Screens;

/// <summary>
/// 数据大屏: the hall's 1920×1080 screen. Aggregates only (no case numbers, names or alerts' details), so it may
/// hang in the public hall; it follows the same live figures as the supervision dashboard. The window list is shown a
/// page at a time: the script turns the pages every <see cref="TurnSeconds"/> seconds; without script the page
/// reloads onto the next one (<c>?windows=2</c>), and each page is a link.
/// </summary>
public sealed class ScreenModel(LiveFigures live) : PageModel
{
    /// <summary>The most window rows the panel holds at 1920×1080.</summary>
    public const int WindowRows = 14;
    public const int TurnSeconds = 10;

    public LiveView View { get; private set; } = null!;
    public string Json { get; private set; } = "{}";
    public ScreenPages WindowPages { get; private set; } = ScreenPages.Of(0, WindowRows, 1);

    [BindProperty(SupportsGet = true, Name = "windows")] public int WindowPage { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = PublicView(await live.GetAsync(ct));
        Json = JsonSerializer.Serialize(View, OneWindowDbContext.DocumentJson);
        WindowPages = ScreenPages.Of(View.Windows.Count, WindowRows, WindowPage);
    }

    /// <summary>The figures without anything about a person or a case.</summary>
    public static LiveView PublicView(DashboardFigures figures) =>
        LiveView.From(figures, new Dictionary<Guid, string>()) with { Cards = [] };
}
