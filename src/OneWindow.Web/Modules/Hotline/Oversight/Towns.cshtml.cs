using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Oversight;

/// <summary>
/// 乡镇工单: the county government coordinator's read-only view of the open orders towns lead (all towns, or one), the
/// nearest running limit first, paged by key on the desk rows (ADR 0034). The supervision center's readers see it too.
/// </summary>
public sealed class TownsModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public Guid? TownId { get; private set; }
    public WorkOrderPage Orders { get; private set; } = new([], null);
    public List<SelectListItem> Towns { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool IsOperator { get; private set; }

    public async Task OnGetAsync(Guid? townId, string? after, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        IsOperator = User.IsInRole(StaffRoles.HotlineOperator);
        var towns = (await HotlineUnits.AllAsync(db, ct)).Where(u => u.Kind == HotlineUnitKind.Town).ToList();
        TownId = towns.Any(t => t.Id == townId) ? townId : null;
        Towns = [new(Text.Translate("全部乡镇"), ""), .. towns.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == TownId))];
        Orders = await WorkOrderDeskQueries.TownOrdersAsync(db, TownId, after, Now, ct);
    }
}
