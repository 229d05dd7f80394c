using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Supervision.Center;

/// <summary>电子监察中心: the live dashboard. Rendered complete on the server; a small script keeps it current over server-sent events.</summary>
public sealed class IndexModel(LiveFigures live, OneWindowDbContext db) : PageModel
{
    public LiveView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var figures = await live.GetAsync(ct);
        View = LiveView.From(figures, await CaseDepartments.NamesAsync(db, [.. figures.LatestCards.Select(c => c.DepartmentId)], ct));
    }
}
