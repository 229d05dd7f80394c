using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog.Admin;

/// <summary>Imports a 实施清单 CSV into drafts, and exports the catalog.</summary>
public sealed class ImportModel(CatalogCsv csv) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public IReadOnlyList<ImportRowResult>? Results { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = Text.Translate("请选择要导入的 CSV 文件。");
            return Page();
        }
        if (file.Length > MaxFileBytes)
        {
            Error = Text.Translate("文件过大（上限 10 MB）。");
            return Page();
        }
        try
        {
            await using var stream = file.OpenReadStream();
            Results = await csv.ImportAsync(stream, User.ActorName(), ct);
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
