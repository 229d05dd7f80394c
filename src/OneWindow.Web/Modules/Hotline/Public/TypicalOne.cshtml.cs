using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Public;

/// <summary>One typical order: the question and the answer as the staff wrote them, the place to the town; gone once taken down.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Public)]
public sealed class TypicalOneModel(OneWindowDbContext db) : PageModel
{
    public PublicTypicalOrder Order { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Order = await TypicalOrderQueries.PublicOneAsync(db, id, ct) ?? throw new NotFoundException("该典型工单不存在或已撤下。");
    }
}
