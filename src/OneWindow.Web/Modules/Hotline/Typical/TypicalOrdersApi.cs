using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Domain.Hotline;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;

namespace OneWindow.Web.Modules.Hotline;

public sealed record ConsentRequest(int Revision, bool Consent, string? Note = null);
public sealed record PublicWithdrawConsentRequest(string? Number, string? PhoneTail);
public sealed record ConsentWithdrawn(string Number, bool? PublicationConsent);
public sealed record TypicalRequest(string? Title, string? Question, string? Answer);
public sealed record TypicalEditRequest(int Revision, string? Title, string? Question, string? Answer);

/// <summary>
/// 典型工单 (ADR 0037). The public list and detail at <c>/api/v1/public/hotline/typical</c>: no sign-in, no caller data,
/// cacheable for a minute. The center's staff: the candidates, publishing, editing on the revision, taking down. The
/// caller withdraws the consent with the number and the phone's last four digits.
/// </summary>
public static class TypicalOrdersApi
{
    private const string Cache = "public, max-age=60";
    public const string NotPublished = "该典型工单未公开或已不再公开。";

    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/public/hotline/typical").WithTags("Hotline").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapGet("", async (string? category, string? after, int? limit, HttpContext http, OneWindowDbContext db, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = Cache;
            return TypedResults.Ok(await TypicalOrderQueries.PublicAsync(db, category, after, ct, limit));
        }).WithSummary("典型工单: published typical orders, newest first, paged by key (`after`, `limit` 1–50, default 20); `category` a group or a category code; no caller data");
        pub.MapGet("/{id:guid}", async (Guid id, HttpContext http, OneWindowDbContext db, CancellationToken ct) =>
        {
            // Taken down or never published alike: 404 problem details, not cached (the exception handler says so).
            var one = await TypicalOrderQueries.PublicOneAsync(db, id, ct) ?? throw new NotFoundException(NotPublished);
            http.Response.Headers.CacheControl = Cache;
            return TypedResults.Ok(one);
        }).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One published typical order with its question and answer; 404 problem details (`not-found`) once taken down or when never published");

        app.MapPost("/api/v1/hotline/public/withdraw-consent", async (PublicWithdrawConsentRequest r, WithdrawConsentOnline withdraw, CancellationToken ct) =>
        {
            var order = await withdraw.RunAsync(r.Number, r.PhoneTail, ct);
            return TypedResults.Ok(new ConsentWithdrawn(order.Number, order.PublicationConsent));
        }).WithTags("Hotline").AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("Withdraw the consent to publication by `number` and `phoneTail`; a typical order of it leaves the public page at once")
            .WithDescription("404 for an unknown number or a wrong pair alike; 409 `hotline.consent-not-given` when there was no consent to withdraw.");

        var staff = app.MapGroup("/api/v1/hotline").WithTags("Hotline").RequireAuthorization(Policies.Hotline);
        staff.MapGet("/typical/candidates", async (string? after, int? limit, OneWindowDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await TypicalOrderQueries.CandidatesAsync(db, after, ct, limit)))
            .WithSummary("Concluded orders the caller consented to publish and not on the public page, latest conclusion first; paged by key (`after`, `limit`)");
        staff.MapGet("/typical/{id:guid}", async Task<Results<Ok<TypicalOrderView>, NotFound>> (Guid id, OneWindowDbContext db, CancellationToken ct) =>
            await TypicalOrderQueries.StaffAsync(db, id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound())
            .WithSummary("A typical order as the staff edit it, with its `revision` and the order it was written of");
        staff.MapPost("/orders/{id:guid}/typical", async (Guid id, TypicalRequest r, HttpContext http, PublishTypicalOrder publish, OneWindowDbContext db, CancellationToken ct) =>
        {
            var typical = await publish.RunAsync(http.User, id, new TypicalText(r.Title, r.Question, r.Answer), ct);
            return TypedResults.Created($"/api/v1/public/hotline/typical/{typical.Id}", await TypicalOrderQueries.ViewAsync(db, typical, ct));
        }).WithSummary("公开典型工单: `title`, `question`, `answer` in the staff's own words; 201")
            .WithDescription("409 `hotline.typical-not-concluded` or `hotline.consent-required`; 400 `hotline.typical-personal-data` naming the field when a text carries "
                + "the caller's name or phone, a mobile number, a resident ID, the exact address, the village or a house number.");
        staff.MapPut("/typical/{id:guid}", async (Guid id, TypicalEditRequest r, HttpContext http, EditTypicalOrder edit, OneWindowDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await TypicalOrderQueries.ViewAsync(db, await edit.RunAsync(http.User, id, r.Revision, new TypicalText(r.Title, r.Question, r.Answer), ct), ct)))
            .WithSummary("修改: a new text on the `revision` loaded; a stale one is 409 `concurrency.conflict`");
        staff.MapPost("/typical/{id:guid}/unpublish", async (Guid id, RevisionRequest r, HttpContext http, UnpublishTypicalOrder unpublish, OneWindowDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await TypicalOrderQueries.ViewAsync(db, await unpublish.RunAsync(http.User, id, r.Revision, ct), ct)))
            .WithSummary("撤下: off the public page, on the `revision` loaded");
    }
}
