using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Workbench.Alerts;

/// <summary>
/// 监察预警: a department's alerts to explain or rectify (supervisors: the answers to review), and the person's
/// workbench notifications, newest first.
/// </summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users, MarkNotificationsRead markRead) : PageModel
{
    public const int NotificationCount = 20;

    [BindProperty(SupportsGet = true)] public AlertStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public AlertSeverity? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    /// <summary>"all" lists every status; otherwise one status, by default the one this person acts on.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public SupervisionViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<AlertRow> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public IReadOnlyList<StaffNotification> Notifications { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = await SupervisionViewer.LoadAsync(User, users);
        Status ??= Show == "all" ? null : Viewer.IsSupervisor ? AlertStatus.Responded : AlertStatus.Notified;
        (Rows, Next) = await AlertList.PageAsync(db, Viewer, Status, Severity, Department, After, ct);
        var userId = Viewer.User.Id;
        Notifications = await db.StaffNotifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id).Take(NotificationCount).ToListAsync(ct);
        DepartmentNames = await CaseDepartments.NamesAsync(db, [.. Rows.Select(r => r.DepartmentId)], ct);
    }

    /// <summary>Marks this person's notifications read.</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await markRead.RunAsync(user.Id, ct);
        return Redirect("/workbench/alerts");
    }

    public string PageLink(string? after) =>
        $"/workbench/alerts?show={(Status is null ? "all" : "")}&status={Status}&severity={Severity}&department={Department}&after={Uri.EscapeDataString(after ?? "")}";
}
