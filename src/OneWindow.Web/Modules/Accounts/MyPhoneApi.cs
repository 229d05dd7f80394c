using OneWindow.Web.Modules.Applicants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Accounts;

public sealed record MyPhoneRequest(string? Phone = null, string? Code = null, string? Password = null);

/// <summary>The applicant's phone and whether a code has verified it (only then are window cases under it theirs).</summary>
public sealed record MyPhoneView(string Phone, bool Verified);

public sealed record PhoneCodeSent(string SentTo, int ExpiresInSeconds, int NextCodeInSeconds);

/// <summary><c>/api/v1/my/phone</c>: the twin of /my/phone — verify the account's phone or change it, each proved by a code.</summary>
public static class MyPhoneApi
{
    public static IEndpointRouteBuilder MapMyPhoneApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/my/phone").WithTags("My applications").RequireAuthorization(Policies.Applicant);
        api.MapGet("/", Get).WithSummary("The applicant's phone and whether it is verified");
        api.MapPost("/code", SendCode).RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Send a one-time code by SMS to `phone`: the account's own (to verify it) or a new one (to change to it)")
            .WithDescription("202 when sent; 429 `phone.code-too-soon` with `Retry-After` while the phone or the address must wait. A phone of another account is answered alike, and its owner told by SMS.");
        api.MapPost("/", Confirm).RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Confirm `phone` with its `code`; changing to a new phone also needs the current `password`")
            .WithDescription("400 `phone.code-invalid` for a wrong or expired code (5 tries per code), `phone.password-incorrect` (the code is then spent). A change makes the phone the sign-in name and ends the account's other sign-ins at their next check.");
        return app;
    }

    private static async Task<Ok<MyPhoneView>> Get(HttpContext http, UserManager<UserAccount> users)
    {
        var user = await ApplicantAccounts.LoadAsync(http.User, users);
        return TypedResults.Ok(new MyPhoneView(user.PhoneNumber ?? "", user.PhoneNumberConfirmed));
    }

    private static async Task<Results<Accepted<PhoneCodeSent>, ProblemHttpResult>> SendCode(MyPhoneRequest r, HttpContext http, MyPhone phones, CancellationToken ct)
    {
        var sent = await phones.SendCodeAsync(http.User, r.Phone, AccountLimits.AddressOf(http), ct);
        if (!sent.Allowed)
        {
            var seconds = (int)Math.Ceiling(sent.Wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: Text.Formatted("验证码发送过于频繁，请 {0}后再获取验证码。", AccountLimits.Describe(sent.Wait)),
                extensions: new Dictionary<string, object?> { ["code"] = "phone.code-too-soon", ["retryAfterSeconds"] = seconds });
        }
        return TypedResults.Accepted((string?)null, new PhoneCodeSent(r.Phone!.Trim(), (int)AccountLimits.CodeLifetime.TotalSeconds, (int)Math.Ceiling(sent.Wait.TotalSeconds)));
    }

    private static async Task<Ok<MyPhoneView>> Confirm(MyPhoneRequest r, HttpContext http, MyPhone phones, CancellationToken ct)
    {
        var done = await phones.ConfirmAsync(http.User, r.Phone, r.Code, r.Password, AccountLimits.AddressOf(http), ct);
        return TypedResults.Ok(new MyPhoneView(done.Phone, true));
    }
}
