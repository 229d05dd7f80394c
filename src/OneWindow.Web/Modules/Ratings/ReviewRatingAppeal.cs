using System.Security.Claims;
using OneWindow.Domain.Cases;

namespace OneWindow.Web.Modules.Ratings;

/// <summary>审核申诉: a supervisor upholds the appeal (the rating is set aside) or rejects it (the department must rectify).</summary>
public sealed class ReviewRatingAppeal(ActOnRating act)
{
    public Task<Rating> RunAsync(ClaimsPrincipal principal, Guid id, int revision, bool upheld, string? review, CancellationToken ct) =>
        act.RunAsync(principal, id, revision, RatingActions.Review, (rating, staff, now) => rating.ReviewAppeal(upheld, review ?? "", staff.Actor, now), ct);
}
