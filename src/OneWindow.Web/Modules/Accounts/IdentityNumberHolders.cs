using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Cases;
using OneWindow.Domain.Identifiers;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;
using OneWindow.Web.Modules.Notifications;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>An account that names an ID number, as the center administrator sees it: masked, like every list.</summary>
/// <param name="PhoneVerified">Whether a code proved the account's phone (ADR 0015).</param>
/// <param name="OnlineCases">Applications the account made online.</param>
public sealed record IdentityNumberHolder(string UserId, string Phone, string Name, bool PhoneVerified, int OnlineCases);

/// <summary>Which ID number to look up (the person shows their ID card at the window); never in a URL.</summary>
public sealed record IdentityNumberLookup(string IdentityNumber);

/// <summary>Detach the ID number from the account, with the reason for the audit log.</summary>
public sealed record IdentityNumberDetach(string IdentityNumber, string Reason);

/// <summary>
/// The center administrator's tool against ID-number squatting (issue 15's review): nothing proves an ID number at
/// sign-up, so anyone could name someone else's on an account of their own. That no longer keeps the real person
/// from signing up (ID numbers are not exclusive, schema 0018) nor shows them the person's window cases (those need
/// the verified phone too); but the account still applies online under that ID number. When the person comes to the
/// window with their ID card, the administrator looks the ID number up — the accounts naming it, masked — and detaches
/// it from the one that has no right to it, with a reason. Both the look-up and the detachment are written to the
/// audit log; the account's phone is told by SMS, and its sign-ins end at their next check (its security stamp moves).
/// The account keeps its sign-in and its online cases, but applies online as a person only with an ID number again.
/// </summary>
public sealed class IdentityNumberHolders(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, Outbox outbox, TimeProvider clock)
{
    public const string LookedUpAction = "identity-number-looked-up";
    public const string DetachedAction = "identity-number-detached";

    /// <summary>The accounts naming the ID number (400 for one that is not a valid resident ID number); the look-up is audited.</summary>
    public async Task<IReadOnlyList<IdentityNumberHolder>> FindAsync(ClaimsPrincipal admin, string? identityNumber, CancellationToken ct)
    {
        var id = Valid(identityNumber);
        var holders = await db.Users.AsNoTracking().Where(u => u.IdentityNumber == id).OrderBy(u => u.UserName).Take(50)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.PhoneNumberConfirmed, Online = db.Cases.Count(c => c.ApplicantUserId == u.Id && c.ParentCaseId == null) })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await unit.RunAsync(_ =>
        {
            db.Audit(now, admin.ActorName(), "IdentityNumber", ResidentIdNumber.Mask(id), LookedUpAction, new { accounts = holders.Count });
            return Task.CompletedTask;
        }, ct);
        return [.. holders.Select(h => new IdentityNumberHolder(h.Id, PersonalData.MaskPhone(h.UserName ?? ""), PersonalData.MaskName(h.DisplayName), h.PhoneNumberConfirmed, h.Online))];
    }

    /// <summary>
    /// Detaches the ID number from the account: 404 unless the account names exactly that ID number, 400 without a
    /// reason. Audited with the reason; the account's phone is told; its sign-ins end at their next check.
    /// </summary>
    public async Task DetachAsync(ClaimsPrincipal admin, string userId, string? identityNumber, string? reason, CancellationToken ct)
    {
        var id = Valid(identityNumber);
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            throw new DomainRuleException("identity.reason-required", "请填写解除的理由（将记入审计日志）。", "reason");
        }
        CaseInput.CheckLength(why, "reason", CaseInput.ShortText);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IdentityNumber == id, ct)
            ?? throw new NotFoundException("没有登记该身份证号码的此账户。");
        var now = clock.GetUtcNow().UtcDateTime;
        var masked = ResidentIdNumber.Mask(id);
        await unit.RunAsync(async _ =>
        {
            user.IdentityNumber = null;
            await users.UpdateSecurityStampAsync(user); // saves the account in this unit; its sign-ins end at their next check
            db.Audit(now, admin.ActorName(), "UserAccount", user.Id, DetachedAction, new { identityNumber = masked, reason = why });
            if (user.PhoneNumber is { } phone)
            {
                outbox.Sms(phone, user.DisplayName,
                    $"【一窗通】政务服务中心已解除您的一窗通账户登记的身份证号码（{masked}）。如有疑问，请携带本人身份证到政务服务中心窗口办理。",
                    $"identity-detached:{user.Id}:{now.Ticks}");
            }
        }, ct);
    }

    private string Valid(string? identityNumber)
    {
        var id = ResidentIdNumber.Normalize(identityNumber ?? "");
        if (id.Length > 18 || !ResidentIdNumber.IsValid(id, ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime)))
        {
            throw new DomainRuleException("identity.invalid", "居民身份证号码有误，请对照身份证逐位核对（18 位，最后一位可能是 X）。", "identityNumber");
        }
        return id;
    }
}
