using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// The limits on guessing at the door (ADR 0015), each an <see cref="AttemptPolicy"/> of the one limiter. The free
/// tries per address are settings (a county hall may sit behind one address); the rest are fixed here.
/// </summary>
public sealed class AccountLimits(IConfiguration configuration)
{
    /// <summary>
    /// Every try of a password for one account from a browser that has not signed in to it before: 5 free, then 5 s,
    /// 10 s, 20 s … at most 3 minutes (about the old lock's 480 guesses a day at worst, without the lock); forgotten
    /// after a quiet hour. A right password clears it.
    /// </summary>
    public AttemptPolicy SignInAccount { get; } = new("signin-account", 5, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3), TimeSpan.FromHours(1));

    /// <summary>
    /// The same for a browser that has signed in to the account before (its device cookie): counted apart, so that a
    /// stranger's guesses never delay the owner on the owner's own browser.
    /// </summary>
    public AttemptPolicy SignInDevice { get; } = new("signin-device", 5, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3), TimeSpan.FromHours(1));

    /// <summary>Wrong passwords from one client address, whatever the names: <c>RateLimits:SignInFailuresPerAddress</c> (20) free, then 5 s doubling to 15 minutes.</summary>
    public AttemptPolicy SignInAddress { get; } = new("signin-address", Setting(configuration, "RateLimits:SignInFailuresPerAddress", 20),
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    /// <summary>
    /// Codes sent to one phone at the request of one client address: one, then the next after 1 minute, 2, 4 … (about
    /// ten a day at most); forgotten after a quiet day. Counted per phone <em>and</em> address, so that a stranger asking
    /// for codes to someone's phone slows only the stranger's own address, never the owner's sign-up or verification.
    /// </summary>
    public AttemptPolicy CodesToPhoneFromAddress { get; } = new("code-phone-address", 1, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>
    /// Codes sent to one phone from all addresses together: <c>RateLimits:CodesPerPhone</c> (10) in a day, the bound on
    /// what many addresses can make the platform send to one phone. Beyond it an address gets no further code for that
    /// phone that day — but its first code of a quiet day always goes (<see cref="PhoneCodes"/>), so that strangers
    /// using up this budget never lock the owner out; each address's first codes stay bounded by
    /// <see cref="CodesFromAddress"/>.
    /// </summary>
    public AttemptPolicy CodesToPhone { get; } = new("code-phone", Setting(configuration, "RateLimits:CodesPerPhone", 10),
        TimeSpan.FromHours(24), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>Codes asked for from one client address, to any phones: <c>RateLimits:CodesPerAddress</c> (10) free, then 1 minute doubling to an hour.</summary>
    public AttemptPolicy CodesFromAddress { get; } = new("code-address", Setting(configuration, "RateLimits:CodesPerAddress", 10),
        TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    /// <summary>Wrong codes from one client address: <c>RateLimits:CodeFailuresPerAddress</c> (10) free, then 5 s doubling to 15 minutes.</summary>
    public AttemptPolicy CodeFailuresFromAddress { get; } = new("code-address-wrong", Setting(configuration, "RateLimits:CodeFailuresPerAddress", 10),
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));

    /// <summary>Tries one code allows before it is spent.</summary>
    public const int TriesPerCode = 5;

    /// <summary>How long a code is good for.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The client's address as the rate limits see it (from X-Forwarded-For behind a trusted proxy; an IPv6 client by its /64).</summary>
    public static string AddressOf(HttpContext http) => ClientAddress.Of(http);

    /// <summary>A wait as people read it: "5 秒", "3 分钟" (seconds rounded up, minutes from two minutes on).</summary>
    public static string Describe(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return seconds < 120 ? Text.Formatted("{0} 秒", seconds) : Text.Formatted("{0} 分钟", (int)Math.Ceiling(seconds / 60.0));
    }

    private static int Setting(IConfiguration configuration, string key, int fallback) => Math.Max(1, configuration.GetValue(key, fallback));
}
