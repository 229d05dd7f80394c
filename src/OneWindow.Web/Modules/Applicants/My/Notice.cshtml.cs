using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Calendar;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Applicants.My;

/// <summary>
/// A written notice of the applicant's own case, to read, print or save as PDF: the same document the clerk prints
/// (<see cref="CaseNotice"/>, rendered by the case module's <c>_CaseNotice</c>), only to the case's owner. A part of a
/// joint case (<c>?part=</c>) is reached through the joint case, which must be theirs.
/// </summary>
public sealed class NoticeModel(OneWindowDbContext db, UserManager<UserAccount> users, RegionCalendars calendars, TimeProvider clock,
    Infrastructure.RecordKeyStore recordKeys) : PageModel
{
    public CaseNotice Notice { get; private set; } = null!;
    public Guid CaseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, string? part, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(User, users);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || c.ParentCaseId is not null || !CaseOwnership.MaySee(user, c))
        {
            return NotFound();
        }
        if (part is not null)
        {
            c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == part && x.ParentCaseId == id, ct);
            if (c is null)
            {
                return NotFound();
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await CaseView.BuildAsync(db, calendars, recordKeys.Ring, c, now, ct);
        if (CaseNotice.For(view, kind, $"{Request.Scheme}://{Request.Host}", now, await CaseNotice.AddressesAsync(db, c, ct)) is not { } notice)
        {
            return NotFound();
        }
        Notice = notice;
        CaseId = id;
        // Personal data on a document: not kept by shared caches.
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
