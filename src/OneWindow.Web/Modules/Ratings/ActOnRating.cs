using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Domain.Cases;
using OneWindow.Web.Data;
using OneWindow.Web.Infrastructure;
using OneWindow.Web.Modules.Accounts;
using OneWindow.Web.Modules.Audit;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>
/// The one write of the rating actions (<see cref="RectifyRating"/>, <see cref="AppealRating"/>,
/// <see cref="ReviewRatingAppeal"/>): the rating in the person's scope (403 otherwise), at the revision they saw (409
/// otherwise), the domain's step, its audit entry, saved together.
/// </summary>
public sealed class ActOnRating(OneWindowDbContext db, WriteUnit unit, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<Rating> RunAsync(ClaimsPrincipal principal, Guid id, int revision, string what, Action<Rating, RatingStaff, DateTime> act, CancellationToken ct)
    {
        var staff = await RatingStaff.LoadAsync(principal, users, db);
        var rating = staff.EnsureMaySee(await db.Ratings.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("评价不存在。"));
        if (rating.Revision != revision)
        {
            throw new DbUpdateConcurrencyException($"Rating {id} is at revision {rating.Revision}, not {revision}.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        act(rating, staff, now);
        db.Audit(now, principal.ActorName(), "Rating", rating.CaseNumber, what, new { rating.Rectification });
        await unit.SaveAsync(ct);
        return rating;
    }

    /// <summary>Calling back, rectifying and appealing are the rated department's to do.</summary>
    public static void EnsureOfDepartment(Rating rating, RatingStaff staff)
    {
        if (!staff.OfDepartment(rating))
        {
            throw new ForbiddenException("rating.not-department", "只有被评价部门的工作人员可以回访、整改或申诉。");
        }
    }
}
