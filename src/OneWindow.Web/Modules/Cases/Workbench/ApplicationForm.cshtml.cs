using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.Web.Modules.Cases.Workbench;

/// <summary>The case's application form (申请表) filled with its answers, printed for the applicant to check and sign.</summary>
public sealed class ApplicationFormModel(OpenCase open, CaseApplicationForm forms) : PageModel
{
    public string Number { get; private set; } = "";
    public ApplicationFormPrintout Printout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var c = await open.LoadForAsync(User, number, ct);
        if (await forms.PrintoutAsync(c, ct) is not { } printout)
        {
            return NotFound();
        }
        Number = c.Number;
        Printout = printout;
        return Page();
    }
}
