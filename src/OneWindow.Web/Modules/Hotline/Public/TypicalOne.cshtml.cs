using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Public;

/// <summary>
/// One typical order: the question and the answer as the staff wrote them, the place to the town. One taken down (the
/// caller's withdrawn consent, the staff's take-down) or never published is a 404 page saying only that it is not
/// published, with the way back to the list; not kept by any cache, so a reader sees it again once it is back.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Public)]
public sealed class TypicalOneModel(OneWindowDbContext db) : PageModel
{
    /// <summary>The published order; null when there is none under this address.</summary>
    public PublicTypicalOrder? Order { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Order = await TypicalOrderQueries.PublicOneAsync(db, id, ct);
        if (Order is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Response.Headers.CacheControl = "no-store";
        }
    }
}
