using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>The search synonyms: what citizens type and the catalog's words a search for it also looks for.</summary>
public sealed class SynonymsModel(ManageSynonyms synonyms) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string Term { get; set; } = "";
    [BindProperty] public string? Words { get; set; }
    [BindProperty] public int? Revision { get; set; }

    public SynonymPage List { get; private set; } = new([], null);
    public bool Editing => Revision is not null;
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? edit, CancellationToken ct)
    {
        if (edit is not null && await synonyms.GetAsync(edit, ct) is { } found)
        {
            Term = found.Term;
            Words = string.Join('、', found.Words);
            Revision = found.Revision;
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        try
        {
            var words = (Words ?? "").Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var saved = await synonyms.SaveAsync(Term ?? "", words, Revision, User.ActorName(), ct);
            TempData["Flash"] = Text.Formatted("已保存：搜索“{0}”时也查找 {1}。", saved.Term, string.Join("、", saved.Words));
            return Redirect("/admin/catalog/synonyms?q=" + Uri.EscapeDataString(saved.Term));
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        catch (NotFoundException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Revision is null
                ? Text.Translate("这个群众用语已经存在，您的输入未保存；请在列表中点“编辑”修改它。")
                : Text.Translate("该同义词已被他人修改，您的输入仍在下方，未保存；请刷新后重试。");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string term, CancellationToken ct)
    {
        try
        {
            await synonyms.DeleteAsync(term, User.ActorName(), ct);
            TempData["Flash"] = Text.Formatted("已删除“{0}”。", term);
        }
        catch (NotFoundException e)
        {
            TempData["Flash"] = e.Message;
        }
        return Redirect("/admin/catalog/synonyms");
    }

    private async Task LoadAsync(CancellationToken ct) => List = await synonyms.ListAsync(Q, After, ManageSynonyms.PageSize, ct);
}
