using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Hotline.Center;

/// <summary>The center's queues (待处置, 退单待裁定, 延期待审批, 答复待审核, 待回访, 回访不满意, 办理中), each paged by key on its index.</summary>
public sealed class ListsModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public CenterList List { get; private set; }
    public WorkOrderPage Orders { get; private set; } = new([], null);
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CenterList? list, string? after, CancellationToken ct)
    {
        List = list is { } l && Enum.IsDefined(l) ? l : CenterList.Registered;
        Now = clock.GetUtcNow().UtcDateTime;
        Orders = await WorkOrderQueries.QueueAsync(db, List, after, Now, ct);
    }
}
