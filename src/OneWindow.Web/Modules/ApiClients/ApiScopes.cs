using System.Security.Claims;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>
/// What a client application may do. Each scope is an authorization policy of the same name (<see cref="Policy"/>),
/// so another module requires one as it requires a role: <c>.RequireAuthorization(ApiScopes.Policy(ApiScopes.HotlineCalls))</c>.
/// </summary>
public static class ApiScopes
{
    /// <summary>Submitting service requests through Open311 GeoReport v2.</summary>
    public const string Open311Write = "open311:write";
    /// <summary>Reporting certificates a department issued (证照上报, <c>POST /api/v1/certificates</c>).</summary>
    public const string CertificatesWrite = "certificates:write";
    /// <summary>Incoming-call events from the call center's telephony (<c>POST /api/v1/hotline/calls</c>).</summary>
    public const string HotlineCalls = "hotline:calls";

    public static readonly IReadOnlyList<string> All = [Open311Write, CertificatesWrite, HotlineCalls];

    /// <summary>The scopes that act for a department and so need a client registered for one.</summary>
    public static readonly IReadOnlyList<string> NeedDepartment = [CertificatesWrite];

    /// <summary>The name of the policy that admits a client key holding <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => "scope:" + scope;

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.Identity?.AuthenticationType == ApiKeyAuthentication.Scheme && user.HasClaim(ApiClaims.Scope, scope);
}

/// <summary>The claims of a principal authenticated by a client key.</summary>
public static class ApiClaims
{
    public const string ClientId = "ow:api-client";
    public const string ClientName = "ow:api-client-name";
    public const string KeyPrefix = "ow:api-key-prefix";
    public const string DepartmentId = "ow:api-department";
    public const string Scope = "ow:scope";
    public const string RequestsPerMinute = "ow:api-rpm";
}

/// <summary>The client application behind a request, read from its principal.</summary>
public sealed record ApiClientCaller(Guid Id, string Name, string KeyPrefix, Guid? DepartmentId, int RequestsPerMinute)
{
    /// <summary>How the client is named as an actor in records and the audit log.</summary>
    public string ActorName => "api:" + Name;

    public static ApiClientCaller? Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: ApiKeyAuthentication.Scheme }
            || !Guid.TryParse(user.FindFirstValue(ApiClaims.ClientId), out var id))
        {
            return null;
        }
        return new ApiClientCaller(id, user.FindFirstValue(ApiClaims.ClientName) ?? "", user.FindFirstValue(ApiClaims.KeyPrefix) ?? "",
            Guid.TryParse(user.FindFirstValue(ApiClaims.DepartmentId), out var department) ? department : null,
            int.TryParse(user.FindFirstValue(ApiClaims.RequestsPerMinute), out var rpm) ? rpm : 0);
    }
}
