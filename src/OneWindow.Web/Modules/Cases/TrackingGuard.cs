using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Cases;

/// <summary>
/// The public lookups of a case by its number and the last four characters of the applicant's phone or ID number
/// (tracking, the online rating) count their tries per case number as well as per address: four characters are
/// ten thousand guesses, which a per-address limit alone lets a patient guesser make (issue 15). Each lookup takes its
/// try before the four characters are compared, so that parallel guesses cannot all pass a check before the first
/// failure is written; a right answer gives its try back. After <c>RateLimits:TrackFailuresPerCase</c> (5) wrong
/// tries a case number's public lookup is locked for 15 minutes, doubling with every further wrong try up to a day,
/// and the page says so; the applicant can still sign in to "my cases" or ask at a window.
/// </summary>
public sealed class TrackingGuard(AttemptLimiter limiter, IConfiguration configuration)
{
    public AttemptPolicy PerCase { get; } = new("track-case", Math.Max(1, configuration.GetValue("RateLimits:TrackFailuresPerCase", 5)),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>
    /// Takes a try at the case number before its four characters are compared: refused (and not counted) while the
    /// number is locked. An allowed try's <see cref="AttemptVerdict.Wait"/> is how long the number is locked should
    /// this try be wrong. A blank number names no case and takes nothing.
    /// </summary>
    public Task<AttemptVerdict> TakeAsync(string? number, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(number) ? Task.FromResult(new AttemptVerdict(true, TimeSpan.Zero)) : limiter.TryTakeAsync(PerCase, Subject(number), ct);

    /// <summary>A right answer gives its try back: the applicant's own lookups never lock their case.</summary>
    public Task GiveBackAsync(string? number, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(number) ? Task.CompletedTask : limiter.GiveBackAsync(PerCase, Subject(number), ct);

    private static string Subject(string number) => number.Trim().ToUpperInvariant();

    /// <summary>What the public is told while a case number's lookup is locked.</summary>
    public static string LockedMessage(TimeSpan wait) =>
        Text.Formatted("该办件编号的查询因多次输入错误已暂停，请 {0} 分钟后再试，或登录“我的办件”、携带身份证件到政务服务中心窗口查询。",
            Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
}
