using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Workbench.Notices;

/// <summary>督办单: a department's notices (supervisors and leaders: all), newest first, paged by (IssuedAt, Id).</summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public SupervisionViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<SupervisionNotice> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = await SupervisionViewer.LoadAsync(User, users);
        var notices = db.SupervisionNotices.AsNoTracking();
        if (!Viewer.SeesAll)
        {
            var own = Viewer.User.DepartmentId;
            notices = notices.Where(n => n.DepartmentId == own);
        }
        if (KeysetCursor.TryParse(After, out var at, out var id))
        {
            notices = notices.Where(n => n.IssuedAt <= at && (n.IssuedAt < at || n.Id.CompareTo(id) < 0));
        }
        (var rows, Next) = await KeysetPage.TakeAsync(notices.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Id), PageSize, n => (n.IssuedAt, n.Id), ct);
        Rows = rows;
        DepartmentNames = await CaseDepartments.NamesAsync(db, [.. rows.Select(r => r.DepartmentId)], ct);
    }
}
