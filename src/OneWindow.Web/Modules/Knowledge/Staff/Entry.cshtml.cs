using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Knowledge.Staff;

/// <summary>
/// One entry: the editor (new, or a new version of an existing one on the revision shown), the versions, an old
/// version read as it was (<c>?version=N</c>), withdraw and publish again. Another's save in between is a readable
/// message and what was typed stays.
/// </summary>
public sealed class EntryModel(OneWindowDbContext db, UserManager<UserAccount> users, CreateEntry create, EditEntry edit, WithdrawEntry withdraw, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? CategoryCode { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? ServiceItemCode { get; set; }
    [BindProperty] public string? Keywords { get; set; }
    [BindProperty] public DateOnly? ReviewDue { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int Revision { get; set; }

    public KnowledgeEntryView? Entry { get; private set; }
    public KnowledgeVersionView? OldVersion { get; private set; }
    public KnowledgeAuthor Author { get; private set; } = null!;
    public bool MayWrite => Entry is null || Author.MayWrite(Entry.DepartmentId);
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Departments { get; private set; } = [];
    public string? Error { get; private set; }
    private DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken ct)
    {
        if (!TryId(id, out var entryId))
        {
            return NotFound();
        }
        await LoadAsync(entryId, ct);
        if (Entry is { } e)
        {
            Question = e.Question;
            Answer = e.Answer;
            CategoryCode = e.CategoryCode;
            DepartmentId = e.DepartmentId;
            ServiceItemCode = e.ServiceItemCode;
            Keywords = string.Join(" ", e.Keywords);
            ReviewDue = e.DueForReview || e.ReviewDue <= Today ? Today.AddDays(180) : e.ReviewDue;
            Revision = e.Revision;
            if (version is { } n && n != e.Version)
            {
                OldVersion = await KnowledgeQueries.VersionAsync(db, e.Id, n, ct);
            }
        }
        else
        {
            DepartmentId = Author.DepartmentId;
            ReviewDue = Today.AddDays(180);
        }
        await ListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!TryId(id, out var entryId))
        {
            return NotFound();
        }
        var draft = new KnowledgeDraft(Question, Answer, CategoryCode, DepartmentId ?? Guid.Empty, ServiceItemCode,
            (Keywords ?? "").Split([' ', '\u3000', '，', ','], StringSplitOptions.RemoveEmptyEntries), ReviewDue ?? default, Note);
        try
        {
            var entry = entryId is { } existing ? await edit.RunAsync(User, existing, Revision, draft, ct) : await create.RunAsync(User, draft, ct);
            TempData["Flash"] = Text.Formatted(entryId is null ? "知识库条目已发布（第 {0} 版）。" : "已保存为第 {0} 版，旧版本仍可查看。", entry.Version);
            return Redirect($"/knowledge/{entry.Id}");
        }
        catch (Exception e) when (e is DomainRuleException or DbUpdateConcurrencyException or ActionNotAllowedException)
        {
            Error = e is DbUpdateConcurrencyException ? Text.Translate("保存前已有人修改了该条目，请查看最新版本后再修改（您填写的内容仍在下方）。") : e.Message;
            await LoadAsync(entryId, ct);
            await ListsAsync(ct);
            return Page();
        }
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => StatusAsync(id, true, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => StatusAsync(id, false, ct);

    private async Task<IActionResult> StatusAsync(Guid id, bool withdrawing, CancellationToken ct)
    {
        try
        {
            await withdraw.RunAsync(User, id, Revision, withdrawing, ct);
            TempData["Flash"] = Text.Translate(withdrawing ? "条目已撤回，坐席检索不到它，但仍可查看。" : "条目已重新发布。");
        }
        catch (Exception e) when (e is DomainRuleException or DbUpdateConcurrencyException or ActionNotAllowedException)
        {
            TempData["Flash"] = e is DbUpdateConcurrencyException ? Text.Translate("已有人修改了该条目，请刷新后再试。") : e.Message;
        }
        return Redirect($"/knowledge/{id}");
    }

    /// <summary>"new" for a new entry, otherwise the entry's id.</summary>
    private static bool TryId(string id, out Guid? entryId)
    {
        entryId = Guid.TryParse(id, out var g) ? g : null;
        return entryId is not null || id == "new";
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Author = await KnowledgeStaff.AuthorAsync(User, users, db);
        Entry = id is { } e ? await KnowledgeQueries.GetAsync(db, e, Today, ct) : null;
    }

    private async Task ListsAsync(CancellationToken ct)
    {
        Categories = await KnowledgePickLists.CategoriesAsync(db, CategoryCode, "（请选择）", ct);
        Departments = await KnowledgePickLists.DepartmentsAsync(db, DepartmentId, null, ct);
        if (!Author.IsCenter)
        {
            Departments = [.. Departments.Where(d => d.Value == Author.DepartmentId?.ToString())];
        }
    }
}
