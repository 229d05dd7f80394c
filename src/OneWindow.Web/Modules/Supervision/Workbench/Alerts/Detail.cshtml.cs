using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Workbench.Alerts;

/// <summary>One alert: what fired and why, its history, the department's answer and the supervisor's review.</summary>
public sealed class DetailModel(HandleAlerts alerts, OneWindowDbContext db) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public AlertResponse Answer { get; set; } = AlertResponse.Explained;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Note { get; set; }

    public SupervisionAlert Alert { get; private set; } = null!;
    public SupervisionViewer Viewer { get; private set; } = null!;
    public string DepartmentName { get; private set; } = "";
    public string? Error { get; private set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => alerts.RespondAsync(User, id, Revision, Answer, Text, ct), "已提交，等待监察人员审核。", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => alerts.ReviewAsync(User, id, Revision, true, Note, ct), "预警已办结。", ct);

    public Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => alerts.ReviewAsync(User, id, Revision, false, Note, ct), "已退回部门重新说明。", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<SupervisionAlert>> act, string done, CancellationToken ct)
    {
        (var result, Error) = await RecordAction.RunAsync(this, act, done, $"/workbench/alerts/{id}", "该预警刚刚被他人处理，请核对后再操作。");
        if (result is not null)
        {
            return result;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Alert, Viewer) = await alerts.LoadAlertAsync(User, id, ct);
        var departmentId = Alert.DepartmentId;
        DepartmentName = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
    }
}
