using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Workbench.Notices;

/// <summary>督办单: a department's notices (supervisors and leaders: all), newest first, paged by (IssuedAt, Id).</summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public SupervisionViewer Viewer { get; private set; } = null!;
    public IReadOnlyList<SupervisionNotice> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Viewer = await SupervisionViewer.LoadAsync(User, users);
        (Rows, Next) = await NoticeList.PageAsync(db, Viewer, After, ct);
        DepartmentNames = await CaseDepartments.NamesAsync(db, [.. Rows.Select(r => r.DepartmentId)], ct);
    }
}
