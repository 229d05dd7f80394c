using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

public sealed record GuideListResponse(IReadOnlyList<GuideSummary> Items, string? Next);

public sealed record CreateItemRequest(string Code, ServiceGuide Guide);

public sealed record EditDraftRequest(int Revision, ServiceGuide Guide, string? Note = null);

public sealed record VersionResponse(string Code, int VersionNumber, VersionStatus Status, int Revision, DateOnly? ValidFrom);

public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.PublicPages("/Catalog/Public").AuthorizePages("/Catalog/Admin", Policies.CatalogAdmin)
            .AddScoped<ManageCatalog>().AddScoped<ManageCombinedItems>().AddScoped<CatalogCsv>().AddScoped<GuideFiles>();

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/catalog").WithTags("Catalog");
        api.MapGet("/items", List).AllowAnonymous()
            .WithSummary("Published service items (办事指南), filtered, paged by key")
            .WithDescription("Filters: `q` (words in the name, code, keywords or themes), `department` (id), `type` (ItemType), `applicant` (Person or Enterprise), `theme`. Paging: pass the `next` of a page as `after` to get the following page; `limit` 1–100 (default 20).");
        api.MapGet("/items/{code}", Get).AllowAnonymous()
            .WithSummary("One item's full guide")
            .WithDescription("The published version, or `version` = N for an earlier one, with the version history.");

        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.CatalogAdmin).WithTags("Catalog administration");
        admin.MapPost("/items", Create).WithSummary("Create an item with its first draft");
        admin.MapPost("/items/{code}/drafts", StartDraft).WithSummary("Open a new draft copied from the published version");
        admin.MapPut("/items/{code}/versions/{version:int}", EditDraft)
            .WithSummary("Replace a draft's guide")
            .WithDescription("`revision` must be the draft's current revision; a stale one is refused with 409 `concurrency.conflict`.");
        admin.MapPost("/items/{code}/publish", Publish)
            .WithSummary("Publish the draft; the version in force is superseded")
            .WithDescription("Refused with 400 `guide.invalid` and the problems found when the guide is incomplete.");

        GuideFiles.Map(app);
        app.MapGet("/admin/catalog/export", async (CatalogCsv csv, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var date = Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"catalog-{date:yyyyMMdd}.csv\"; filename*=UTF-8''{Uri.EscapeDataString($"实施清单-{date:yyyyMMdd}.csv")}";
            await csv.WriteAsync(http.Response.Body, ct);
        }).RequireAuthorization(Policies.CatalogAdmin).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<GuideListResponse>> List(
        OneWindowDbContext db, string? q, Guid? department, ItemType? type, ApplicantTypes? applicant, string? theme, string? after, int? limit, CancellationToken ct)
    {
        var page = await SearchGuides.RunAsync(db, new GuideQuery(q, department, type, applicant, theme, after, limit ?? 20), ct);
        return TypedResults.Ok(new GuideListResponse(page.Items, page.NextAfter));
    }

    private static async Task<Results<Ok<GuideView>, NotFound<ProblemDetails>>> Get(OneWindowDbContext db, string code, int? version, CancellationToken ct)
    {
        var guide = await GetGuide.RunAsync(db, code, version, ct: ct);
        return guide is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = $"事项 {code} 不存在或未发布", Extensions = { ["code"] = "not-found" } })
            : TypedResults.Ok(guide);
    }

    private static async Task<Created<VersionResponse>> Create(ManageCatalog catalog, HttpContext http, CreateItemRequest request, CancellationToken ct)
    {
        var item = await catalog.CreateItemAsync(request.Code, request.Guide, http.User.ActorName(), ct);
        var v = item.Versions[0];
        return TypedResults.Created($"/api/v1/catalog/items/{item.Code}?version=1", ToResponse(v));
    }

    private static async Task<Ok<VersionResponse>> StartDraft(ManageCatalog catalog, HttpContext http, string code, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await catalog.StartDraftAsync(code, http.User.ActorName(), null, ct)));

    private static async Task<Ok<VersionResponse>> EditDraft(ManageCatalog catalog, HttpContext http, string code, int version, EditDraftRequest request, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await catalog.EditDraftAsync(code, version, request.Revision, request.Guide, http.User.ActorName(), request.Note, ct)));

    private static async Task<Ok<VersionResponse>> Publish(ManageCatalog catalog, HttpContext http, string code, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await catalog.PublishAsync(code, http.User.ActorName(), ct)));

    private static VersionResponse ToResponse(ServiceItemVersion v) => new(v.ItemCode, v.VersionNumber, v.Status, v.Revision, v.ValidFrom);
}
