using OneWindow.Web.Modules.Notifications;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Applicants;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Supervision;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>What a phone confirmation did: verified the account's own phone, or changed the account to a new one.</summary>
public sealed record PhoneConfirmed(string Phone, bool Changed);

/// <summary>
/// An applicant proves a phone with a code sent to it (ADR 0015), the same on the page (/my/phone) and the API
/// (/api/v1/my/phone): the account's own phone, which then counts as verified (and its window cases become the
/// account's), or a new one, which also becomes the sign-in name — for that the current password is needed as well,
/// the security stamp changes (other sign-ins end at their next check) and the old phone is told by SMS. A phone
/// that belongs to another account gets a word instead of a code, and the answer is the same as for any phone.
/// </summary>
public sealed partial class MyPhone(
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    PhoneCodes codes,
    OneWindowDbContext db,
    WriteUnit unit,
    Outbox outbox,
    TimeProvider clock,
    ILogger<MyPhone> logger)
{
    /// <summary>Sends a code to <paramref name="phone"/> for the signed-in applicant, unless the phone or address must wait.</summary>
    public async Task<AttemptVerdict> SendCodeAsync(ClaimsPrincipal principal, string? phone, string address, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(principal, users);
        phone = RequireMobile(phone);
        var other = phone == user.PhoneNumber ? null : await users.FindByNameAsync(phone);
        return await codes.SendAsync(CodePurpose.Phone, phone, user.Id, user.DisplayName, address,
            other is null ? null : "【一窗通】有人申请把一窗通账户的登录手机号码改为本号码，未获通过：本号码已有账户。如非本人操作，请忽略本短信。", ct);
    }

    /// <summary>Confirms the phone with its code (and, to change to a new phone, the current password).</summary>
    public async Task<PhoneConfirmed> ConfirmAsync(ClaimsPrincipal principal, string? phone, string? code, string? password, string address, CancellationToken ct)
    {
        var user = await ApplicantAccounts.LoadAsync(principal, users);
        phone = RequireMobile(phone);
        code = (code ?? "").Trim();
        if (!PhoneCodes.IsCode(code))
        {
            throw new DomainRuleException("phone.code-required", Text.Translate("请填写短信中的 6 位数字验证码。"), "code");
        }
        var changing = phone != user.PhoneNumber;
        if (changing && string.IsNullOrEmpty(password))
        {
            throw new DomainRuleException("phone.password-required", Text.Translate("更换手机号码须填写当前密码。"), "password");
        }
        var check = await codes.CheckAsync(CodePurpose.Phone, phone, user.Id, code, address, ct);
        if (!check.Right)
        {
            throw new DomainRuleException("phone.code-invalid", PhoneCodes.Explain(check), "code");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = user.PhoneNumber;
        if (changing)
        {
            // The code is spent first: each guess of the password costs a code, and codes are few.
            if (!await users.CheckPasswordAsync(user, password!))
            {
                throw new DomainRuleException("phone.password-incorrect", Text.Translate("当前密码不正确。验证码已作废，请重新获取。"), "password");
            }
            user.UserName = phone;
            user.PhoneNumber = phone;
        }
        user.PhoneNumberConfirmed = true;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            // Only if the phone became another account's meanwhile: its owner was told, and this answer says no more.
            throw new DomainRuleException("phone.code-invalid", Text.Translate("验证码不正确或已过期。"), "code");
        }
        if (changing)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await unit.RunAsync(_ =>
        {
            db.Audit(now, user.UserName!, "UserAccount", user.Id, changing ? "phone-changed" : "phone-verified",
                changing ? new { from = Applicant.MaskPhone(before ?? ""), to = Applicant.MaskPhone(phone) } : new { phone = Applicant.MaskPhone(phone) });
            if (changing && before is not null)
            {
                outbox.Sms(before, user.DisplayName,
                    $"【一窗通】您的一窗通账户登录手机号码已改为尾号 {phone[^4..]} 的号码，今后请用新号码登录。如非本人操作，请立即携带身份证到政务服务中心窗口处理。",
                    $"phone-changed:{user.Id}:{now.Ticks}");
            }
            return Task.CompletedTask;
        }, ct);
        // This sign-in goes on under the new name and stamp; the others end at their next check.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Applicant {UserId} {What} a phone", user.Id, changing ? "changed to" : "verified");
        return new(phone, changing);
    }

    private static string RequireMobile(string? phone)
    {
        phone = (phone ?? "").Trim();
        return MobileNumber().IsMatch(phone) ? phone : throw new DomainRuleException("phone.invalid", Text.Translate("请填写 11 位手机号码。"), "phone");
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();
}
