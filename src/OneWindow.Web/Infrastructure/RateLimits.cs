using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OneWindow.Web.Infrastructure;

/// <summary>
/// Limits per client address on what anyone can call without an account: sign-in and sign-up (floods of requests;
/// guessing is slowed per account, phone and address by the <see cref="AttemptLimiter"/>, ADR 0015), and the public
/// lookups and submissions (tracking a case by number and ID, complaints). Reads (GET of the forms) are not counted.
/// Over the limit: 429 with Retry-After, as problem details for the API and a readable page for people. Counted in
/// each instance's memory: a first guard, cheap enough for floods; what must hold across instances is in the limiter.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Public = "public";

    public static IServiceCollection AddOneWindowRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = Math.Max(1, configuration.GetValue("RateLimits:SignInPerMinute", 10));
        var publicCalls = Math.Max(1, configuration.GetValue("RateLimits:PublicPerMinute", 60));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => PerAddress(http, signIn, countReads: false));
            options.AddPolicy(Public, http => PerAddress(http, publicCalls, countReads: true));
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                var message = Text.Translate("操作过于频繁，请一分钟后再试。");
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await http.Response.WriteAsJsonAsync(new { title = message, status = 429, code = "rate-limited" }, ct);
                }
                else
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(message, ct);
                }
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute, bool countReads)
    {
        if (!countReads && HttpMethods.IsGet(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }
        var address = ClientAddress.Of(http);
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
