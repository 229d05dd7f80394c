using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Supervision.Workbench.Notices;

/// <summary>One supervision notice: the requirement and its date, the department's reply, the supervisor's closing.</summary>
public sealed class DetailModel(HandleAlerts handle, OneWindowDbContext db) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? Note { get; set; }

    public SupervisionNotice Notice { get; private set; } = null!;
    public SupervisionViewer Viewer { get; private set; } = null!;
    public string DepartmentName { get; private set; } = "";
    public SupervisionAlert? RedCard { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handle.ReplyAsync(User, id, Revision, Reply, ct), "已回复，等待监察人员审核。", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handle.CloseNoticeAsync(User, id, Revision, Note, ct), "督办单已办结。", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<SupervisionNotice>> act, string done, CancellationToken ct)
    {
        (var result, Error) = await RecordAction.RunAsync(this, act, done, $"/workbench/notices/{id}", "该督办单刚刚被他人处理，请核对后再操作。");
        if (result is not null)
        {
            return result;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Notice, Viewer) = await handle.LoadNoticeAsync(User, id, ct);
        var departmentId = Notice.DepartmentId;
        DepartmentName = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        RedCard = await db.SupervisionAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.NoticeId == id, ct);
    }
}
