using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;
using OneWindow.Web.Modules.Catalog;

namespace OneWindow.Web.Modules.Applicants.My;

/// <summary>The applicant's own application form (申请表) with their answers, to check, print or save as PDF; only to the case's owner.</summary>
public sealed class ApplicationFormModel(OneWindowDbContext db, UserManager<UserAccount> users, CaseApplicationForm forms) : PageModel
{
    public Guid CaseId { get; private set; }
    public ApplicationFormPrintout Printout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(User, users);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseOwnership.MaySee(user, c) || await forms.PrintoutAsync(c, ct) is not { } printout)
        {
            return NotFound();
        }
        CaseId = id;
        Printout = printout;
        Response.Headers.CacheControl = "private, no-store"; // personal data on a document: not kept by shared caches
        return Page();
    }
}
