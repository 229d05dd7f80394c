using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>
/// Edits the draft of an item: every element of the guide, rows added without JavaScript, a check before
/// publishing, and publication. Input is never thrown away: a refused save shows the form as it was posted.
/// </summary>
public sealed class EditModel(OneWindowDbContext db, ManageCatalog catalog, GuideFiles files) : PageModel
{
    [BindProperty] public GuideForm Form { get; set; } = new();
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Note { get; set; }

    public string Code { get; private set; } = "";
    public int? DraftVersion { get; private set; }
    public int? PublishedVersion { get; private set; }
    public IReadOnlyList<GuideProblem> Problems { get; private set; } = [];
    public string? Error { get; private set; }
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, resetForm: true, ct))
        {
            return NotFound();
        }
        if (DraftVersion is not null)
        {
            Problems = GuideValidation.Check(Form.ToGuide());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddRowAsync(string code, string? section, CancellationToken ct)
    {
        if (!await LoadAsync(code, resetForm: false, ct))
        {
            return NotFound();
        }
        Form.AddRow(section);
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct) => await SaveThenAsync(code, publish: false, ct);

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct) => await SaveThenAsync(code, publish: true, ct);

    public async Task<IActionResult> OnPostStartDraftAsync(string code, CancellationToken ct)
    {
        try
        {
            await catalog.StartDraftAsync(code, User.ActorName(), Note, ct);
            TempData["Flash"] = Text.Translate("已新建草稿版本，可在下方编辑。");
        }
        catch (DomainRuleException e)
        {
            TempData["Flash"] = e.Message;
        }
        return RedirectToPage(new { code });
    }

    private async Task<IActionResult> SaveThenAsync(string code, bool publish, CancellationToken ct)
    {
        if (!await LoadAsync(code, resetForm: false, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Error = Text.Translate("有字段格式不正确（如时限须为整数），请检查标红的字段。");
            return Page();
        }
        try
        {
            await StoreUploadsAsync(ct);
            var saved = await catalog.EditDraftAsync(code, DraftVersion ?? 0, Revision, Form.ToGuide(), User.ActorName(), Note, ct);
            Revision = saved.Revision;
            if (publish)
            {
                await catalog.PublishAsync(code, User.ActorName(), ct);
                TempData["Flash"] = Text.Translate("已发布，门户网站已显示新版本。");
                return Redirect($"/guides/{Uri.EscapeDataString(code)}");
            }
            TempData["Flash"] = Text.Translate("草稿已保存。");
            return RedirectToPage(new { code });
        }
        catch (GuideInvalidException e)
        {
            // The draft was saved; only the publication was refused.
            Problems = e.Problems;
            Error = Text.Translate("草稿已保存，但办事指南尚不完整，不能发布：");
            await LoadAsync(code, resetForm: false, ct);
            ModelState.Clear();
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该草稿已被他人修改。您填写的内容仍在下方，未保存；请另存您的修改后刷新页面重新编辑。");
            return Page();
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            return Page();
        }
    }

    /// <summary>Stores the forms and samples uploaded with the materials; they are saved with the draft.</summary>
    private async Task StoreUploadsAsync(CancellationToken ct)
    {
        foreach (var m in Form.Materials.Where(m => !m.Remove))
        {
            if (m.TemplateUpload is { Length: > 0 } template)
            {
                var file = await files.AddAsync(template, User.ActorName(), ct);
                m.TemplateFileId = file.Id;
                m.TemplateFile ??= Path.GetFileNameWithoutExtension(file.FileName);
            }
            if (m.SampleUpload is { Length: > 0 } sample)
            {
                var file = await files.AddAsync(sample, User.ActorName(), ct);
                m.SampleFileId = file.Id;
                m.SampleFile ??= Path.GetFileNameWithoutExtension(file.FileName);
            }
        }
    }

    private async Task<bool> LoadAsync(string code, bool resetForm, CancellationToken ct)
    {
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => v.ItemCode == code)
            .OrderByDescending(v => v.VersionNumber).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return false;
        }
        Code = code;
        var draft = versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);
        DraftVersion = draft?.VersionNumber;
        PublishedVersion = versions.FirstOrDefault(v => v.Status == VersionStatus.Published)?.VersionNumber;
        if (resetForm)
        {
            var shown = draft ?? versions[0];
            Form = GuideForm.From(shown.Guide);
            Revision = shown.Revision;
        }
        Departments = await PickLists.DepartmentsAsync(db, Form.DepartmentId, null, ct);
        return true;
    }
}
