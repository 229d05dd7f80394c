using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Supervision.Center;

/// <summary>下发督办单: about a case (its department is taken from it) or about a department's matter, with a reply date in working days.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class NewNoticeModel(HandleAlerts handle, OneWindowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Case { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Requirement { get; set; }
    [BindProperty] public int ReplyWorkingDays { get; set; } = 3;

    public List<SelectListItem> Departments { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Departments = await PickLists.DepartmentsAsync(db, DepartmentId, "（按案件确定）", ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var notice = await handle.IssueNoticeAsync(User, Case, DepartmentId, Title, Requirement, ReplyWorkingDays, ct);
            TempData["Flash"] = Text.Formatted("督办单 {0} 已下发。", notice.Number);
            return Redirect($"/workbench/notices/{notice.Id}");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            ErrorField = e.Field;
        }
        await OnGetAsync(ct);
        return Page();
    }
}
