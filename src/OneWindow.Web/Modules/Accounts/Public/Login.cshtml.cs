using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts.Public;

/// <summary>登录: staff by user name, applicants by phone; throttled, never locked (see <see cref="PasswordSignIn"/>).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed class LoginModel(PasswordSignIn passwords, UserManager<UserAccount> users) : PageModel
{
    /// <summary>Also from the query, so that the page after signing up can fill in the new phone number.</summary>
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await passwords.SignInAsync(HttpContext, UserName ?? "", Password ?? "", ct);
        if (result is { Outcome: SignInOutcome.SignedIn, User: { } user })
        {
            var home = await users.IsInRoleAsync(user, ApplicantRoles.Applicant) ? "/my" : "/workbench";
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : home);
        }
        var wait = result.Wait > TimeSpan.Zero ? Text.Formatted("尝试次数过多，请 {0}后再试。", AccountLimits.Describe(result.Wait)) : "";
        Error = result.Outcome switch
        {
            SignInOutcome.Deactivated => Text.Translate("该账户已停用，请联系中心管理员。"),
            SignInOutcome.Waiting => wait,
            _ => Text.Translate("用户名或密码不正确。") + (wait.Length > 0 && Text.IsEnglish ? " " : "") + wait,
        };
        return Page();
    }
}
