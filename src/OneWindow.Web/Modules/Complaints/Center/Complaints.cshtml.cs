using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Complaints.Center;

/// <summary>效能投诉 for supervisors: by state, newest first, paged by (FiledAt, Id); those past the five days to accept marked.</summary>
public sealed class ComplaintsModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; } = ComplaintStatus.Filed;
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<EfficiencyComplaint> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        (Rows, Next) = await ComplaintList.PageAsync(db, Status, After, ct);
        DepartmentNames = await CaseDepartments.NamesAsync(db, [.. Rows.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value)], ct);
    }
}
