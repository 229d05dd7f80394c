using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline.Unit;

/// <summary>
/// 协办工单: the open orders the unit co-handles, the nearest handling limit first, each with the unit's contribution so
/// far and a form to add it while the lead unit has the order (the same use case as the order page and the API).
/// </summary>
public sealed class CoHandlingModel(OneWindowDbContext db, UserManager<UserAccount> users, ContributeToWorkOrder contribute, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    public CoHandlingPage Orders { get; private set; } = new([], null);
    public DateTime Now { get; private set; }
    public bool HasUnit { get; private set; }
    /// <summary>The order whose contribution failed, the reason and what was typed.</summary>
    public (Guid Id, string Message, string? Text)? Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostContributeAsync(Guid id, int revision, string? contribution, CancellationToken ct)
    {
        try
        {
            var order = await contribute.RunAsync(User, id, revision, contribution, ct);
            TempData["Flash"] = Text.Formatted("已向主办单位提交工单 {0} 的协办意见。", order.Number);
            return Redirect("/hotline/inbox/co-handling" + (After is null ? "" : "?after=" + Uri.EscapeDataString(After)));
        }
        catch (DomainRuleException e)
        {
            Failed = (id, Text.Translate(e.Message), contribution);
        }
        catch (ActionNotAllowedException e)
        {
            Failed = (id, Text.Translate(e.Message), contribution);
        }
        catch (NotFoundException e)
        {
            Failed = (id, Text.Translate(e.Message), contribution);
        }
        catch (DbUpdateConcurrencyException)
        {
            Failed = (id, Text.Translate("该工单已有新的办理动态，您的意见仍在下方，未提交；请确认后再提交。"), contribution);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        if ((await users.GetUserAsync(User))?.DepartmentId is { } unit)
        {
            HasUnit = true;
            Orders = await WorkOrderDeskQueries.CoHandlingAsync(db, unit, After, Now, ct);
        }
    }
}
