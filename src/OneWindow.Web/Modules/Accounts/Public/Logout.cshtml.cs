using OneWindow.Web.Modules.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Web.Data;

namespace OneWindow.Web.Modules.Accounts.Public;

/// <summary>
/// 退出. Signing out moves the account's security stamp before the cookie is dropped: a copy of the cookie (taken from
/// a shared computer, a proxy log or malware) stops working at its next check against the account
/// (<see cref="SecurityStampCheck"/>, every <c>Accounts:StampCheckMinutes</c>), instead of for the rest of its eight
/// hours. The account's other sign-ins end with it, as after a new password.
/// </summary>
public sealed class LogoutModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
