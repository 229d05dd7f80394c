using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Applicants;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants.My;

/// <summary>
/// An applicant's own case: where it stands and what is awaited, the draft form, the one-time notice with its
/// supplement upload, every department's part of a joint case, the files and the steps.
/// </summary>
public sealed class CaseModel(OneWindowDbContext db, ApplyOnline apply, UserManager<UserAccount> users, RegionCalendars calendars, TimeProvider clock) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public OnlineForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public ClockReading Promised { get; private set; } = null!;
    /// <summary>A due date counted through a year whose holiday notice is not loaded yet.</summary>
    public bool DueDateProvisional { get; private set; }
    public IReadOnlyList<FormMaterial> Materials { get; private set; } = [];
    public IReadOnlyList<CaseFile> Files { get; private set; } = [];
    public IReadOnlyList<CaseEvent> Steps { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Departments { get; private set; } = new Dictionary<Guid, string>();
    public string Owner { get; private set; } = "";
    public string? Error { get; private set; }

    public bool Editable => Case.Status is CaseStatus.Draft or CaseStatus.ReturnedForCorrection;
    public bool MayWithdraw => Case.IsOpen && !Case.IsPart && Case.Status is not CaseStatus.ResultIssued;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Error = TempData["Error"] as string;
        Form = new OnlineForm { ApplicantKind = Case.Applicant.Kind, Phone = Case.Applicant.Phone, EnterpriseName = Case.Applicant.Kind == ApplicantKind.Enterprise ? Case.Applicant.Name : null,
            CreditCode = Case.Applicant.Kind == ApplicantKind.Enterprise ? Case.Applicant.IdentityNumber : null };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async materials => await apply.SaveAsync(User, id, Revision, await Form.ToApplicationAsync(Request.Form.Files, materials, ct), ct), "草稿已保存。", ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async materials => await apply.SubmitAsync(User, id, Revision, await Form.ToApplicationAsync(Request.Form.Files, materials, ct), ct), "已提交，政务服务中心将在 1 个工作日内预审。", ct);

    public Task<IActionResult> OnPostSupplementAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ => await apply.SupplementAsync(User, id, Revision, await Upload.FromFormAsync(Request.Form.Files, Case.MissingMaterials, ct), ct), "补正材料已提交，等待窗口受理。", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ => await apply.WithdrawAsync(User, id, Revision, Reason ?? "", ct), "申请已撤回。", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<IReadOnlyList<string>, Task<Case>> action, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        try
        {
            await action([.. Materials.Select(m => m.Name)]);
            TempData["Flash"] = Text.Translate(done);
            return Redirect("/my/cases/" + id);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该申请刚刚有了新的进展，您的操作未保存。页面已刷新，请核对后再操作。");
        }
        // Show what is saved now (a refused submission may have saved the draft first), keeping what was typed.
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(User, users);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseOwnership.MaySee(user, c))
        {
            return false;
        }
        Case = c;
        Owner = user.DisplayName;
        Revision = c.Revision;
        var calendar = await calendars.ForRegionAsync(c.RegionCode);
        Promised = c.ReadPromised(clock.GetUtcNow().UtcDateTime, calendar);
        DueDateProvisional = c.HasProvisionalDueDates(calendar);
        Materials = await apply.MaterialsOfAsync(c, ct);
        Files = await CaseFiles.ListAsync(db, c.Id, ct);
        Steps = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).Take(500).ToListAsync(ct);
        Departments = await CaseDepartments.NamesAsync(db, c, ct);
        return true;
    }
}
