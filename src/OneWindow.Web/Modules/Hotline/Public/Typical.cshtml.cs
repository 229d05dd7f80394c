using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Public;

public sealed record TypicalFilter(string Code, string Name);

/// <summary>典型工单: what the hotline handled, published with the callers' consent and without personal data; newest first, by key.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class TypicalModel(OneWindowDbContext db) : PageModel
{
    public string? Category { get; private set; }
    public string? After { get; private set; }
    public PublicTypicalPage Orders { get; private set; } = new([], null);
    /// <summary>The category groups (城乡建设, 交通运输, …): the filter.</summary>
    public IReadOnlyList<TypicalFilter> Groups { get; private set; } = [];

    public async Task OnGetAsync(string? category, string? after, CancellationToken ct)
    {
        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        After = after;
        Orders = await TypicalOrderQueries.PublicAsync(db, Category, after, ct);
        Groups = await db.Set<HotlineCategory>().AsNoTracking().Where(c => c.Active && c.ParentCode == null).OrderBy(c => c.SortOrder)
            .Select(c => new TypicalFilter(c.Code, c.Name)).ToListAsync(ct);
    }
}
