using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Organization;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Organization.Admin;

public sealed class DepartmentsModel(OneWindowDbContext db, ManageOrganization manage) : PageModel
{
    [BindProperty] public Guid? Id { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string CreditCode { get; set; } = "";
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string RegionCode { get; set; } = "";

    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public string? Error { get; private set; }
    public bool OfferOverride { get; private set; }

    public async Task OnGetAsync(Guid? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        RegionCode = Departments.FirstOrDefault()?.RegionCode ?? "";
        if (edit is { } id && Departments.FirstOrDefault(d => d.Id == id) is { } d)
        {
            (Id, Name, CreditCode, OverrideReason, Phone, RegionCode) = (d.Id, d.Name, d.CreditCode, d.CreditCodeOverrideReason, d.Phone, d.RegionCode);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await manage.SaveDepartmentAsync(Id, Name, CreditCode, OverrideReason, RegionCode, Phone, User.ActorName(), ct);
            TempData["Flash"] = Text.Translate("部门已保存。");
            return Redirect("/admin/org/departments");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            OfferOverride = e.Code == "uscc.check-character";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Take(500).ToListAsync(ct);
}
