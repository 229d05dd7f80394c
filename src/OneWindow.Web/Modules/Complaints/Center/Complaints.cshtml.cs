using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Complaints.Center;

/// <summary>效能投诉 for supervisors: by state, newest first, paged by (FiledAt, Id); those past the five days to accept marked.</summary>
public sealed class ComplaintsModel(OneWindowDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; } = ComplaintStatus.Filed;
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<EfficiencyComplaint> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var complaints = db.EfficiencyComplaints.AsNoTracking();
        if (Status is { } s)
        {
            complaints = complaints.Where(c => c.Status == s);
        }
        if (KeysetCursor.TryParse(After, out var at, out var id))
        {
            complaints = complaints.Where(c => c.FiledAt <= at && (c.FiledAt < at || c.Id.CompareTo(id) < 0));
        }
        (var rows, Next) = await KeysetPage.TakeAsync(complaints.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Id), PageSize, c => (c.FiledAt, c.Id), ct);
        Rows = rows;
        DepartmentNames = await CaseDepartments.NamesAsync(db, [.. rows.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value)], ct);
    }
}
