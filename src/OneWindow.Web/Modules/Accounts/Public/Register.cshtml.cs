using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Accounts;
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
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Accounts.Public;

/// <summary>
/// 注册, in two steps that work without JavaScript: the mobile number, for a one-time code; then the code with the
/// real name, the resident ID number (checked by its GB 11643 check character) and a password. The account exists
/// only once the code has proved the phone, and its phone is then verified. One account per phone — but the page
/// never says that one exists: both steps answer alike whatever is registered, and the owner of the existing account
/// is told by SMS instead (ADR 0015). An ID number is not exclusive: nothing here proves it, so an account that named
/// someone's ID number first must not keep them from signing up. Window cases join an account only when its ID
/// number and its verified phone both match; the other accounts naming the ID number are told by SMS, and a center
/// administrator can detach it from an account that has no right to it (<see cref="IdentityNumberHolders"/>).
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
public sealed partial class RegisterModel(
    UserManager<UserAccount> users,
    OneWindowDbContext db,
    PhoneCodes codes,
    IPasswordHasher<UserAccount> hasher,
    WriteUnit unit,
    Outbox outbox,
    TimeProvider clock,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RealName { get; set; }
    [BindProperty] public string? IdentityNumber { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    /// <summary>Consent to the personal-information rules (个人信息保护法 §13, §29: separate consent for the ID number).</summary>
    [BindProperty] public bool Consent { get; set; }

    /// <summary>The rules' version the consent is recorded against; a change to <c>_PrivacyNotice.cshtml</c> raises it.</summary>
    public const string PrivacyRulesVersion = "2026-12-05";

    /// <summary>The second step: a code went to <see cref="Phone"/>.</summary>
    public bool CodeSent { get; private set; }

    public string? Notice { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        Phone = (Phone ?? "").Trim();
        if (!MobileNumber().IsMatch(Phone))
        {
            FieldErrors["phone"] = Text.Translate("请填写 11 位手机号码。");
            return Page();
        }
        // A phone with an account gets a word instead of a code; the page answers alike.
        var registered = await users.FindByNameAsync(Phone) is not null;
        var sent = await codes.SendAsync(CodePurpose.SignUp, Phone, null, "注册人", AccountLimits.AddressOf(HttpContext),
            registered ? "【一窗通】有人正在用本手机号码注册一窗通账户。您已有账户，可直接用本手机号码登录；忘记密码请携带身份证到政务服务中心窗口办理。如非本人操作，请忽略本短信。" : null, ct);
        if (!sent.Allowed)
        {
            FieldErrors["phone"] = Text.Formatted("验证码发送过于频繁，请 {0}后再获取验证码。", AccountLimits.Describe(sent.Wait));
            return Page();
        }
        CodeSent = true;
        Notice = Text.Formatted("验证码已发送至 {0}，10 分钟内有效。请填写验证码和以下信息完成注册。", Phone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Phone = (Phone ?? "").Trim();
        Code = (Code ?? "").Trim();
        if (!MobileNumber().IsMatch(Phone))
        {
            FieldErrors["phone"] = Text.Translate("请填写 11 位手机号码。");
            return Page();
        }
        CodeSent = true;
        if (!PhoneCodes.IsCode(Code))
        {
            FieldErrors["code"] = Text.Translate("请填写短信中的 6 位数字验证码。");
        }
        Applicant? person = null;
        try
        {
            person = Applicant.Create(ApplicantKind.Person, RealName ?? "", IdentityNumber ?? "", Phone, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException e)
        {
            if (e.Field == "applicantName")
            {
                FieldErrors["realName"] = Text.Translate("请填写真实姓名（100 字以内）。");
            }
            else
            {
                FieldErrors["identityNumber"] = Text.Translate("居民身份证号码有误，请对照身份证逐位核对（18 位，最后一位可能是 X）。");
            }
        }
        var user = new UserAccount { UserName = Phone, PhoneNumber = Phone, PhoneNumberConfirmed = true, DisplayName = person?.Name ?? "", IdentityNumber = person?.IdentityNumber };
        if (string.IsNullOrEmpty(Password) || !await PasswordIsAcceptableAsync(user, Password))
        {
            FieldErrors["password"] = Text.Translate("密码至少 10 位，须包含数字和小写字母。");
        }
        else if (Password != ConfirmPassword)
        {
            FieldErrors["confirmPassword"] = Text.Translate("两次输入的密码不一致。");
        }
        if (!Consent)
        {
            FieldErrors["consent"] = Text.Translate("请阅读个人信息处理规则，同意后才能注册。");
        }
        if (FieldErrors.Count > 0 || person is null)
        {
            return Page();
        }
        // The code is checked only when the rest is in order, so that a typo elsewhere does not spend a try of it.
        var check = await codes.CheckAsync(CodePurpose.SignUp, Phone, null, Code, AccountLimits.AddressOf(HttpContext), ct);
        if (!check.Right)
        {
            FieldErrors["code"] = PhoneCodes.Explain(check);
            return Page();
        }

        // The phone is proved. From here on the answer is the same whether an account is made or the phone has one.
        var phoneTaken = await users.FindByNameAsync(Phone) is not null;
        if (!phoneTaken && await CreateAsync(user, Password!))
        {
            await users.AddToRoleAsync(user, ApplicantRoles.Applicant);
            await unit.RunAsync(_ =>
            {
                // What was agreed to and when: the consent must be provable (个人信息保护法 §14).
                db.Audit(clock.GetUtcNow().UtcDateTime, user.Id, "UserAccount", user.Id, "consented", new { rules = PrivacyRulesVersion });
                return Task.CompletedTask;
            }, ct);
            logger.LogInformation("Applicant account {UserId} signed up with a verified phone", user.Id);
            await TellOtherHoldersAsync(user, ct);
        }
        else
        {
            hasher.HashPassword(user, Password!); // what making the account would have cost
            logger.LogInformation("A sign-up with a verified phone matched an existing account");
        }
        TempData["Flash"] = Text.Translate("注册已完成，请输入刚才设置的密码登录。");
        return LocalRedirect("/account/login?UserName=" + Uri.EscapeDataString(Phone));
    }

    /// <summary>
    /// Other accounts that name the same ID number are told by SMS that one more does now: whichever of them is the
    /// real person learns that someone used their ID number, and where to have it detached.
    /// </summary>
    private async Task TellOtherHoldersAsync(UserAccount user, CancellationToken ct)
    {
        var others = await db.Users.AsNoTracking().Where(u => u.IdentityNumber == user.IdentityNumber && u.Id != user.Id && u.PhoneNumber != null)
            .OrderBy(u => u.Id).Take(10).Select(u => new { u.Id, u.PhoneNumber, u.DisplayName }).ToListAsync(ct);
        if (others.Count == 0)
        {
            return;
        }
        await unit.RunAsync(_ =>
        {
            foreach (var other in others)
            {
                outbox.Sms(other.PhoneNumber!, other.DisplayName,
                    $"【一窗通】有人用您账户登记的身份证号码注册了另一个一窗通账户（登录手机尾号 {Tail(user.PhoneNumber)}）。该账户看不到您的窗口办件。如非本人操作，请携带身份证到政务服务中心窗口，由中心解除该账户登记的身份证号码。",
                    $"signup-id-shared:{other.Id}:{user.Id}");
            }
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Makes the account; false if the phone was taken meanwhile (a unique index says so).</summary>
    private async Task<bool> CreateAsync(UserAccount user, string password)
    {
        try
        {
            return (await users.CreateAsync(user, password)).Succeeded;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task<bool> PasswordIsAcceptableAsync(UserAccount user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded)
            {
                return false;
            }
        }
        return true;
    }

    private static string Tail(string? phone) => phone is { Length: >= 4 } ? phone[^4..] : "****";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();
}
