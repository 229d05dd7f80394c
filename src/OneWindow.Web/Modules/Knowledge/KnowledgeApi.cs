using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneWindow.Domain.Calendar;
using OneWindow.Domain.Knowledge;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;

namespace OneWindow.Web.Modules.Knowledge;

public sealed record SaveEntryRequest(string? Question, string? Answer, string? CategoryCode, Guid DepartmentId, string? ServiceItemCode, IReadOnlyList<string>? Keywords,
    DateOnly ReviewDue, string? Note = null, int Revision = 0)
{
    public KnowledgeDraft Draft => new(Question, Answer, CategoryCode, DepartmentId, ServiceItemCode, Keywords, ReviewDue, Note);
}

public sealed record EntryRevisionRequest(int Revision);

/// <summary>
/// <c>/api/v1/knowledge</c>: the twin of the knowledge pages, for hotline operators (every entry) and departments' staff
/// (reading all, writing their own department's). A stale <c>revision</c> is 409 <c>concurrency.conflict</c>; bad input
/// is 400 naming the field; another department's entry is 403 <c>knowledge.other-department</c>.
/// </summary>
public static class KnowledgeApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireAuthorization(Policies.HotlineWork);
        api.MapGet("/search", Search).WithSummary("Search entries and the catalog's service guides together (`q`, Chinese text by character pairs); the best 10, ranked by the terms matched");
        api.MapGet("/entries", List).WithSummary("The entries, paged by key (`after`): filters `department`, `category`, `due` (past the review day), `withdrawn`");
        api.MapGet("/entries/{id:guid}", Get).WithSummary("One entry with its versions (newest first) and its `revision`");
        api.MapGet("/entries/{id:guid}/versions/{version:int}", Version).WithSummary("One version of an entry as it was saved");
        api.MapPost("/entries", Create).WithSummary("A new entry, published at once as version 1; 201");
        api.MapPut("/entries/{id:guid}", Edit).WithSummary("An edit on the `revision` read: a new version (the old stays readable); also how an entry is reviewed (a new `reviewDue`)");
        api.MapPost("/entries/{id:guid}/withdraw", (Guid id, EntryRevisionRequest r, ClaimsPrincipal user, WithdrawEntry use, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(use.RunAsync(user, id, r.Revision, withdraw: true, ct), db, clock, ct)).WithSummary("撤回: no longer offered by the search; still readable");
        api.MapPost("/entries/{id:guid}/publish", (Guid id, EntryRevisionRequest r, ClaimsPrincipal user, WithdrawEntry use, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(use.RunAsync(user, id, r.Revision, withdraw: false, ct), db, clock, ct)).WithSummary("重新发布 a withdrawn entry (409 `knowledge.review-overdue` past its review day)");
    }

    private static DateOnly Today(TimeProvider clock) => ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    private static async Task<Ok<KnowledgeResults>> Search(string? q, ClaimsPrincipal user, UserManager<UserAccount> users, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await KnowledgeStaff.AuthorAsync(user, users, db);
        return TypedResults.Ok(await SearchKnowledge.RunAsync(db, q, Today(clock), ct));
    }

    private static async Task<Ok<KnowledgePage>> List(Guid? department, string? category, bool? due, bool? withdrawn, string? after, ClaimsPrincipal user,
        UserManager<UserAccount> users, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await KnowledgeStaff.AuthorAsync(user, users, db);
        return TypedResults.Ok(await KnowledgeQueries.ListAsync(db, new KnowledgeFilter(department, category, due == true, withdrawn == true, after), Today(clock), ct));
    }

    private static async Task<Ok<KnowledgeEntryView>> Get(Guid id, ClaimsPrincipal user, UserManager<UserAccount> users, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await KnowledgeStaff.AuthorAsync(user, users, db);
        return TypedResults.Ok(await KnowledgeQueries.GetAsync(db, id, Today(clock), ct));
    }

    private static async Task<Ok<KnowledgeVersionView>> Version(Guid id, int version, ClaimsPrincipal user, UserManager<UserAccount> users, OneWindowDbContext db, CancellationToken ct)
    {
        await KnowledgeStaff.AuthorAsync(user, users, db);
        return TypedResults.Ok(await KnowledgeQueries.VersionAsync(db, id, version, ct));
    }

    private static async Task<Created<KnowledgeEntryView>> Create(SaveEntryRequest r, ClaimsPrincipal user, CreateEntry create, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var entry = await create.RunAsync(user, r.Draft, ct);
        return TypedResults.Created($"/api/v1/knowledge/entries/{entry.Id}", await KnowledgeQueries.GetAsync(db, entry.Id, Today(clock), ct));
    }

    private static Task<Ok<KnowledgeEntryView>> Edit(Guid id, SaveEntryRequest r, ClaimsPrincipal user, EditEntry edit, OneWindowDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(edit.RunAsync(user, id, r.Revision, r.Draft, ct), db, clock, ct);

    private static async Task<Ok<KnowledgeEntryView>> ChangeAsync(Task<KnowledgeEntry> change, OneWindowDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var entry = await change;
        return TypedResults.Ok(await KnowledgeQueries.GetAsync(db, entry.Id, Today(clock), ct));
    }
}
