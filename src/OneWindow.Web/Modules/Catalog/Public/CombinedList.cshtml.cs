using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

public sealed class CombinedListModel(OneWindowDbContext db) : PageModel
{
    public IReadOnlyList<CombinedItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.CombinedItems.AsNoTracking().Where(c => c.Status == VersionStatus.Published).OrderBy(c => c.Code).Take(200).ToListAsync(ct);
}
