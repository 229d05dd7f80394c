using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>
/// The key scheme: a request carrying <c>Authorization: Bearer ow_…</c>, <c>X-Api-Key: ow_…</c> or, in a form body,
/// <c>api_key=ow_…</c> (Open311) is authenticated by
/// its key alone (a sign-in cookie sent along is ignored); any other request by the sign-in cookie as before. The
/// choice is made by a forwarding scheme that is the default, so that every part of the pipeline after
/// authentication — authorization, the per-key rate limit, the audit attribution — sees the client as the user.
/// A wrong, unknown or revoked key is 401 with problem details; a key without the scope an endpoint needs is 403.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string Selector = "OneWindow";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Open311 GeoReport v2 sends the key as a form field of the POST; never read from a URL, where logs keep it.</summary>
    public const string FormField = "api_key";

    /// <summary>
    /// The key a request presents in a header or in the <c>api_key</c> field of its form, or null when it presents
    /// none. The form was read before authentication (the input guard reads every form), so this reads no body.
    /// </summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header.ToString()))
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..];
        }
        return request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            && form.TryGetValue(FormField, out var field) && !string.IsNullOrWhiteSpace(field.ToString())
            ? field.ToString()
            : null;
    }

    public static ClaimsPrincipal Principal(ApiKeyCheck check)
    {
        var client = check.Client!;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, client.ActorName),
            new(ApiClaims.ClientId, client.Id.ToString()),
            new(ApiClaims.ClientName, client.Name),
            new(ApiClaims.KeyPrefix, client.KeyPrefix),
            new(ApiClaims.RequestsPerMinute, client.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (client.DepartmentId is { } department)
        {
            claims.Add(new Claim(ApiClaims.DepartmentId, department.ToString()));
        }
        claims.AddRange(check.Scopes.Select(s => new Claim(ApiClaims.Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    internal static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = http =>
                Presented(http.Request) is null ? IdentityConstants.ApplicationScheme : Scheme);
        // After AddIdentity, which made the cookie the default: the selector is the default now.
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });
    }

    internal static Task WriteProblemAsync(HttpContext http, int status, string title, string code)
    {
        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = Text.Translate(title), Extensions = { ["code"] = code } },
        }).AsTask();
    }
}

internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string ProblemItem = "ow:api-key-problem";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyAuthentication.Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var check = await keys.CheckAsync(presented, Context.RequestAborted);
        if (check.Client is null)
        {
            Context.Items[ProblemItem] = check.Problem;
            return AuthenticateResult.Fail(check.Problem!);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyAuthentication.Principal(check), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"OneWindow\"";
        return Context.Items[ProblemItem] switch
        {
            "api-key.revoked" => ApiKeyAuthentication.WriteProblemAsync(Context, 401, "该接入密钥已被吊销。", "api-key.revoked"),
            string => ApiKeyAuthentication.WriteProblemAsync(Context, 401, "接入密钥无效。", "api-key.invalid"),
            _ => ApiKeyAuthentication.WriteProblemAsync(Context, 401, "需要接入密钥。", "api-key.required"),
        };
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiKeyAuthentication.WriteProblemAsync(Context, 403, "该接入应用没有此项权限。", "api-key.scope-missing");
}
