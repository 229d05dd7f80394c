using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Center;

/// <summary>典型工单 for the center's staff: the candidates (concluded, consented, not public) and what is public, each paged by key.</summary>
public sealed class TypicalModel(OneWindowDbContext db) : PageModel
{
    public bool ShowPublished { get; private set; }
    public TypicalCandidatePage Candidates { get; private set; } = new([], null);
    public PublicTypicalPage Published { get; private set; } = new([], null);
    /// <summary>The order each published row was written of: its editor's address.</summary>
    public Dictionary<Guid, Guid> OrderOf { get; private set; } = [];

    public async Task OnGetAsync(string? show, string? after, CancellationToken ct)
    {
        ShowPublished = show == "published";
        if (ShowPublished)
        {
            Published = await TypicalOrderQueries.PublicAsync(db, null, after, ct);
            var ids = Published.Items.Select(p => p.Id).ToList();
            OrderOf = await db.Set<TypicalOrder>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.WorkOrderId, ct);
        }
        else
        {
            Candidates = await TypicalOrderQueries.CandidatesAsync(db, after, ct);
        }
    }
}
