using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Screens;

/// <summary>
/// 数据大屏: the hall's 1920×1080 screen. Aggregates only (no case numbers, names or alerts' details), so it may
/// hang in the public hall; it follows the same live figures as the supervision dashboard.
/// </summary>
public sealed class ScreenModel(LiveFigures live) : PageModel
{
    public LiveView View { get; private set; } = null!;
    public string Json { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = PublicView(await live.GetAsync(ct));
        Json = JsonSerializer.Serialize(View, OneWindowDbContext.DocumentJson);
    }

    /// <summary>The figures without anything about a person or a case.</summary>
    public static LiveView PublicView(DashboardFigures figures) =>
        LiveView.From(figures, new Dictionary<Guid, string>()) with { Cards = [] };
}
