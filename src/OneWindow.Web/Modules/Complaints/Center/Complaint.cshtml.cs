using OneWindow.Web.Modules.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Supervision;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Complaints;

namespace OneWindow.Web.Modules.Complaints.Center;

/// <summary>One complaint: accept or refuse it (within five working days), then conclude it with findings and the reply.</summary>
public sealed class ComplaintModel(HandleComplaints complaints, RevealComplainant reveal, OneWindowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Upheld { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Reply { get; set; }
    /// <summary>Why the complainant's full phone is looked at (recorded in the audit entry).</summary>
    [BindProperty] public string? RevealReason { get; set; }

    public EfficiencyComplaint Complaint { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public string? DepartmentName { get; private set; }
    public DateTime Now { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The complainant's full name and phone, only after an explicit, audited request by a supervisor (to call back).</summary>
    public ComplainantInFull? Revealed { get; private set; }

    /// <summary>What the signed-in person may do with the complaint now (the forms shown).</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            Revealed = await reveal.RunAsync(User, id, RevealReason, ct);
            PersonalData.NoStore(Response);
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) => RunAsync(id, () => complaints.AcceptAsync(User, id, Revision, DepartmentId, ct), "已受理。", ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => RunAsync(id, () => complaints.RefuseAsync(User, id, Revision, Reason, ct), "已不予受理并答复。", ct);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => complaints.ConcludeAsync(User, id, Revision, Upheld, Findings, Reply, ct), "投诉已办结并答复。", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<EfficiencyComplaint>> act, string done, CancellationToken ct)
    {
        (var result, Error) = await RecordAction.RunAsync(this, act, done, $"/supervision/complaints/{id}", "该投诉刚刚被他人处理，请核对后再操作。");
        if (result is not null)
        {
            return result;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Complaint = await ComplaintList.OneAsync(db, id, ct);
        Actions = ComplaintActions.For(User, Complaint);
        Now = clock.GetUtcNow().UtcDateTime;
        Departments = await PickLists.DepartmentsAsync(db, Complaint.DepartmentId, "（不属于部门）", ct);
        DepartmentName = Complaint.DepartmentId is { } d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
    }
}
