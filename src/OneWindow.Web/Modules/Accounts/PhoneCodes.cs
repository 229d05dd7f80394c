using OneWindow.Web.Modules.Notifications;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// The answer to a code that came back: right (and now spent) or not; not even checked while the address must wait
/// after too many wrong codes; <paramref name="Wait"/> is how long the next try must wait.
/// </summary>
public readonly record struct CodeCheck(bool Right, bool Checked, TimeSpan Wait);

/// <summary>
/// One-time codes that prove a phone (ADR 0015): six digits from the system's CSPRNG, sent by the SMS seam, kept only
/// as a salted SHA-256, good for 10 minutes and 5 tries, spent by their first right use and replaced by a newer code.
/// Sending is limited per phone and client address (one, then the next after 1, 2, 4 … minutes), per phone in a day
/// from all addresses (without ever refusing an address its first code of the day, so that strangers cannot lock the
/// owner out), and per client address; wrong codes are counted per address. The code's text is plain Chinese
/// whatever the page's language: it is read on a phone. With the shipped <see cref="LoggingNotificationSender"/> the
/// code appears in the log, which is how a developer signs up in Development; a deployment configures the province's
/// SMS gateway in its place.
/// </summary>
public sealed class PhoneCodes(OneWindowDbContext db, WriteUnit unit, Outbox outbox, AttemptLimiter limiter, AccountLimits limits, TimeProvider clock)
{
    /// <summary>
    /// Makes and sends a code, unless the phone or the address must wait (then nothing is sent). With
    /// <paramref name="insteadOfCode"/> the code is made alike but never told: that text goes to the phone instead
    /// (the phone already has an account, and whoever asked must not learn so from the answer or its time).
    /// </summary>
    /// <returns>Allowed: sent; Wait: how long until this phone may have another code (or, refused, how long to wait).</returns>
    public async Task<AttemptVerdict> SendAsync(CodePurpose purpose, string phone, string? userId, string recipientName, string address, string? insteadOfCode, CancellationToken ct)
    {
        if (await limiter.CheckAsync(limits.CodesFromAddress, address, ct) is { Allowed: false } fromAddress)
        {
            return fromAddress;
        }
        // Per phone and address first: a stranger's requests for this phone use up only the stranger's own budget.
        var pair = PhoneFromAddress(phone, address);
        var toPhone = await limiter.TryTakeAsync(limits.CodesToPhoneFromAddress, pair, ct);
        if (!toPhone.Allowed)
        {
            return toPhone;
        }
        if (toPhone.Count <= 1)
        {
            // The address's first code to this phone in a quiet day always goes (the owner is never locked out by
            // others' requests); it still counts towards the phone's day.
            await limiter.CountAsync(limits.CodesToPhone, phone, ct);
        }
        else if (await limiter.TryTakeAsync(limits.CodesToPhone, phone, ct) is { Allowed: false } phoneDay)
        {
            // The phone has had its day's codes from many addresses: this address's next one waits, and its own try is given back.
            await limiter.GiveBackAsync(limits.CodesToPhoneFromAddress, pair, ct);
            return phoneDay;
        }
        await limiter.CountAsync(limits.CodesFromAddress, address, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        // The code and its SMS are one write: the message goes out (through the outbox) only for a code that was saved.
        await unit.RunAsync(async t =>
        {
            // The newest code is the one that counts; codes past their time are cleared away.
            await db.OneTimeCodes.Where(c => c.Phone == phone && c.Purpose == purpose && c.SpentAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpentAt, now), t);
            await db.OneTimeCodes.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(t);
            db.OneTimeCodes.Add(new OneTimeCode
            {
                Purpose = purpose, Phone = phone, UserId = userId, Salt = Convert.ToHexStringLower(salt),
                Hash = Convert.ToHexStringLower(Hash(salt, purpose, phone, userId, code)),
                CreatedAt = now, ExpiresAt = now + AccountLimits.CodeLifetime, TriesLeft = AccountLimits.TriesPerCode,
            });
            outbox.Sms(phone, recipientName, insteadOfCode ?? Message(purpose, code), "code:" + Convert.ToHexStringLower(salt));
        }, ct);
        return new(true, toPhone.Wait);
    }

    /// <summary>Checks a code for the phone (and the account that asked); a right one is spent, a wrong one takes a try.</summary>
    public async Task<CodeCheck> CheckAsync(CodePurpose purpose, string phone, string? userId, string code, string address, CancellationToken ct)
    {
        if (await limiter.CheckAsync(limits.CodeFailuresFromAddress, address, ct) is { Allowed: false } fromAddress)
        {
            return new(false, false, fromAddress.Wait);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.Phone == phone && c.Purpose == purpose && c.UserId == userId && c.SpentAt == null && c.ExpiresAt > now && c.TriesLeft > 0)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        var right = false;
        if (live is not null && IsCode(code))
        {
            right = await unit.RunAsync(async t =>
            {
                // A try is taken before the code is compared: parallel guesses cannot get more tries than the code allows.
                var tried = await db.OneTimeCodes.Where(c => c.Id == live.Id && c.SpentAt == null && c.TriesLeft > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TriesLeft, c => c.TriesLeft - 1), t);
                return tried == 1 && CryptographicOperations.FixedTimeEquals(
                    Hash(Convert.FromHexString(live.Salt), purpose, phone, userId, code), Convert.FromHexString(live.Hash))
                    && await db.OneTimeCodes.Where(c => c.Id == live.Id && c.SpentAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpentAt, now), t) == 1;
            }, ct);
        }
        if (right)
        {
            return new(true, true, TimeSpan.Zero);
        }
        var counted = await limiter.CountAsync(limits.CodeFailuresFromAddress, address, ct);
        return new(false, true, counted.Wait);
    }

    /// <summary>What a page says of a code that was not right, in its language.</summary>
    public static string Explain(CodeCheck check)
    {
        var wait = check.Wait > TimeSpan.Zero ? Text.Formatted("尝试次数过多，请 {0}后再试。", AccountLimits.Describe(check.Wait)) : "";
        return check.Checked ? Text.Translate("验证码不正确或已过期。") + (wait.Length > 0 && Text.IsEnglish ? " " : "") + wait : wait;
    }

    /// <summary>The subject of the per-phone-and-address count.</summary>
    private static string PhoneFromAddress(string phone, string address) => phone + "|" + address;

    /// <summary>Six ASCII digits.</summary>
    public static bool IsCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    private static byte[] Hash(byte[] salt, CodePurpose purpose, string phone, string? userId, string code) =>
        SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes($"{(int)purpose}|{phone}|{userId}|{code}")]);

    private static string Message(CodePurpose purpose, string code) => purpose switch
    {
        CodePurpose.SignUp => $"【一窗通】您的注册验证码是 {code}，10 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。",
        _ => $"【一窗通】您正在验证一窗通账户的手机号码，验证码是 {code}，10 分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。",
    };
}
