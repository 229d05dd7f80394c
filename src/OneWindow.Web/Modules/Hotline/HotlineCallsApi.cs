using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.ApiClients;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>The telephony seam: call events in (a client key with <c>hotline:calls</c>), the desks' live stream out (operators).</summary>
public static class HotlineCallsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/hotline/calls", Receive).WithTags("Hotline").RequireAuthorization(ApiScopes.Policy(ApiScopes.HotlineCalls))
            .WithSummary("An incoming-call event from the call center's telephony: `callerNumber`, `line`, `callId`, `event` (Ringing, Answered, Ended), optional `recordingRef`; 202")
            .WithDescription("A client key with the scope `hotline:calls` (`Authorization: Bearer ow_…`). The operators' desks show the caller's earlier orders at once; the order registered from the call keeps its `callId` and the `recordingRef` (also when it comes with a later event). 400 naming the field for bad input, nothing saved.");
        app.MapGet("/hotline/calls/live", (HttpContext http, DeskCalls stream, OneWindowDbContext db, CallSignal signal, string? line, CancellationToken ct) =>
            stream.RunAsync(http, db, signal, line, ct)).RequireAuthorization(Policies.Hotline).ExcludeFromDescription();
    }

    private static async Task<Accepted<CallReceived>> Receive(CallReport report, ClaimsPrincipal user, ReceiveCall receive, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await receive.RunAsync(user, report, ct));
}
