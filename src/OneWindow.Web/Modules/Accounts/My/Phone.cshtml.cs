using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Domain;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Applicants;

namespace OneWindow.Web.Modules.Accounts.My;

/// <summary>手机号码: verify the account's phone, or change to a new one, each proved by a code (see <see cref="MyPhone"/>).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed class PhoneModel(MyPhone phones, UserManager<UserAccount> users) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string Current { get; private set; } = "";
    public bool Verified { get; private set; }

    /// <summary>The second step: a code went to <see cref="Phone"/>.</summary>
    public bool CodeSent { get; private set; }

    /// <summary>The phone in the second step is a new one: the current password is asked too.</summary>
    public bool Changing => Phone != Current;

    public string? Notice { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Phone = Verified ? "" : Current;
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        await LoadAsync();
        Phone = (Phone ?? "").Trim();
        try
        {
            var sent = await phones.SendCodeAsync(User, Phone, AccountLimits.AddressOf(HttpContext), ct);
            if (!sent.Allowed)
            {
                FieldErrors["phone"] = Text.Formatted("验证码发送过于频繁，请 {0}后再获取验证码。", AccountLimits.Describe(sent.Wait));
                return Page();
            }
        }
        catch (DomainRuleException e) when (e.Field is not null)
        {
            FieldErrors[e.Field] = e.Message;
            return Page();
        }
        CodeSent = true;
        Notice = Text.Formatted("验证码已发送至 {0}，10 分钟内有效。", Phone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync();
        Phone = (Phone ?? "").Trim();
        try
        {
            var done = await phones.ConfirmAsync(User, Phone, Code, Password, AccountLimits.AddressOf(HttpContext), ct);
            TempData["Flash"] = done.Changed
                ? Text.Formatted("手机号码已改为 {0}，今后请用新号码登录。", done.Phone)
                : Text.Translate("手机号码已验证。窗口办理时登记了您的身份证号码和这个手机号码的办件，现在也显示在这里。");
            return LocalRedirect("/my");
        }
        catch (DomainRuleException e) when (e.Field is not null)
        {
            FieldErrors[e.Field] = e.Message;
            CodeSent = e.Field != "phone";
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var user = await ApplicantAccounts.LoadAsync(User, users);
        Current = user.PhoneNumber ?? "";
        Verified = user.PhoneNumberConfirmed;
    }
}
