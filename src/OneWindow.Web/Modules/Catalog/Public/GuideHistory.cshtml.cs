using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class GuideHistoryModel(OneWindowDbContext db) : PageModel
{
    public GuideView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var view = await GetGuide.RunAsync(db, code, ct: ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
