using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Complaints.Public;

/// <summary>效能投诉 online (anyone, named or anonymous) or at the hall's complaints desk (a supervisor files for the visitor).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.Public)]
public sealed class NewModel(HandleComplaints complaints, OneWindowDbContext db) : PageModel
{
    [BindProperty] public ComplaintAbout About { get; set; } = ComplaintAbout.Case;
    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public List<SelectListItem> Departments { get; private set; } = [];
    public string? Error { get; private set; }
    public string? FiledCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Departments = await PickLists.DepartmentsAsync(db, DepartmentId, "（不清楚）", ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var complaint = await complaints.FileAsync(User, new ComplaintForm(About, CaseNumber, Target, DepartmentId, Details, Anonymous, Name, Phone), ct);
            FiledCode = complaint.TrackingCode;
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
