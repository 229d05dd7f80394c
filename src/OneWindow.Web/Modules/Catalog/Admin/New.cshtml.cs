using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>Creates an item with a first draft; the full guide is then filled in on the editor.</summary>
public sealed class NewModel(OneWindowDbContext db, ManageCatalog catalog) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public Guid DepartmentId { get; set; }
    [BindProperty] public ItemType ItemType { get; set; } = ItemType.AdministrativeLicense;

    public string? Error { get; private set; }
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            Error = Text.Translate("事项名称不能为空。");
            await LoadAsync(ct);
            return Page();
        }
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DepartmentId, ct);
        var venue = await db.Venues.AsNoTracking().Where(v => v.Tier == Domain.Organization.VenueTier.CountyCenter).OrderBy(v => v.Name).FirstOrDefaultAsync(ct);
        var guide = new ServiceGuide
        {
            Name = Name.Trim(),
            ItemType = ItemType,
            LegalBasis = "",
            DepartmentId = DepartmentId,
            StatutoryLimitDays = 20,
            PromisedLimitDays = 10,
            AcceptanceConditions = ["属于本机关职权范围", "申请材料齐全、符合法定形式"],
            ProcessNodes =
            [
                new() { Name = "受理", ActingRole = StaffRoles.WindowClerk },
                new() { Name = "审查", ActingRole = StaffRoles.Reviewer, LimitWorkingDays = 5 },
                new() { Name = "审批决定", ActingRole = StaffRoles.Approver, LimitWorkingDays = 5 },
                new() { Name = "制证送达", ActingRole = StaffRoles.WindowClerk },
            ],
            HandlingVenue = venue?.Name,
            HandlingAddress = venue?.Address,
            OfficeHours = venue?.OfficeHours,
            ConsultationPhone = department?.Phone,
            DeliveryMethods = DeliveryMethods.WindowPickup,
        };
        try
        {
            await catalog.CreateItemAsync(Code, guide, User.ActorName(), ct);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = Text.Translate("事项已创建，请完善办事指南后发布。");
        return Redirect($"/admin/catalog/{Uri.EscapeDataString(Code.Trim())}/edit");
    }

    private async Task LoadAsync(CancellationToken ct) => Departments = await PickLists.DepartmentsAsync(db, DepartmentId, null, ct);
}
