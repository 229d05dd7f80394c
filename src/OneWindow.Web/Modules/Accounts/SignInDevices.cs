using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// The device cookie (OWASP's answer to lockout by strangers): a browser that has signed in to an account gets a
/// cookie naming that account, protected by the shared key ring so that nobody can make one. Its tries at that
/// account are counted apart from everybody else's, so a stranger guessing the password delays only browsers that
/// have not signed in to the account before — never the owner's own. One account per browser: the last to sign in.
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "onewindow.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly IDataProtector _protector = protection.CreateProtector("OneWindow.Account.SignInDevice.v1");

    /// <summary>The device's id if the request carries a valid cookie for this account (its normalized name); otherwise null.</summary>
    public string? DeviceOf(HttpContext http, string normalizedName)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie) || cookie.Length > 2000)
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        return parts.Length == 3 && parts[0] == normalizedName
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && clock.GetUtcNow().UtcTicks < expires
            ? parts[1] : null;
    }

    /// <summary>After a right password: this browser is the account's (a new id unless it was already).</summary>
    public void Remember(HttpContext http, string normalizedName, string? device)
    {
        device ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow() + Lifetime;
        var value = _protector.Protect($"{normalizedName}\n{device}\n{expires.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            Expires = expires,
            IsEssential = true,
        });
    }
}
