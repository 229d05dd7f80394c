using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary>
/// 接入应用: other systems that call the API with a key of their own instead of a person's sign-in — registered,
/// shown their key once, rate-limited, attributed in the audit log and revoked by the center administrator (ADR 0025).
/// Each scope is a policy of its name; other modules require it (<see cref="ApiScopes.Policy"/>).
/// </summary>
public static class ApiClientsModule
{
    public static IServiceCollection AddApiClients(this IServiceCollection services)
    {
        services.AddApiKeyAuthentication();
        services.AddAuthorization(o =>
        {
            foreach (var scope in ApiScopes.All)
            {
                o.AddPolicy(ApiScopes.Policy(scope), p => p.RequireAssertion(c => c.User.HasScope(scope)));
            }
        });
        return services.AddSingleton<ApiClientLimiter>()
            .AddScoped<ApiKeys>()
            .AddScoped<RegisterApiClient>()
            .AddScoped<RevokeApiClient>()
            .AddScoped<ListApiClients>()
            .AuthorizePages("/ApiClients/Admin", Policies.CenterAdmin);
    }

    public static IEndpointRouteBuilder MapApiClients(this IEndpointRouteBuilder app) => app.MapApiClientsApi();

    /// <summary>After authentication: the per-key rate limit and the audit attribution of every request a key makes.</summary>
    public static IApplicationBuilder UseApiClients(this IApplicationBuilder app) => app.UseMiddleware<ApiClientRequests>();
}
