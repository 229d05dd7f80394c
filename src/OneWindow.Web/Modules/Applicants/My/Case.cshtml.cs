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
    /// <summary>The draft's file to remove or replace.</summary>
    [BindProperty] public Guid FileId { get; set; }

    public Case Case { get; private set; } = null!;
    public ClockReading Promised { get; private set; } = null!;
    /// <summary>A due date counted through a year whose holiday notice is not loaded yet.</summary>
    public bool DueDateProvisional { get; private set; }
    public IReadOnlyList<FormMaterial> Materials { get; private set; } = [];
    public IReadOnlyList<DeliveryMethod> DeliveryOffered { get; private set; } = [];
    public IReadOnlyList<CaseFile> Files { get; private set; } = [];
    public IReadOnlyList<CaseEvent> Steps { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Departments { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>The notices and decisions issued so far, to read and print.</summary>
    public IReadOnlyList<MyNotice> Notices { get; private set; } = [];
    public string Owner { get; private set; } = "";
    public string? Error { get; private set; }
    /// <summary>The application form's fields (一表通), and what was wrong in the answers posted.</summary>
    public IReadOnlyList<OneWindow.Domain.Catalog.FormField> Fields { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = [];
    public OneWindow.Web.Modules.Catalog.ApplicationFormView Application => new(Fields, Form.Answers, FieldErrors, "Form.Answers");

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
            CreditCode = Case.Applicant.Kind == ApplicantKind.Enterprise ? Case.Applicant.IdentityNumber : null,
            Delivery = Case.Delivery.Requested ?? DeliveryOffered[0], DeliveryAddress = Case.Delivery.Address,
            Answers = Case.FormAnswers.ToDictionary(a => a.Key, a => (string?)a.Value) };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async materials => await apply.SaveAsync(User, id, Revision, await Form.ToApplicationAsync(Request.Form.Files, materials, ct), ct), "草稿已保存。", ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async materials => await apply.SubmitAsync(User, id, Revision, await Form.ToApplicationAsync(Request.Form.Files, materials, ct), ct), "已提交，政务服务中心将在 1 个工作日内预审。", ct,
            notDone: "申请尚未提交。");

    public Task<IActionResult> OnPostSupplementAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ =>
        {
            var (uploads, refused) = await OnlineUploads.ReadAsync(Request.Form.Files, Case.MissingMaterials, ct);
            return new OnlineResult(await apply.SupplementAsync(User, id, Revision, uploads, ct, refused), []);
        }, "补正材料已提交，等待窗口受理。", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ => new OnlineResult(await apply.WithdrawAsync(User, id, Revision, Reason ?? "", ct), []), "申请已撤回。", ct);

    public Task<IActionResult> OnPostRemoveFileAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ => new OnlineResult(await apply.RemoveFileAsync(User, id, Revision, FileId, ct), []), "文件已删除。", ct);

    /// <summary>The replacement comes in the input <c>replacement</c>; a file over the limit is refused unread, the old one kept.</summary>
    public Task<IActionResult> OnPostReplaceFileAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async _ =>
        {
            var file = Request.Form.Files.GetFile("replacement") is { FileName.Length: > 0 } f ? f
                : throw new DomainRuleException("file.required", Text.Translate("请选择用于替换的文件。"), "files");
            var upload = await OnlineUploads.ReadOneAsync(file, "", ct);
            if (upload is null)
            {
                var refused = RefusedFile.TooLarge("", file.FileName);
                throw new DomainRuleException(refused.Code, refused.Message + Text.Translate("原文件未改动。"), "files");
            }
            return new OnlineResult(await apply.ReplaceFileAsync(User, id, Revision, FileId, upload, ct), []);
        }, "文件已替换。", ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<IReadOnlyList<string>, Task<OnlineResult>> action, string done, CancellationToken ct, string? notDone = null)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        try
        {
            var result = await action([.. Materials.Select(m => m.Name)]);
            if (result.Refused.Count > 0)
            {
                // The rest of the save stands: the page shows it as saved, and which files were not kept.
                TempData["Error"] = RefusedFile.Summary(result.Refused) + (notDone is null ? "" : Text.Translate(notDone));
            }
            else
            {
                TempData["Flash"] = Text.Translate(done);
            }
            return Redirect("/my/cases/" + id);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            foreach (var (field, message) in e.Errors ?? new Dictionary<string, string>())
            {
                FieldErrors[field] = message;
            }
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
        DeliveryOffered = await apply.DeliveryOfferedAsync(c, ct);
        Fields = await apply.FieldsOfAsync(c, ct);
        Files = await CaseFiles.ListAsync(db, c.Id, ct);
        Steps = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).Take(500).ToListAsync(ct);
        Departments = await CaseDepartments.NamesAsync(db, c, ct);
        Notices = MyNotices.Of(c, Steps.Select(e => e.Action));
        return true;
    }
}
