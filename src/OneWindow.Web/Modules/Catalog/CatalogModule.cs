using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Domain.Catalog;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Catalog;

/// <summary>A page of guides; on the first page of a search also the matching combined items and the words the synonyms added.</summary>
public sealed record GuideListResponse(IReadOnlyList<GuideSummary> Items, string? Next, IReadOnlyList<CombinedSummary>? Combined = null, IReadOnlyList<string>? AlsoSearched = null);

public sealed record UploadGuideFileRequest(string FileName, string ContentBase64);

public sealed record GuideFileResponse(Guid Id, string FileName, string ContentType, long Length, string Url);

public sealed record SaveSynonymRequest(IReadOnlyList<string> Words, int? Revision = null);

public sealed record CreateItemRequest(string Code, ServiceGuide Guide);

public sealed record EditDraftRequest(int Revision, ServiceGuide Guide, string? Note = null);

public sealed record VersionResponse(string Code, int VersionNumber, VersionStatus Status, int Revision, DateOnly? ValidFrom);

public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.PublicPages("/Catalog/Public").AuthorizePages("/Catalog/Admin", Policies.CatalogAdmin)
            .AddScoped<ManageCatalog>().AddScoped<ManageCombinedItems>().AddScoped<ManageSynonyms>().AddScoped<CatalogCsv>().AddScoped<GuideFiles>();

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/catalog").WithTags("Catalog");
        api.MapGet("/items", List).AllowAnonymous()
            .WithSummary("Published service items (办事指南), filtered, paged by key")
            .WithDescription("Filters: `q` (words in the name, code, keywords or themes; each word also looks for the words of the search synonyms it contains, and the best matches come first), `department` (id), `type` (ItemType), `applicant` (Person or Enterprise), `theme` (one of `/api/v1/catalog/themes`). Paging: pass the `next` of a page as `after` to get the following page; `limit` 1–100 (default 20). The first page of a search or a theme also lists the matching combined items (`combined`) and the words the synonyms added (`alsoSearched`).");
        api.MapGet("/themes", async (OneWindowDbContext db, CancellationToken ct) => TypedResults.Ok(await SearchGuides.ThemesAsync(db, ct))).AllowAnonymous()
            .WithSummary("The themes of the published items (the theme filter's choices)");
        api.MapGet("/items/{code}/nearest", Nearest).AllowAnonymous()
            .WithSummary("Where the item is handed in nearest to a village (`village`: its 12-digit code)")
            .WithDescription("The village's own room (便民服务站) when its tier list takes the item in, else its town's hall (便民服务中心), else the county center; with the venue's address, hours and phone, the list's role there (`TakeIn`, `Decide`; null at the county center), and whether the village's room advises on it (`villageAdvises`). 404 for an unknown item or a code that is not a village's.");
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
            .WithDescription("Refused with 400 `guide.invalid` and the problems found (`codes`) when the guide is incomplete or its claims contradict its process (`guide.zero-visits-not-online`, `guide.online-with-visits`, `guide.no-visit-pickup-only`, `guide.no-visit-original`).");
        admin.MapPost("/files", UploadFile)
            .WithSummary("Upload a blank form or a sample for a guide's material")
            .WithDescription("`{fileName, contentBase64}`: PDF, Word, Excel, OFD or an image by content, 10 MB at most. A draft's material names the answer's `id` as its `templateFileId` or `sampleFileId`; a material naming an unknown file is refused with 409 `catalog.file-unknown`.");
        admin.MapGet("/synonyms", ListSynonyms)
            .WithSummary("Search synonyms (检索同义词), by term, paged by key")
            .WithDescription("`q` (part of a term), `after` (the `next` of a page), `limit` 1–200 (default 50).");
        admin.MapPut("/synonyms/{term}", SaveSynonym)
            .WithSummary("Create a search synonym or replace its words")
            .WithDescription("`{words, revision}`: the catalog's words a search for a text containing the term also looks for. Give the `revision` you loaded to replace (409 `concurrency.conflict` when it changed, or when the term exists and no revision was given).");
        admin.MapDelete("/synonyms/{term}", DeleteSynonym).WithSummary("Delete a search synonym");

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

    private static async Task<Results<Ok<NearestVenueView>, NotFound>> Nearest(string code, string? village, OneWindowDbContext db, CancellationToken ct) =>
        await db.ServiceItemVersions.AnyAsync(v => v.ItemCode == code && v.Status == VersionStatus.Published, ct)
            && await NearestVenue.RunAsync(db, code, village, ct) is { } nearest
            ? TypedResults.Ok(nearest) : TypedResults.NotFound();

    private static async Task<Ok<GuideListResponse>> List(
        OneWindowDbContext db, string? q, Guid? department, ItemType? type, ApplicantTypes? applicant, string? theme, string? after, int? limit, CancellationToken ct)
    {
        var page = await SearchGuides.RunAsync(db, new GuideQuery(q, department, type, applicant, theme, after, limit ?? 20), ct);
        return TypedResults.Ok(new GuideListResponse(page.Items, page.NextAfter, page.Combined, page.AlsoSearched));
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

    private static async Task<Created<GuideFileResponse>> UploadFile(GuideFiles files, HttpContext http, UploadGuideFileRequest request, CancellationToken ct)
    {
        var content = new byte[(request.ContentBase64?.Length ?? 0) * 3 / 4 + 3];
        if (request.ContentBase64 is null || !Convert.TryFromBase64String(request.ContentBase64, content, out var length))
        {
            throw new Domain.DomainRuleException("file.base64", $"“{request.FileName}”的内容不是有效的 Base64。", "contentBase64");
        }
        var file = await files.StoreAsync(request.FileName, content[..length], http.User.ActorName(), ct);
        return TypedResults.Created($"/files/{file.Id}", new GuideFileResponse(file.Id, file.FileName, file.ContentType, file.Length, $"/files/{file.Id}"));
    }

    private static async Task<Ok<SynonymPage>> ListSynonyms(ManageSynonyms synonyms, string? q, string? after, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await synonyms.ListAsync(q, after, limit ?? ManageSynonyms.PageSize, ct));

    private static async Task<Ok<SynonymView>> SaveSynonym(ManageSynonyms synonyms, HttpContext http, string term, SaveSynonymRequest request, CancellationToken ct) =>
        TypedResults.Ok(await synonyms.SaveAsync(term, request.Words ?? [], request.Revision, http.User.ActorName(), ct));

    private static async Task<NoContent> DeleteSynonym(ManageSynonyms synonyms, HttpContext http, string term, CancellationToken ct)
    {
        await synonyms.DeleteAsync(term, http.User.ActorName(), ct);
        return TypedResults.NoContent();
    }

    private static VersionResponse ToResponse(ServiceItemVersion v) => new(v.ItemCode, v.VersionNumber, v.Status, v.Revision, v.ValidFrom);
}
