using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Hotline;

/// <summary>
/// The lists beyond the lead unit's inbox (ADR 0034): a co-handler's own inbox (协办工单), which it contributes from
/// with <c>POST /api/v1/hotline/orders/{id}/contribute</c>, and the county government coordinator's read-only list of
/// the orders towns lead (乡镇工单). Both paged by key (<c>after</c>), the nearest limit first.
/// </summary>
public static class HotlineDesksApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hotline").WithTags("Hotline");
        api.MapGet("/inbox/co-handling", CoHandling).RequireAuthorization(Policies.CaseWork)
            .WithSummary("协办工单: the open orders the signed-in unit co-handles, nearest handling limit first, with its contribution so far; paged by key (`after`)");
        api.MapGet("/oversight/towns", Towns).RequireAuthorization(HotlineModule.OversightPolicy)
            .WithSummary("乡镇工单: the open orders towns lead (one town's with `townId`), for the county government's coordinator; read-only, paged by key (`after`)");
    }

    private static async Task<Ok<CoHandlingPage>> CoHandling(string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, TimeProvider clock, CancellationToken ct)
    {
        var by = await HotlineStaff.PartyAsync(http.User, users, db);
        var unit = by.UnitId ?? throw new ForbiddenException("hotline.unit-only", "协办工单属于承办单位；热线中心请查看各队列。");
        return TypedResults.Ok(await WorkOrderDeskQueries.CoHandlingAsync(db, unit, after, clock.GetUtcNow().UtcDateTime, ct));
    }

    private static async Task<Ok<WorkOrderPage>> Towns(Guid? townId, string? after, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await WorkOrderDeskQueries.TownOrdersAsync(db, townId, after, clock.GetUtcNow().UtcDateTime, ct));
}
