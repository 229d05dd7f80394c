using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Account;

/// <summary>
/// 注册: an applicant signs up with a mobile number and password under their real name; the resident ID number is
/// checked by its check character (GB 11643). One account per phone number and per ID number.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed partial class RegisterModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, OneWindowDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string RealName { get; set; } = "";
    [BindProperty] public string IdentityNumber { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";
    public Dictionary<string, string> FieldErrors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Phone = Phone.Trim();
        if (!MobileNumber().IsMatch(Phone))
        {
            FieldErrors["phone"] = Text.Translate("请填写 11 位手机号码。");
        }
        Applicant? person = null;
        try
        {
            person = Applicant.Create(ApplicantKind.Person, RealName, IdentityNumber, Phone, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException e)
        {
            FieldErrors[e.Field == "applicantName" ? "realName" : e.Field ?? "identityNumber"] = e.Message;
        }
        if (Password != ConfirmPassword)
        {
            FieldErrors["confirmPassword"] = Text.Translate("两次输入的密码不一致。");
        }
        if (!FieldErrors.ContainsKey("phone") && await users.FindByNameAsync(Phone) is not null)
        {
            FieldErrors["phone"] = Text.Translate("该手机号码已注册，请直接登录。");
        }
        if (person is not null && await db.Users.AnyAsync(u => u.IdentityNumber == person.IdentityNumber, ct))
        {
            FieldErrors["identityNumber"] = Text.Translate("该身份证号码已注册账户。如非本人注册，请到政务服务中心窗口核实。");
        }
        if (FieldErrors.Count > 0 || person is null)
        {
            return Page();
        }
        var user = new UserAccount { UserName = Phone, PhoneNumber = Phone, DisplayName = person.Name, IdentityNumber = person.IdentityNumber };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            FieldErrors["password"] = Text.Translate("密码至少 10 位，须包含数字和小写字母。");
            return Page();
        }
        await users.AddToRoleAsync(user, ApplicantRoles.Applicant);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = Text.Translate("注册成功。现在可以网上申报了。");
        return LocalRedirect("/my");
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();
}
