using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Catalog.Public;

/// <summary>The blank application form (申请表) of a published guide, to print and fill in by hand (一表通).</summary>
public sealed class ApplicationFormModel(OneWindowDbContext db) : PageModel
{
    public string Code { get; private set; } = "";
    public ApplicationFormPrintout Printout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await GetGuide.RunAsync(db, code, ct: ct) is not { Guide.Form.Count: > 0 } view)
        {
            return NotFound();
        }
        Code = view.Code;
        Printout = new(view.DepartmentName, view.Guide.Name, ApplicationFormView.Blank(view.Guide.Form, ""));
        return Page();
    }
}
