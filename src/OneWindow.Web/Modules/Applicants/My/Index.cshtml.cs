using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;
using OneWindow.Web.Modules.Applicants;

namespace OneWindow.Web.Modules.Applicants.My;

/// <summary>我的办件: every application of the signed-in applicant, online or at a window, newest first.</summary>
public sealed class IndexModel(OneWindowDbContext db, UserManager<UserAccount> users) : PageModel
{
    public IReadOnlyList<MyCaseRow> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Window cases are listed only once a code has verified the phone (ADR 0015).</summary>
    public bool PhoneVerified { get; private set; }

    public async Task OnGetAsync(string? after, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(User, users);
        Name = user.DisplayName;
        PhoneVerified = user.PhoneNumberConfirmed;
        (Rows, Next) = await ApplicantAccess.PageAsync(db, user, after, ct);
    }
}
