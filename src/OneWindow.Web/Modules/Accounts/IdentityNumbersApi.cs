using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Accounts;

/// <summary>
/// <c>/api/v1/admin/identity-numbers</c>: the twin of /admin/accounts/identity-numbers, for center administrators —
/// the accounts naming an ID number, and detaching it from one of them (both audited). The ID number travels in the
/// body, never in a URL.
/// </summary>
public static class IdentityNumbersApi
{
    public static IEndpointRouteBuilder MapIdentityNumbersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/identity-numbers").WithTags("Accounts administration").RequireAuthorization(Policies.CenterAdmin);
        api.MapPost("/holders", Holders)
            .WithSummary("The accounts that name `identityNumber`, masked")
            .WithDescription("400 `identity.invalid` for a number that is not a valid resident ID number. Audited.");
        api.MapPost("/holders/{userId}/detach", Detach)
            .WithSummary("Detach `identityNumber` from the account, with the `reason`")
            .WithDescription("404 unless the account names that ID number; 400 `identity.reason-required` without a reason. Audited with the reason; the account's phone is told by SMS and its sign-ins end at their next check.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<IdentityNumberHolder>>> Holders(IdentityNumberLookup r, HttpContext http, IdentityNumberHolders holders, CancellationToken ct)
    {
        var found = await holders.FindAsync(http.User, r.IdentityNumber, ct);
        PersonalData.NoStore(http.Response);
        return TypedResults.Ok(found);
    }

    private static async Task<NoContent> Detach(string userId, IdentityNumberDetach r, HttpContext http, IdentityNumberHolders holders, CancellationToken ct)
    {
        await holders.DetachAsync(http.User, userId, r.IdentityNumber, r.Reason, ct);
        return TypedResults.NoContent();
    }
}
