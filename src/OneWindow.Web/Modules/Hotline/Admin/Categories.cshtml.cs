using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline.Admin;

/// <summary>
/// 诉求分类维护: the center administrator's editor of the category tree, one level at a time (the groups, or one group's
/// categories), with the form to add a category or change the one chosen (name, group, default unit, statutory limit,
/// place) and to retire or restore it. A stale change keeps what was typed and says so.
/// </summary>
public sealed class CategoriesModel(OneWindowDbContext db, CreateCategory create, EditCategory edit, RetireCategory retire) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Parent { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ParentCode { get; set; }
    [BindProperty] public Guid? DefaultUnitId { get; set; }
    [BindProperty] public int? HandlingWorkingDays { get; set; }
    [BindProperty] public int SortOrder { get; set; }
    [BindProperty] public int? Revision { get; set; }

    public CategoryRowPage Level { get; private set; } = new([], null);
    public CategoryRow? ParentRow { get; private set; }
    public CategoryRow? Editing { get; private set; }
    public List<SelectListItem> Groups { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public string? Error { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        if (edit is not null && await CategoryTree.FindAsync(db, edit, ct) is { } found)
        {
            Editing = found;
            (Code, Name, ParentCode, DefaultUnitId, HandlingWorkingDays, SortOrder, Revision) =
                (found.Code, found.Name, found.ParentCode, found.DefaultUnitId, found.HandlingWorkingDays, found.SortOrder, found.Revision);
            Parent ??= found.ParentCode;
        }
        else
        {
            ParentCode = Parent;
        }
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => AttemptAsync(async () =>
    {
        var form = new CategoryForm(Code, Name, ParentCode, DefaultUnitId, HandlingWorkingDays, SortOrder, Revision);
        var saved = Revision is null ? await create.RunAsync(form, User.ActorName(), ct) : await edit.RunAsync(Code ?? "", form, User.ActorName(), ct);
        TempData["Flash"] = Text.Formatted("已保存分类“{0}”。", saved.Name);
        return Redirect($"/admin/hotline/categories?parent={Uri.EscapeDataString(saved.ParentCode ?? "")}&edit={Uri.EscapeDataString(saved.Code)}");
    }, ct);

    public Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct) => AttemptAsync(async () =>
    {
        var saved = await retire.RunAsync(Code ?? "", active, Revision ?? -1, User.ActorName(), ct);
        TempData["Flash"] = Text.Formatted(active ? "已启用分类“{0}”。" : "已停用分类“{0}”，已登记的工单仍保留该分类。", saved.Name);
        return Redirect($"/admin/hotline/categories?parent={Uri.EscapeDataString(saved.ParentCode ?? "")}&edit={Uri.EscapeDataString(saved.Code)}");
    }, ct);

    private async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> work, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (DomainRuleException e) when (e.Field is { } field)
        {
            FieldErrors[field] = Text.Translate(e.Message);
        }
        catch (DomainRuleException e)
        {
            Error = Text.Translate(e.Message);
        }
        catch (NotFoundException e)
        {
            Error = Text.Translate(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Text.Translate("该分类已被他人修改，您的输入仍在下方，未保存；请重新打开该分类后再改。");
        }
        if (Revision is not null && Code is not null)
        {
            Editing = await CategoryTree.FindAsync(db, Code, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Parent = string.IsNullOrWhiteSpace(Parent) ? null : Parent.Trim();
        ParentRow = Parent is null ? null : await CategoryTree.FindAsync(db, Parent, ct);
        Level = await CategoryTree.LevelAsync(db, Parent, After, ct);
        var groups = await CategoryTree.GroupsAsync(db, ct);
        Groups = [new(Text.Translate("（无，作为一级分类）"), ""), .. groups.Where(g => g.Code != Code).Select(g => new SelectListItem($"{g.Name}（{g.Code}）", g.Code, g.Code == ParentCode))];
        Units = await HotlinePickLists.UnitsAsync(db, DefaultUnitId, "（不设默认单位）", ct);
    }
}
