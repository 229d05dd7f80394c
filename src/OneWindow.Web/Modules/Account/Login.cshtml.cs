using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is { IsActive: false })
        {
            Error = Text.Translate("该账户已停用，请联系中心管理员。");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var home = user is not null && await users.IsInRoleAsync(user, ApplicantRoles.Applicant) ? "/my" : "/workbench";
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : home);
        }
        Error = result.IsLockedOut
            ? Text.Translate("密码错误次数过多，账户已锁定 15 分钟。")
            : Text.Translate("用户名或密码不正确。");
        return Page();
    }
}
