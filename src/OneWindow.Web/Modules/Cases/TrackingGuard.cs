using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The public lookups of a case by its number and the last four characters of the applicant's phone or ID number
/// (tracking, the online rating) count their failures per case number as well as per address: four characters are
/// ten thousand guesses, which a per-address limit alone lets a patient guesser make (issue 15). After
/// <c>RateLimits:TrackFailuresPerCase</c> (5) wrong tries a case number's public lookup is locked for 15 minutes,
/// doubling with every further wrong try up to a day, and the page says so; the applicant can still sign in to "my
/// cases" or ask at a window. A right answer writes nothing.
/// </summary>
public sealed class TrackingGuard(AttemptLimiter limiter, IConfiguration configuration)
{
    public AttemptPolicy PerCase { get; } = new("track-case", Math.Max(1, configuration.GetValue("RateLimits:TrackFailuresPerCase", 5)),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>How long the case number's lookup stays locked; zero when it is open.</summary>
    public async Task<TimeSpan> LockedForAsync(string? number, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(number) ? TimeSpan.Zero : (await limiter.CheckAsync(PerCase, Subject(number), ct)).Wait;

    /// <summary>Counts a wrong lookup of the case number; returns how long it is now locked (zero while tries are free).</summary>
    public async Task<TimeSpan> CountFailureAsync(string? number, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(number) ? TimeSpan.Zero : (await limiter.CountAsync(PerCase, Subject(number), ct)).Wait;

    private static string Subject(string number) => number.Trim().ToUpperInvariant();

    /// <summary>What the public is told while a case number's lookup is locked.</summary>
    public static string LockedMessage(TimeSpan wait) =>
        Text.Formatted("该办件编号的查询因多次输入错误已暂停，请 {0} 分钟后再试，或登录“我的办件”、携带身份证件到政务服务中心窗口查询。",
            Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
}
