using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.ApiClients;

/// <summary><c>/api/v1/admin/api-clients</c>: the twin of /admin/api-clients, for center administrators.</summary>
public static class ApiClientsApi
{
    public static IEndpointRouteBuilder MapApiClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/api-clients").WithTags("Client applications").RequireAuthorization(Policies.CenterAdmin);
        api.MapGet("/", List).WithSummary("The registered client applications, newest first, 50 a page (`after` is the previous page's `next`)")
            .WithDescription("Never a key: only its first characters (`keyPrefix`).");
        api.MapGet("/{id:guid}", Get).WithSummary("One client application");
        api.MapPost("/", Register).WithSummary("Register a client application: `name`, `contact`, `departmentId` (null for the center), `scopes`, `requestsPerMinute`")
            .WithDescription("201 with the client and its `key`, shown this once and never again (kept only as a hash). Scopes: `open311:write`, `certificates:write` (needs a department), `hotline:calls`. 400 `api-client.*` for a missing name or contact, no or an unknown scope, an unknown department, a limit outside 1–6000. Audited.");
        api.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Revoke the client's key, with a `reason`")
            .WithDescription("The key is refused (401 `api-key.revoked`) from the next request on, on every instance. 409 `api-client.already-revoked`. Audited.");
        return app;
    }

    private static async Task<Ok<ApiClientPage>> List(string? after, ListApiClients list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(after, ct));

    private static async Task<Results<Ok<ApiClientView>, NotFound>> Get(Guid id, ListApiClients list, CancellationToken ct) =>
        await list.FindAsync(id, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    private static async Task<Created<ApiClientRegistered>> Register(ApiClientRegistration r, HttpContext http, RegisterApiClient register, CancellationToken ct)
    {
        var registered = await register.RunAsync(http.User, r, ct);
        PersonalData.NoStore(http.Response); // the key must not stay in any cache
        return TypedResults.Created($"/api/v1/admin/api-clients/{registered.Client.Id}", registered);
    }

    private static async Task<Ok<ApiClientView>> Revoke(Guid id, ApiClientRevocation r, HttpContext http, RevokeApiClient revoke, CancellationToken ct) =>
        TypedResults.Ok(await revoke.RunAsync(http.User, id, r.Reason, ct));
}
