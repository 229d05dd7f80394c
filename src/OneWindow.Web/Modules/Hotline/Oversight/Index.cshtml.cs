using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Oversight;

/// <summary>
/// The supervision center's view of the hotline (ADR 0028): a center queue or the overdue, read-only, the list each
/// figure of the dashboard links to; paged by key on the (Status, QueueAt, Id) index.
/// </summary>
public sealed class IndexModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public CenterList List { get; private set; }
    public WorkOrderPage Orders { get; private set; } = new([], null);
    public DateTime Now { get; private set; }
    public bool IsOperator { get; private set; }

    public async Task OnGetAsync(CenterList? list, string? after, CancellationToken ct)
    {
        List = list is { } l && Enum.IsDefined(l) ? l : CenterList.SignOverdue;
        Now = clock.GetUtcNow().UtcDateTime;
        IsOperator = User.IsInRole(StaffRoles.HotlineOperator);
        Orders = await WorkOrderQueries.QueueAsync(db, List, after, Now, ct);
    }
}
