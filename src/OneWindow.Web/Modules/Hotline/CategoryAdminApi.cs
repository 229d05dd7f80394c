using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

public sealed record CategoryActiveRequest(int Revision, bool Active);

/// <summary>
/// <c>/api/v1/admin/hotline/categories</c>: the center administrator's twin of the category editor (诉求分类维护). A
/// change names the <c>revision</c> it was made on (409 <c>concurrency.conflict</c> when stale); bad input is 400 naming
/// the field; a rule of the tree (a group with categories under it moved or retired) is 409 with its code.
/// </summary>
public static class CategoryAdminApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/hotline/categories").WithTags("Hotline administration").RequireAuthorization(Policies.CenterAdmin);
        api.MapGet("", async (string? parent, string? after, OneWindowDbContext db, CancellationToken ct) => TypedResults.Ok(await CategoryTree.LevelAsync(db, parent, after, ct)))
            .WithSummary("One level of the category tree, retired categories included: the groups, or those under `parent`; paged by key (`after`)");
        api.MapGet("/{code}", Get).WithSummary("One category with its `revision`");
        api.MapPost("", Create).WithSummary("新增分类: `code` (letters, digits, dots), `name`, `parentCode` (none: a group), `defaultUnitId`, `handlingWorkingDays`, `sortOrder`");
        api.MapPut("/{code}", Edit).WithSummary("修改分类: rename, move (`parentCode`), default unit, statutory limit, place; with the `revision` loaded");
        api.MapPost("/{code}/active", Active).WithSummary("停用 (`active`: false) or 启用 a category, with the `revision` loaded");
    }

    private static async Task<Ok<CategoryRow>> Get(string code, OneWindowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await CategoryTree.FindAsync(db, code, ct) ?? throw new NotFoundException("分类不存在。"));

    private static async Task<Created<CategoryRow>> Create(CategoryForm form, HttpContext http, CreateCategory create, OneWindowDbContext db, CancellationToken ct)
    {
        var c = await create.RunAsync(form, http.User.ActorName(), ct);
        return TypedResults.Created($"/api/v1/admin/hotline/categories/{c.Code}", (await CategoryTree.FindAsync(db, c.Code, ct))!);
    }

    private static async Task<Ok<CategoryRow>> Edit(string code, CategoryForm form, HttpContext http, EditCategory edit, OneWindowDbContext db, CancellationToken ct)
    {
        var c = await edit.RunAsync(code, form, http.User.ActorName(), ct);
        return TypedResults.Ok((await CategoryTree.FindAsync(db, c.Code, ct))!);
    }

    private static async Task<Ok<CategoryRow>> Active(string code, CategoryActiveRequest r, HttpContext http, RetireCategory retire, OneWindowDbContext db, CancellationToken ct)
    {
        var c = await retire.RunAsync(code, r.Active, r.Revision, http.User.ActorName(), ct);
        return TypedResults.Ok((await CategoryTree.FindAsync(db, c.Code, ct))!);
    }
}
