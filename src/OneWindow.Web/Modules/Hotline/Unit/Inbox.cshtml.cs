using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline.Unit;

/// <summary>
/// The unit's inbox (承办单位工单箱): the orders its department leads that are to sign for, objected to or in handling,
/// the nearest limit first, coloured by what is left. A confidential caller is never shown here.
/// </summary>
public sealed class InboxModel(OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock) : PageModel
{
    public WorkOrderPage Orders { get; private set; } = new([], null);
    public DateTime Now { get; private set; }
    public bool HasUnit { get; private set; }
    /// <summary>The unit's open supervision alerts about work orders, newest first (ADR 0028).</summary>
    public IReadOnlyList<Supervision.AlertRow> Alerts { get; private set; } = [];

    public async Task OnGetAsync(string? after, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var user = await users.GetUserAsync(User);
        if (user?.DepartmentId is { } unit)
        {
            HasUnit = true;
            Orders = await WorkOrderQueries.InboxAsync(db, unit, after, Now, ct);
            Alerts = await WorkOrderAlerts.OpenForUnitAsync(db, unit, ct);
        }
    }
}
