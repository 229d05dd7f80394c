using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>
/// A concluded case rated online by whoever can track it: its number and the last four characters of the applicant's
/// phone or ID number (<c>tail</c>), the level, and for a bad rating what was wrong (<c>comment</c>).
/// </summary>
public sealed record OnlineRatingRequest(string Number, string Tail, RatingLevel Level, string? Comment = null);

/// <summary>The rating taken; a bad one is called back by the department by <c>callbackBy</c>.</summary>
public sealed record OnlineRatingAnswer(string CaseNumber, RatingLevel Level, bool Bad, DateOnly? CallbackBy);

/// <summary>A rating as the workbench shows it, with what the signed-in person may do with it now.</summary>
public sealed record RatingView(Guid Id, int Revision, string CaseNumber, Guid DepartmentId, string? DepartmentName, CaseChannel Channel, RatingLevel Level,
    string? Comment, DateTime RatedAt, RectificationStatus Rectification, DateTime? RectificationDueAt, DateOnly? RectificationDueDate, string? CallbackNote,
    string? RectificationNote, string? AppealReason, string? AppealReview, string? HandledBy, DateTime? HandledAt, IReadOnlyList<string> AvailableActions);

public sealed record RatingPage(IReadOnlyList<RatingView> Items, string? Next);

public sealed record RectifyRatingRequest(int Revision, string CallbackNote, string RectificationNote);

public sealed record AppealRatingRequest(int Revision, string Reason);

public sealed record ReviewAppealRequest(int Revision, bool Upheld, string Review);

/// <summary>
/// <c>/api/v1/ratings</c>: the public's online rating (the tracking page's form: open to anyone, limited per address
/// and locked per case number like tracking), and the workbench's rectification of bad ratings with the page's
/// scope (<see cref="RatingStaff"/>) and use cases.
/// </summary>
public static class RatingsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ratings").WithTags("Ratings");
        api.MapPost("/online", RateOnline).AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("Rate a concluded case online (好差评), once, naming it by its number and the last four characters of the applicant's phone or ID number")
            .WithDescription("Open to anyone, limited per address. A wrong `tail` is 400 `rating.case-unknown` and counts towards the case number's lock shared with tracking (400 `tracking.locked` while it lasts; a `tail` that is not four characters is refused without counting). A bad rating (`Dissatisfied`, `VeryDissatisfied`) needs a `comment` and opens the department's rectification; a second online rating is 409 `rating.already-rated`. 201.");

        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", List).WithSummary("Bad ratings in the signed-in person's scope, the soonest due first, paged by key (`after`)")
            .WithDescription("A department's staff see their department's ratings, supervisors all. `rectification` (Open, Rectified, AppealPending, AppealUpheld) or by default what awaits the reader: the department's open and appealed ratings, the supervisors' appeals to review. 50 a page; pass `next` as `after`.");
        staff.MapGet("/{id:guid}", Get).WithSummary("One rating with its rectification and `availableActions`")
            .WithDescription("403 `rating.out-of-scope` for another department's rating.");
        staff.MapPost("/{id:guid}/" + RatingActions.Rectify, Rectify)
            .WithSummary("The department records its call back to the applicant (`callbackNote`) and its rectification (`rectificationNote`)");
        staff.MapPost("/{id:guid}/" + RatingActions.Appeal, Appeal)
            .WithSummary("The department appeals a bad rating it holds malicious (`reason` with its evidence); a supervisor reviews it");
        staff.MapPost("/{id:guid}/" + RatingActions.Review, Review).RequireAuthorization(Policies.Supervision)
            .WithSummary("A supervisor upholds the appeal (`upheld`: the rating is set aside) or rejects it (the department must rectify), with the `review`");
    }

    private static async Task<Created<OnlineRatingAnswer>> RateOnline(OnlineRatingRequest r, RateCase rate, CancellationToken ct)
    {
        var rating = await rate.RateOnlineAsync(r.Number, r.Tail, r.Level, r.Comment, ct);
        return TypedResults.Created((string?)null,
            new OnlineRatingAnswer(rating.CaseNumber, rating.Level, rating.IsBad, rating.RectificationDueAt is { } due ? DueDate(due) : null));
    }

    private static async Task<Ok<RatingPage>> List(RectificationStatus? rectification, string? after, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var staff = await RatingStaff.LoadAsync(http.User, users, db);
        var (rows, next) = await RatingList.PageAsync(db, staff, rectification, after, ct);
        var names = await CaseDepartments.NamesAsync(db, [.. rows.Select(r => r.DepartmentId)], ct);
        return TypedResults.Ok(new RatingPage([.. rows.Select(r => View(r, staff, names))], next));
    }

    private static async Task<Ok<RatingView>> Get(Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(id, http, db, users, ct));

    private static async Task<Ok<RatingView>> Rectify(Guid id, RectifyRatingRequest r, HttpContext http, RectifyRating rectify, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        await rectify.RunAsync(http.User, id, r.Revision, r.CallbackNote, r.RectificationNote, ct);
        return TypedResults.Ok(await ViewAsync(id, http, db, users, ct));
    }

    private static async Task<Ok<RatingView>> Appeal(Guid id, AppealRatingRequest r, HttpContext http, AppealRating appeal, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        await appeal.RunAsync(http.User, id, r.Revision, r.Reason, ct);
        return TypedResults.Ok(await ViewAsync(id, http, db, users, ct));
    }

    private static async Task<Ok<RatingView>> Review(Guid id, ReviewAppealRequest r, HttpContext http, ReviewRatingAppeal review, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        await review.RunAsync(http.User, id, r.Revision, r.Upheld, r.Review, ct);
        return TypedResults.Ok(await ViewAsync(id, http, db, users, ct));
    }

    /// <summary>The rating as it is now, in the reader's scope (403 otherwise, as the page answers).</summary>
    private static async Task<RatingView> ViewAsync(Guid id, HttpContext http, OneWindowDbContext db, UserManager<UserAccount> users, CancellationToken ct)
    {
        var staff = await RatingStaff.LoadAsync(http.User, users, db);
        var rating = staff.EnsureMaySee(await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("评价不存在。"));
        return View(rating, staff, await CaseDepartments.NamesAsync(db, [rating.DepartmentId], ct));
    }

    private static RatingView View(Rating r, RatingStaff staff, IReadOnlyDictionary<Guid, string> departments) =>
        new(r.Id, r.Revision, r.CaseNumber, r.DepartmentId, departments.GetValueOrDefault(r.DepartmentId), r.Channel, r.Level, r.Comment, r.RatedAt,
            r.Rectification, r.RectificationDueAt, r.RectificationDueAt is { } due ? DueDate(due) : null, r.CallbackNote, r.RectificationNote,
            r.AppealReason, r.AppealReview, r.HandledBy, r.HandledAt, staff.ActionsOn(r));

    /// <summary>The last day of a period ending at midnight Beijing time.</summary>
    private static DateOnly DueDate(DateTime endUtc) => Domain.Calendar.ChinaTime.DateOf(endUtc.AddTicks(-1));
}
